import { z } from 'zod';
import type { InvenTreeImportPhase } from '../../contract/transfer';
import type { WriteContext } from '../context';
import { guardTotals, moveTotals } from '../inventory/ledger';
import { localDate } from '../calendar';
import { Fields, type FixtureRecord } from './fixture';

export interface ImportProgress {
  phase: InvenTreeImportPhase;
  done: number;
  total: number;
}

export interface ImportSummary {
  imported: {
    users: number;
    categories: number;
    locations: number;
    parts: number;
    stockItems: number;
    bomLines: number;
    buildOrders: number;
    partSubscriptions: number;
    categorySubscriptions: number;
    suppliers: number;
    supplierParts: number;
    purchaseOrders: number;
  };
  /** Records of models Stockbell does not keep (sales, returns, tests...), per model. */
  skippedModels: Record<string, number>;
  /** Records of known models left out on purpose, with why. */
  skipped: { reason: string; count: number }[];
  /** References to records missing from the file, and values that could not be kept exactly. */
  problems: string[];
  problemCount: number;
}

export interface ImportOptions {
  pause: () => Promise<void>;
  progress: (progress: ImportProgress) => void;
}

/** The InvenTree models Stockbell keeps; records of any other model are counted and left out. */
export const keptModels: ReadonlySet<string> = new Set([
  'auth.user',
  'part.partcategory',
  'stock.stocklocation',
  'part.part',
  'stock.stockitem',
  'part.bomitem',
  'build.build',
  'part.partstar',
  'part.partcategorystar',
  'company.company',
  'company.supplierpart',
  'company.supplierpricebreak',
  'order.purchaseorder',
  'order.purchaseorderlineitem',
]);

// InvenTree's "available" stock statuses: OK, attention needed, damaged.
const inStockStatuses = new Set([10, 50, 55]);
const buildStatus: Record<number, 'pending' | 'in_production' | 'complete' | 'cancelled'> = {
  10: 'pending',
  20: 'in_production',
  25: 'pending',
  30: 'cancelled',
  40: 'complete',
};
// InvenTree's purchase order states: pending and on hold are drafts here; lost and returned are cancelled.
const purchaseOrderStatus: Record<number, 'draft' | 'placed' | 'cancelled'> = {
  10: 'draft',
  25: 'draft',
  20: 'placed',
  30: 'placed',
  40: 'cancelled',
  50: 'cancelled',
  60: 'cancelled',
};
const validEmail = z.email();
const MAX_PROBLEMS = 200;
const STEP = 250;

/** Orders tree records so every parent comes before its children; cycles are reported and cut. */
function parentsFirst(records: FixtureRecord[], parentField: string, problem: (message: string) => void): FixtureRecord[] {
  const byPk = new Map(records.map((record) => [record.pk, record]));
  const ordered: FixtureRecord[] = [];
  const state = new Map<FixtureRecord['pk'], 'visiting' | 'done'>();
  const visit = (record: FixtureRecord): void => {
    const mark = state.get(record.pk);
    if (mark === 'done') return;
    if (mark === 'visiting') {
      problem(`${record.model} #${record.pk} is its own ancestor; it was imported at the top level.`);
      record.fields[parentField] = null;
      return;
    }
    state.set(record.pk, 'visiting');
    const parentPk = new Fields(record).ref(parentField);
    const parent = parentPk === null ? undefined : byPk.get(parentPk);
    if (parent) visit(parent);
    state.set(record.pk, 'done');
    ordered.push(record);
  };
  for (const record of records) visit(record);
  return ordered;
}

/**
 * Imports an InvenTree record export into the open transaction. Nothing is alerted for the imported
 * state: low/not-low is computed silently, and overdue build orders are marked as already told.
 */
export async function importInvenTree(ctx: WriteContext, records: FixtureRecord[], options: ImportOptions): Promise<ImportSummary> {
  const client = ctx.db.$client;
  const now = ctx.clock.now();
  ctx.change.alertsSilenced = true;
  const problems: string[] = [];
  let problemCount = 0;
  const problem = (message: string) => {
    problemCount += 1;
    if (problems.length < MAX_PROBLEMS) problems.push(message);
  };
  const skipped = new Map<string, number>();
  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  const skippedModels: Record<string, number> = {};
  const byModel = new Map<string, FixtureRecord[]>();
  for (const record of records) {
    if (!keptModels.has(record.model)) {
      skippedModels[record.model] = (skippedModels[record.model] ?? 0) + 1;
      continue;
    }
    const list = byModel.get(record.model) ?? [];
    list.push(record);
    byModel.set(record.model, list);
  }
  const of = (model: string) => byModel.get(model) ?? [];
  const imported: ImportSummary['imported'] = {
    users: 0,
    categories: 0,
    locations: 0,
    parts: 0,
    stockItems: 0,
    bomLines: 0,
    buildOrders: 0,
    partSubscriptions: 0,
    categorySubscriptions: 0,
    suppliers: 0,
    supplierParts: 0,
    purchaseOrders: 0,
  };

  async function phase(name: InvenTreeImportPhase, list: FixtureRecord[], each: (fields: Fields, record: FixtureRecord) => void): Promise<void> {
    options.progress({ phase: name, done: 0, total: list.length });
    for (let index = 0; index < list.length; index += 1) {
      const record = list[index] as FixtureRecord;
      each(new Fields(record), record);
      if ((index + 1) % STEP === 0) {
        options.progress({ phase: name, done: index + 1, total: list.length });
        await options.pause();
      }
    }
    options.progress({ phase: name, done: list.length, total: list.length });
    await options.pause();
  }

  // People: matched by username to existing accounts; imported accounts get no password.
  const userIds = new Map<number | string, number>();
  const findUser = client.prepare('select id from users where lower(username) = lower(?)').pluck();
  const emailTaken = client.prepare('select 1 from users where lower(email) = lower(?)').pluck();
  const insertUser = client.prepare(
    `insert into users (id, username, display_name, email, role, active, password_hash, created_at) values (?, ?, ?, ?, ?, ?, null, ?)`,
  );
  await phase('People', of('auth.user'), (fields, record) => {
    const username = fields.text('username');
    if (!username) return problem(`${fields.label} has no username and was left out.`);
    const existing = findUser.get(username) as number | undefined;
    if (existing !== undefined) {
      problem(`User "${username}" already exists here; the import uses the existing account.`);
      userIds.set(record.pk, existing).set(username, existing);
      return;
    }
    let email: string | null = fields.text('email') || null;
    if (email && !validEmail.safeParse(email).success) {
      problem(`User "${username}" has an invalid email address "${email}"; it was left empty.`);
      email = null;
    } else if (email && emailTaken.get(email)) {
      problem(`User "${username}" has an email address another account already uses; it was left empty.`);
      email = null;
    }
    const displayName = `${fields.text('first_name')} ${fields.text('last_name')}`.trim() || username;
    const id = Number(insertUser.run(ctx.ids.next('users'), username, displayName, email, fields.flag('is_superuser') ? 'admin' : 'member', fields.flag('is_active') ? 1 : 0, now).lastInsertRowid);
    userIds.set(record.pk, id).set(username, id);
    imported.users += 1;
  });

  const treeIds = async (model: string, table: 'part_categories' | 'stock_locations', label: InvenTreeImportPhase): Promise<Map<number | string, number>> => {
    const ids = new Map<number | string, number>();
    const insert = client.prepare(`insert into ${table} (id, parent_id, name, description, created_at) values (?, ?, ?, ?, ?)`);
    const clash = client.prepare(`select 1 from ${table} where parent_id is ? and name = ? collate nocase`).pluck();
    await phase(label, parentsFirst(of(model), 'parent', problem), (fields, record) => {
      const parentPk = fields.ref('parent');
      const parentId = parentPk === null ? null : (ids.get(parentPk) ?? null);
      if (parentPk !== null && parentId === null) problem(`${fields.label} refers to a missing parent #${parentPk}; it was placed at the top level.`);
      let name = fields.text('name') || `Unnamed ${record.pk}`;
      for (let suffix = 2; clash.get(parentId, name); suffix += 1) name = `${fields.text('name')} (${suffix})`;
      ids.set(record.pk, Number(insert.run(ctx.ids.next(table), parentId, name, fields.text('description'), now).lastInsertRowid));
    });
    return ids;
  };
  const categoryIds = await treeIds('part.partcategory', 'part_categories', 'Categories');
  imported.categories = categoryIds.size;
  const locationIds = await treeIds('stock.stocklocation', 'stock_locations', 'Locations');
  imported.locations = locationIds.size;

  // Parts: templates before their variants, so variant_of always points at an imported row.
  const partIds = new Map<number | string, number>();
  const insertPart = client.prepare(
    `insert into parts (id, name, ipn, description, category_id, variant_of_id, is_template, is_assembly, active, minimum_stock, units, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  await phase('Parts', parentsFirst(of('part.part'), 'variant_of', problem), (fields, record) => {
    const categoryPk = fields.ref('category');
    const categoryId = categoryPk === null ? null : (categoryIds.get(categoryPk) ?? null);
    if (categoryPk !== null && categoryId === null) problem(`Part "${fields.text('name')}" refers to a missing category #${categoryPk}.`);
    const templatePk = fields.ref('variant_of');
    const templateId = templatePk === null ? null : (partIds.get(templatePk) ?? null);
    if (templatePk !== null && templateId === null) problem(`Part "${fields.text('name')}" is a variant of a missing part #${templatePk}.`);
    let minimum = fields.quantity('minimum_stock');
    if (minimum === null || minimum < 0) {
      problem(`Part "${fields.text('name')}" has a minimum stock that cannot be kept exactly; it was set to 0.`);
      minimum = 0;
    }
    const id = Number(
      insertPart.run(
        ctx.ids.next('parts'),
        fields.text('name') || `Part ${record.pk}`,
        fields.text('IPN') || null,
        fields.text('description'),
        categoryId,
        templateId,
        fields.flag('is_template') ? 1 : 0,
        fields.flag('assembly') ? 1 : 0,
        fields.flag('active') ? 1 : 0,
        minimum,
        fields.text('units'),
        now,
        now,
      ).lastInsertRowid,
    );
    partIds.set(record.pk, id);
    if (templateId !== null) client.prepare('update parts set is_template = 1 where id = ? and not is_template').run(templateId);
    ctx.change.touchPart(id);
  });
  imported.parts = partIds.size;

  // Stock items: only what InvenTree counts as in stock; each arrives with a 'create' movement.
  let homeless: number | null = null;
  const insertItem = client.prepare(`insert into stock_items (id, part_id, location_id, quantity, batch, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)`);
  const insertMovement = client.prepare(
    `insert into stock_movements (id, item_id, part_id, user_id, kind, delta, quantity_after, to_location_id, note, created_at)
     values (?, ?, ?, ?, 'create', ?, ?, ?, 'Imported from InvenTree', ?)`,
  );
  const partDeltas = new Map<number, number>();
  await phase('Stock', of('stock.stockitem'), (fields) => {
    const status = Number(fields.text('status'));
    if (!inStockStatuses.has(status)) return skip(`Stock items not available in InvenTree (status ${status})`);
    if (fields.ref('customer') !== null || fields.ref('sales_order') !== null || fields.ref('belongs_to') !== null) {
      return skip('Stock items sent to a customer or installed in another item');
    }
    if (fields.flag('is_building') || fields.ref('consumed_by') !== null) return skip('Stock items still being built or already consumed');
    const partPk = fields.ref('part');
    const partId = partPk === null ? undefined : partIds.get(partPk);
    if (partId === undefined) return problem(`${fields.label} belongs to a missing part #${partPk}; it was left out.`);
    const quantity = fields.quantity('quantity');
    if (quantity === null || quantity < 0) return problem(`${fields.label} has a quantity that cannot be kept exactly; it was left out.`);
    if (quantity === 0) return skip('Stock items with nothing left');
    const locationPk = fields.ref('location');
    let locationId = locationPk === null ? undefined : locationIds.get(locationPk);
    if (locationId === undefined) {
      if (locationPk !== null) problem(`${fields.label} is at a missing location #${locationPk}; it was put in "Imported without location".`);
      homeless ??= Number(
        client
          .prepare(`insert into stock_locations (id, parent_id, name, description, created_at) values (?, null, 'Imported without location', 'Stock that had no location in InvenTree', ?)`)
          .run(ctx.ids.next('stock_locations'), now).lastInsertRowid,
      );
      locationId = homeless;
    }
    const batch = fields.text('batch') || (fields.text('serial') ? `SN ${fields.text('serial')}` : '');
    const itemId = Number(insertItem.run(ctx.ids.next('stock_items'), partId, locationId, quantity, batch, now, now).lastInsertRowid);
    insertMovement.run(ctx.ids.next('stock_movements'), itemId, partId, ctx.actorId, quantity, quantity, locationId, now);
    partDeltas.set(partId, (partDeltas.get(partId) ?? 0) + quantity);
    imported.stockItems += 1;
  });
  guardTotals(() => {
    for (const [partId, delta] of partDeltas) moveTotals(ctx, partId, delta);
  });
  if (homeless !== null) imported.locations += 1;

  const insertLine = client.prepare(
    `insert into bom_lines (id, assembly_id, sub_part_id, quantity, allow_variants, optional, note, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (assembly_id, sub_part_id) do nothing`,
  );
  await phase('Bills of materials', of('part.bomitem'), (fields) => {
    const assemblyId = partIds.get(fields.ref('part') ?? '');
    const subPartId = partIds.get(fields.ref('sub_part') ?? '');
    if (assemblyId === undefined || subPartId === undefined) return problem(`${fields.label} refers to a missing part; it was left out.`);
    if (assemblyId === subPartId) return problem(`${fields.label} lists a part inside itself; it was left out.`);
    const quantity = fields.quantity('quantity');
    if (quantity === null || quantity <= 0) return problem(`${fields.label} has a quantity that cannot be kept exactly; it was left out.`);
    const note = [fields.text('reference'), fields.text('note')].filter(Boolean).join(' - ');
    const added = insertLine.run(ctx.ids.next('bom_lines'), assemblyId, subPartId, quantity, fields.flag('allow_variants') ? 1 : 0, fields.flag('optional') ? 1 : 0, note, now).changes;
    if (added === 0) return skip('Repeated BOM lines for the same part');
    client.prepare('update parts set is_assembly = 1 where id = ? and not is_assembly').run(assemblyId);
    imported.bomLines += 1;
  });

  const today = localDate(now);
  const referenceTaken = client.prepare('select 1 from build_orders where lower(reference) = lower(?)').pluck();
  const insertBuild = client.prepare(
    `insert into build_orders (id, reference, assembly_id, quantity, status, target_date, notes, created_by, completed_by, created_at, updated_at, completed_at, overdue_notified_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  await phase('Build orders', of('build.build'), (fields, record) => {
    const assemblyId = partIds.get(fields.ref('part') ?? '');
    if (assemblyId === undefined) return problem(`${fields.label} builds a missing part; it was left out.`);
    const quantity = fields.quantity('quantity');
    if (quantity === null || quantity <= 0) return problem(`${fields.label} has a quantity that cannot be kept exactly; it was left out.`);
    const status = buildStatus[Number(fields.text('status'))] ?? 'pending';
    let reference = fields.text('reference') || `BO-${record.pk}`;
    for (let suffix = 2; referenceTaken.get(reference); suffix += 1) reference = `${fields.text('reference')}-${suffix}`;
    const target = /^\d{4}-\d{2}-\d{2}$/.test(fields.text('target_date')) ? fields.text('target_date') : null;
    const open = status === 'pending' || status === 'in_production';
    const completedAt = fields.text('completion_date') ? Date.parse(`${fields.text('completion_date')}T00:00:00Z`) || null : null;
    insertBuild.run(
      ctx.ids.next('build_orders'),
      reference,
      assemblyId,
      quantity,
      status,
      target,
      [fields.text('title'), fields.text('notes')].filter(Boolean).join('\n\n'),
      userIds.get(fields.ref('issued_by') ?? '') ?? null,
      userIds.get(fields.ref('completed_by') ?? '') ?? null,
      now,
      now,
      status === 'complete' ? (completedAt ?? now) : null,
      // Already late when imported: that was InvenTree's news, not a new alert here.
      open && target !== null && target < today ? now : null,
    );
    client.prepare('update parts set is_assembly = 1 where id = ? and not is_assembly').run(assemblyId);
    imported.buildOrders += 1;
  });

  /** Suppliers, what each sells (with a pack's price from its single-unit price break), and purchase orders. */
  async function importPurchasing(): Promise<void> {
    const supplierIds = new Map<number | string, number>();
    const supplierNameTaken = client.prepare('select 1 from suppliers where lower(name) = lower(?)').pluck();
    const insertSupplier = client.prepare('insert into suppliers (id, name, website, notes, created_at) values (?, ?, ?, ?, ?)');
    await phase('Suppliers', of('company.company'), (fields, record) => {
      if (!fields.flag('is_supplier')) return skip('Companies that are not suppliers (customers, manufacturers)');
      let name = fields.text('name') || `Supplier ${record.pk}`;
      for (let suffix = 2; supplierNameTaken.get(name); suffix += 1) name = `${fields.text('name')} (${suffix})`;
      const website = /^https?:\/\/\S+$/i.test(fields.text('website')) ? fields.text('website') : '';
      const notes = [fields.text('description'), fields.text('notes')].filter(Boolean).join('\n\n');
      supplierIds.set(record.pk, Number(insertSupplier.run(ctx.ids.next('suppliers'), name, website, notes, now).lastInsertRowid));
      imported.suppliers += 1;
    });

    // The price of one unit: the price break for the smallest quantity, if it is for one unit.
    const unitPrice = new Map<number | string, string>();
    for (const record of of('company.supplierpricebreak')) {
      const fields = new Fields(record);
      const part = fields.ref('part');
      if (part !== null && fields.quantity('quantity') === 100_000 && /^\d+(\.\d+)?$/.test(fields.text('price'))) unitPrice.set(part, fields.text('price'));
    }
    const preferredOf = new Map<number | string, number | string>();
    for (const record of of('part.part')) {
      const preferred = new Fields(record).ref('default_supplier');
      if (preferred !== null) preferredOf.set(record.pk, preferred);
    }
    const supplierPartIds = new Map<number | string, { id: number; partId: number }>();
    const insertSupplierPart = client.prepare(
      `insert into supplier_parts (id, supplier_id, part_id, sku, pack_size, price_per_pack, lead_time_days, preferred, created_at) values (?, ?, ?, ?, ?, ?, null, ?, ?)`,
    );
    await phase('Supplier parts', of('company.supplierpart'), (fields, record) => {
      const partPk = fields.ref('part');
      const partId = partPk === null ? undefined : partIds.get(partPk);
      const supplierId = supplierIds.get(fields.ref('supplier') ?? '');
      if (partId === undefined || supplierId === undefined) return problem(`${fields.label} refers to a missing part or supplier; it was left out.`);
      let pack = fields.quantity('pack_quantity_native');
      if (pack === null || pack <= 0) pack = 100_000;
      const price = unitPrice.get(record.pk);
      const packPrice = price === undefined ? null : ((Number(price) * pack) / 100_000).toFixed(4).replace(/\.?0+$/, '');
      const preferred = partPk !== null && preferredOf.get(partPk) === record.pk;
      const id = Number(insertSupplierPart.run(ctx.ids.next('supplier_parts'), supplierId, partId, fields.text('SKU'), pack, packPrice, preferred ? 1 : 0, now).lastInsertRowid);
      supplierPartIds.set(record.pk, { id, partId });
      imported.supplierParts += 1;
    });

    const orderIds = new Map<number | string, number>();
    const orderReferenceTaken = client.prepare('select 1 from purchase_orders where lower(reference) = lower(?)').pluck();
    const insertOrder = client.prepare(
      `insert into purchase_orders (id, reference, supplier_id, status, notes, created_by, created_at, updated_at, placed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    await phase('Purchase orders', of('order.purchaseorder'), (fields, record) => {
      const supplierId = supplierIds.get(fields.ref('supplier') ?? '');
      if (supplierId === undefined) return problem(`${fields.label} is from a missing supplier; it was left out.`);
      const status = purchaseOrderStatus[Number(fields.text('status'))] ?? 'draft';
      let reference = fields.text('reference') || `PO-${record.pk}`;
      for (let suffix = 2; orderReferenceTaken.get(reference); suffix += 1) reference = `${fields.text('reference')}-${suffix}`;
      const placed = /^\d{4}-\d{2}-\d{2}$/.test(fields.text('issue_date')) ? Date.parse(`${fields.text('issue_date')}T00:00:00Z`) : null;
      const notes = [fields.text('description'), fields.text('supplier_reference') && `Supplier reference: ${fields.text('supplier_reference')}`, fields.text('notes')]
        .filter(Boolean)
        .join('\n\n');
      const id = Number(
        insertOrder.run(ctx.ids.next('purchase_orders'), reference, supplierId, status, notes, userIds.get(fields.ref('created_by') ?? '') ?? null, now, now, status === 'placed' ? (placed ?? now) : null)
          .lastInsertRowid,
      );
      orderIds.set(record.pk, id);
      imported.purchaseOrders += 1;
    });
    const insertOrderLine = client.prepare(
      `insert into purchase_order_lines (id, order_id, supplier_part_id, part_id, quantity, received, expected_date) values (?, ?, ?, ?, ?, ?, ?)`,
    );
    await phase('Purchase order lines', of('order.purchaseorderlineitem'), (fields) => {
      const orderId = orderIds.get(fields.ref('order') ?? '');
      const supplierPart = supplierPartIds.get(fields.ref('part') ?? '');
      if (orderId === undefined || supplierPart === undefined) return problem(`${fields.label} refers to a missing order or supplier part; it was left out.`);
      const quantity = fields.quantity('quantity');
      const received = fields.quantity('received');
      if (quantity === null || quantity <= 0 || received === null || received < 0) return problem(`${fields.label} has a quantity that cannot be kept exactly; it was left out.`);
      const expected = /^\d{4}-\d{2}-\d{2}$/.test(fields.text('target_date')) ? fields.text('target_date') : null;
      // What arrived in InvenTree is already in its stock (imported above): received, not again.
      insertOrderLine.run(ctx.ids.next('purchase_order_lines'), orderId, supplierPart.id, supplierPart.partId, quantity, Math.min(received, quantity), expected);
    });
  }

  const star = async (
    name: InvenTreeImportPhase,
    model: string,
    table: string,
    column: string,
    ids: Map<number | string, number>,
    counter: 'partSubscriptions' | 'categorySubscriptions',
  ) => {
    const insert = client.prepare(`insert into ${table} (user_id, ${column}, created_at) values (?, ?, ?) on conflict do nothing`);
    await phase(name, of(model), (fields) => {
      const userId = userIds.get(fields.ref('user') ?? '');
      const targetId = ids.get(fields.ref(model === 'part.partstar' ? 'part' : 'category') ?? '');
      if (userId === undefined || targetId === undefined) return problem(`${fields.label} refers to a missing user or ${column.replace('_id', '')}; it was left out.`);
      imported[counter] += insert.run(userId, targetId, now).changes;
    });
  };
  await star('Part subscriptions', 'part.partstar', 'part_subscriptions', 'part_id', partIds, 'partSubscriptions');
  await star('Category subscriptions', 'part.partcategorystar', 'category_subscriptions', 'category_id', categoryIds, 'categorySubscriptions');

  await importPurchasing();

  ctx.change.touch('categories', 'locations', 'parts', 'stock', 'builds', 'users', 'purchasing');
  return {
    imported,
    skippedModels,
    skipped: [...skipped].map(([reason, count]) => ({ reason, count })),
    problems,
    problemCount,
  };
}
