import type { CoreContext, WriteContext } from '../../main/core/context';
import { conflict } from '../../main/core/errors';
import { categories } from '../../main/core/inventory/categories';
import { inventoryCounts } from '../../main/core/inventory/counts';
import { locations } from '../../main/core/inventory/locations';
import { parts } from '../../main/core/inventory/parts';
import { stock } from '../../main/core/inventory/stock';
import { parseQuantity, QUANTITY_SCALE } from '../../main/core/quantity';
import { users } from '../../main/core/users/users';
import { seededRandom } from '../seededRandom';
import { subscriptions } from '../../main/core/subscriptions/subscriptions';
import { buildOrders } from '../../main/core/builds/buildOrders';
import { localDate } from '../../main/core/calendar';
import { bom } from '../../main/core/builds/bom';
import { purchaseOrders } from '../../main/core/purchasing/purchaseOrders';
import { supplierParts } from '../../main/core/purchasing/supplierParts';
import { suppliers } from '../../main/core/purchasing/suppliers';
import { demoBoms, demoBuilds, demoCategories, demoLoaderSubscriptions, demoLocations, demoParts, demoSuppliers, demoUsers, type DemoCategory, type DemoLocation } from './catalogue';

function parseDemoQuantity(text: string): number {
  const parsed = parseQuantity(text);
  if (!parsed.ok) throw new Error(`Demo quantity "${text}" is not valid`);
  return parsed.scaled;
}

export function demoStatus(ctx: CoreContext): { empty: boolean } {
  const held = inventoryCounts(ctx);
  return { empty: held.parts + held.categories + held.locations === 0 };
}

/** The names of every category under Electronics. */
function electronicsCategories(list: DemoCategory[]): Set<string> {
  const names = new Set<string>();
  const walk = (entries: DemoCategory[]) => {
    for (const entry of entries) {
      names.add(entry.name);
      walk(entry.children ?? []);
    }
  };
  walk(list.filter((entry) => entry.name === 'Electronics'));
  return names;
}

/**
 * Suppliers for the parts with a minimum (a preferred one each, a second source for some
 * electronics), a placed order partly received, and a draft for what is low now.
 */
function addDemoPurchasing(
  ctx: WriteContext,
  reorderable: { partId: number; ipn: string; category: string; minimumUnits: number; typical: number }[],
  electronics: Set<string>,
  receiveAt: number,
  random: () => number,
): void {
  const [mouser, digikey, hardware] = demoSuppliers.map((supplier) => ({ ...supplier, id: suppliers.create(ctx, { name: supplier.name, website: supplier.website, notes: supplier.notes }).id }));
  if (!mouser || !digikey || !hardware) return;
  const offers = new Map<number, { supplierId: number; supplierPartId: number; pack: number }>();
  reorderable.forEach((entry, index) => {
    const isElectronic = electronics.has(entry.category);
    const preferred = isElectronic ? (index % 2 === 0 ? mouser : digikey) : hardware;
    const pack = isElectronic && entry.typical >= 100 ? 100 : entry.typical >= 20 ? 10 : 1;
    const price = (pack * (isElectronic ? 0.02 + random() * 0.4 : 0.05 + random() * 0.2)).toFixed(2);
    const created = supplierParts.create(ctx, {
      supplierId: preferred.id,
      partId: entry.partId,
      sku: `${preferred.skuPrefix}-${entry.ipn}`,
      packSize: pack * QUANTITY_SCALE,
      pricePerPack: price,
      leadTimeDays: preferred.leadTimeDays + Math.floor(random() * 4),
      preferred: true,
    });
    offers.set(entry.partId, { supplierId: preferred.id, supplierPartId: created.id, pack });
    if (isElectronic && index % 3 === 0) {
      const second = preferred === mouser ? digikey : mouser;
      supplierParts.create(ctx, { supplierId: second.id, partId: entry.partId, sku: `${second.skuPrefix}-${entry.ipn}`, packSize: pack * 10 * QUANTITY_SCALE, pricePerPack: (Number(price) * 9).toFixed(2), leadTimeDays: second.leadTimeDays, preferred: false });
    }
  });

  // A placed order from Mouser, its first line half here; a draft to DigiKey for what is low now.
  const fromMouser = reorderable.filter((entry) => offers.get(entry.partId)?.supplierId === mouser.id).slice(0, 3);
  if (fromMouser.length > 0) {
    let order = purchaseOrders.create(ctx, { supplierId: mouser.id, reference: null, notes: 'Restock for the spring kits' });
    for (const [index, entry] of fromMouser.entries()) {
      const offer = offers.get(entry.partId);
      if (!offer) continue;
      const expected = localDate(ctx.clock.now() + (5 + index * 2) * 86_400_000);
      order = purchaseOrders.addLine(ctx, { orderId: order.id, supplierPartId: offer.supplierPartId, quantity: offer.pack * Math.max(2, Math.ceil(entry.minimumUnits / offer.pack)) * QUANTITY_SCALE, expectedDate: expected });
    }
    order = purchaseOrders.place(ctx, order.id);
    const first = order.lines[0];
    if (first) purchaseOrders.receive(ctx, { orderId: order.id, lines: [{ lineId: first.id, quantity: Math.floor(Number(first.quantity) / 2) * QUANTITY_SCALE, locationId: receiveAt, batch: '' }] });
  }
  const low = ctx.db.$client.prepare('select id from parts where is_low').pluck().all() as number[];
  const lowFromDigikey = low.filter((partId) => offers.get(partId)?.supplierId === digikey.id).slice(0, 4);
  if (lowFromDigikey.length > 0) {
    const draft = purchaseOrders.create(ctx, { supplierId: digikey.id, reference: null, notes: '' });
    for (const partId of lowFromDigikey) {
      const offer = offers.get(partId);
      if (offer) purchaseOrders.addLine(ctx, { orderId: draft.id, supplierPartId: offer.supplierPartId, quantity: offer.pack * QUANTITY_SCALE, expectedDate: null });
    }
  }
}

const DAY_MS = 86_400_000;
const HISTORY_DAYS = 90;

/**
 * An item of a part with a minimum, stocked ninety days ago and drawn from every few days since, so
 * the part's forecast and chart have a record to go on; it ends holding `units`, as the demo intends.
 */
function addDemoUse(ctx: WriteContext, partId: number, locationId: number, units: number, typical: number, random: () => number): void {
  const at = (time: number): WriteContext => ({ ...ctx, clock: { now: () => time } });
  const start = ctx.clock.now() - HISTORY_DAYS * DAY_MS;
  // Some parts turn over fast (they will run low within their lead time), most steadily, a few barely.
  const perDay = (typical / 45) * (0.2 + random() * 1.3);
  const removals: { at: number; units: number }[] = [];
  for (let day = 1 + Math.floor(random() * 3); day < HISTORY_DAYS; ) {
    const gap = 2 + Math.floor(random() * 5);
    removals.push({ at: start + day * DAY_MS + Math.floor(random() * 8 * 3_600_000), units: Math.max(1, Math.round(perDay * gap * (0.5 + random()))) });
    day += gap;
  }
  const used = removals.reduce((sum, removal) => sum + removal.units, 0);
  const item = stock.create(at(start), { partId, locationId, quantity: (units + used) * QUANTITY_SCALE, batch: '', note: 'Demo data' });
  for (const removal of removals) stock.remove(at(removal.at), { itemId: item.id, quantity: removal.units * QUANTITY_SCALE, note: 'Used on the bench' });
}

/**
 * Fills an empty database with an electronics workshop: categories, parts, variants, locations,
 * stock, and its people, who sign in with the demo password when a hash of it is given (a demo
 * started on purpose) and otherwise have no password until an administrator sets one.
 */
export function loadDemo(ctx: WriteContext, demoPasswordHash: string | null): { parts: number; categories: number; stockItems: number } {
  if (!demoStatus(ctx).empty) throw conflict('Demo data can only be loaded into an empty inventory.');
  ctx.change.alertsSilenced = true;
  const random = seededRandom(20261126);
  // Its own sequence, so the record of use leaves the rest of the workshop as it always was.
  const historyRandom = seededRandom(20261202);
  const categoryIds = new Map<string, number>();
  const addCategories = (list: DemoCategory[], parentId: number | null): void => {
    for (const entry of list) {
      const created = categories.create(ctx, { parentId, name: entry.name, description: entry.description ?? '' });
      categoryIds.set(entry.name, created.id);
      addCategories(entry.children ?? [], created.id);
    }
  };
  addCategories(demoCategories, null);

  const leafLocations: number[] = [];
  const addLocations = (list: DemoLocation[], parentId: number | null): void => {
    for (const entry of list) {
      const created = locations.create(ctx, { parentId, name: entry.name, description: entry.description ?? '' });
      if (!entry.children?.length) leafLocations.push(created.id);
      addLocations(entry.children ?? [], created.id);
    }
  };
  addLocations(demoLocations, null);

  const partIds = new Map<string, number>();
  // Parts worth reordering (they have a minimum), with what a supplier would sell them as.
  const reorderable: { partId: number; ipn: string; category: string; minimumUnits: number; typical: number }[] = [];
  const counters = new Map<string, number>();
  let stockItems = 0;
  for (const entry of demoParts) {
    const serial = (counters.get(entry.ipnPrefix) ?? 0) + 1;
    counters.set(entry.ipnPrefix, serial);
    const holdsStock = entry.typical > 0;
    // About half the stocked parts have a minimum; a few of those sit just under it.
    const roll = random();
    const minimumUnits = holdsStock && roll < 0.55 ? Math.max(1, Math.round(entry.typical * (0.2 + random() * 0.3))) : 0;
    const part = parts.create(ctx, {
      name: entry.name,
      ipn: `${entry.ipnPrefix}-${String(serial).padStart(4, '0')}`,
      description: entry.description,
      categoryId: categoryIds.get(entry.category) ?? null,
      variantOfId: entry.variantOf ? (partIds.get(entry.variantOf) ?? null) : null,
      isTemplate: entry.template ?? false,
      isAssembly: entry.assembly ?? false,
      active: true,
      minimumStock: minimumUnits * QUANTITY_SCALE,
      units: entry.units ?? '',
    });
    partIds.set(entry.name, part.id);
    if (minimumUnits > 0 && !entry.template) reorderable.push({ partId: part.id, ipn: part.ipn ?? '', category: entry.category, minimumUnits, typical: entry.typical });
    if (!holdsStock) continue;
    const lowOnPurpose = minimumUnits > 0 && roll < 0.08;
    const itemCount = 1 + Math.floor(random() * 3);
    for (let index = 0; index < itemCount; index += 1) {
      const units = lowOnPurpose
        ? Math.floor((minimumUnits * 0.8) / itemCount)
        : Math.max(1, Math.round((entry.typical / itemCount) * (0.5 + random())));
      const locationId = leafLocations[Math.floor(random() * leafLocations.length)] as number;
      if (index === 0 && minimumUnits > 0) addDemoUse(ctx, part.id, locationId, units, entry.typical, historyRandom);
      else stock.create(ctx, { partId: part.id, locationId, quantity: units * QUANTITY_SCALE, batch: '', note: 'Demo data' });
      stockItems += 1;
    }
  }

  for (const [assembly, lines] of Object.entries(demoBoms)) {
    const assemblyId = partIds.get(assembly) as number;
    for (const line of lines) {
      bom.add(ctx, {
        assemblyId,
        subPartId: partIds.get(line.part) as number,
        quantity: parseDemoQuantity(line.quantity),
        allowVariants: line.allowVariants ?? false,
        optional: line.optional ?? false,
        note: line.note ?? '',
      });
    }
  }
  for (const order of demoBuilds) {
    const target = new Date(ctx.clock.now() + order.daysToTarget * 86_400_000);
    const build = buildOrders.create(ctx, {
      reference: null,
      assemblyId: partIds.get(order.assembly) as number,
      quantity: parseDemoQuantity(order.quantity),
      targetDate: localDate(target.getTime()),
      notes: order.notes,
    });
    if (order.status === 'in_production') buildOrders.start(ctx, build.id);
    if (order.status === 'complete') buildOrders.complete(ctx, { id: build.id, locationId: leafLocations[0] as number, sources: [] });
  }

  addDemoPurchasing(ctx, reorderable, electronicsCategories(demoCategories), leafLocations[0] as number, random);

  const follow = (userId: number, wanted: { categories: string[]; parts: string[] }) => {
    for (const name of wanted.categories) {
      const id = categoryIds.get(name);
      if (id !== undefined) subscriptions.subscribe(ctx, userId, { kind: 'category', id });
    }
    for (const name of wanted.parts) {
      const id = partIds.get(name);
      if (id !== undefined) subscriptions.subscribe(ctx, userId, { kind: 'part', id });
    }
  };
  for (const person of demoUsers) {
    const taken = ctx.db.$client
      .prepare('select 1 from users where lower(email) = lower(?) or lower(username) = lower(?)')
      .get(person.email, person.username);
    if (taken) continue;
    const created = users.create(ctx, {
      username: person.username,
      displayName: person.displayName,
      email: person.email,
      role: person.role,
      passwordHash: demoPasswordHash,
    });
    follow(created.id, person);
  }
  if (ctx.actorId !== null) follow(ctx.actorId, demoLoaderSubscriptions);
  return { parts: partIds.size, categories: categoryIds.size, stockItems };
}
