import type { MethodOutput, ParsedInput } from '../../contract';
import type { BuildStatus, BuildView } from '../../contract/builds';
import { localDate } from '../calendar';
import type { CoreContext, WriteContext } from '../context';
import { conflict, DomainError, invalid, notFound } from '../errors';
import { moveTotals, recordMovement, setItemQuantity } from '../inventory/ledger';
import { formatQuantity } from '../quantity';
import { noticeStockRequired, noticeToAssemblySubscribers, type BuildFacts } from './buildNotices';
import { requirementsOf, toRequirementView, type Requirement } from './requirements';

interface BuildRecord {
  id: number;
  reference: string;
  assemblyId: number;
  assemblyName: string;
  assemblyIpn: string | null;
  assemblyUnits: string;
  quantity: number;
  status: BuildStatus;
  targetDate: string | null;
  notes: string;
  createdBy: string | null;
  completedBy: string | null;
  outputLocationId: number | null;
  outputLocationName: string | null;
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
}

const buildColumns = `select o.id, o.reference, o.assembly_id as assemblyId, p.name as assemblyName, p.ipn as assemblyIpn,
  p.units as assemblyUnits, o.quantity, o.status, o.target_date as targetDate, o.notes, cu.display_name as createdBy,
  du.display_name as completedBy, o.output_location_id as outputLocationId, l.name as outputLocationName,
  o.created_at as createdAt, o.updated_at as updatedAt, o.completed_at as completedAt
  from build_orders o join parts p on p.id = o.assembly_id
  left join users cu on cu.id = o.created_by left join users du on du.id = o.completed_by
  left join stock_locations l on l.id = o.output_location_id`;

const OPEN: BuildStatus[] = ['pending', 'in_production'];

function toView(ctx: CoreContext, record: BuildRecord): BuildView {
  return {
    id: record.id,
    reference: record.reference,
    assembly: { id: record.assemblyId, name: record.assemblyName, ipn: record.assemblyIpn, units: record.assemblyUnits },
    quantity: formatQuantity(record.quantity),
    status: record.status,
    targetDate: record.targetDate,
    overdue: OPEN.includes(record.status) && record.targetDate !== null && record.targetDate < localDate(ctx.clock.now()),
    notes: record.notes,
    createdBy: record.createdBy,
    completedBy: record.completedBy,
    outputLocation: record.outputLocationId !== null && record.outputLocationName !== null ? { id: record.outputLocationId, name: record.outputLocationName } : null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    completedAt: record.completedAt,
  };
}

function readRecord(ctx: CoreContext, id: number): BuildRecord {
  const record = ctx.db.$client.prepare(`${buildColumns} where o.id = ?`).get(id) as BuildRecord | undefined;
  if (!record) throw notFound('Build order');
  return record;
}

function facts(record: BuildRecord): BuildFacts {
  return {
    id: record.id,
    reference: record.reference,
    assemblyId: record.assemblyId,
    assemblyName: record.assemblyName,
    quantity: record.quantity,
    targetDate: record.targetDate,
  };
}

function assertReferenceFree(ctx: CoreContext, reference: string, exceptId: number | null): void {
  if (ctx.db.$client.prepare('select 1 from build_orders where lower(reference) = lower(?) and id is not ?').get(reference, exceptId)) {
    throw conflict(`Another build order is already called ${reference}.`, 'reference');
  }
}

function assertOpen(record: BuildRecord, action: string): void {
  if (!OPEN.includes(record.status)) {
    throw new DomainError('CONFLICT', `${record.reference} is ${record.status === 'complete' ? 'complete' : 'cancelled'}, so it cannot be ${action}.`);
  }
}

function nextReference(ctx: CoreContext): string {
  const highest = ctx.db.$client
    .prepare(`select max(cast(substr(reference, 4) as integer)) from build_orders where reference like 'BO-%'`)
    .pluck()
    .get() as number | null;
  return `BO-${String((highest ?? 0) + 1).padStart(4, '0')}`;
}

interface SourceItem {
  id: number;
  partId: number;
  locationId: number;
  quantity: number;
}

/**
 * Takes `required` of a line's part from stock: items at the preferred location first, then the
 * oldest stock first (the part's own, and its variants' when the line allows them).
 */
function consume(ctx: WriteContext, line: Requirement, preferredLocation: number | undefined, reference: string): void {
  const items = ctx.db.$client
    .prepare(
      `with recursive tree(id) as (
         select ? union all select p.id from parts p join tree on p.variant_of_id = tree.id where ?
       )
       select i.id, i.part_id as partId, i.location_id as locationId, i.quantity from stock_items i
       where i.part_id in (select id from tree) and i.deleted_at is null and i.quantity > 0
       order by (i.location_id = ?) desc, i.created_at, i.id`,
    )
    .all(line.partId, line.allowVariants ? 1 : 0, preferredLocation ?? -1) as SourceItem[];
  let remaining = line.required;
  for (const item of items) {
    if (remaining === 0) break;
    const taken = Math.min(item.quantity, remaining);
    remaining -= taken;
    setItemQuantity(ctx, item.id, item.quantity - taken);
    recordMovement(ctx, {
      itemId: item.id,
      partId: item.partId,
      kind: 'remove',
      delta: -taken,
      quantityAfter: item.quantity - taken,
      fromLocationId: item.locationId,
      note: `Used by build order ${reference}`,
    });
    moveTotals(ctx, item.partId, -taken);
  }
  if (remaining > 0) throw new Error(`Stock for ${line.name} ran out while completing ${reference}.`);
}

export type BuildAnnouncement = 'created' | 'started' | 'completed' | 'cancelled' | 'overdue';

/**
 * Tells the assembly's followers what happened to a build order; "stock required" goes with a new or
 * started order that lacks stock. The person who did it is not told of their own act. (A team's
 * desktops announce from the merged log instead: see main/team/derivations.ts.)
 */
export function announceBuild(ctx: WriteContext, id: number, what: BuildAnnouncement): void {
  const record = readRecord(ctx, id);
  const shortage = () => noticeStockRequired(ctx, facts(record), requirementsOf(ctx, { id, assemblyId: record.assemblyId, quantity: record.quantity }));
  const amount = `${formatQuantity(record.quantity)} x ${record.assemblyName}`;
  switch (what) {
    case 'created':
      noticeToAssemblySubscribers(ctx, facts(record), {
        kind: 'build.created',
        title: `New build order ${record.reference}`,
        message: `${record.reference}: build ${amount}${record.targetDate ? ` by ${record.targetDate}` : ''}.`,
        except: ctx.actorId,
      });
      shortage();
      return;
    case 'started':
      shortage();
      return;
    case 'completed':
      noticeToAssemblySubscribers(ctx, facts(record), {
        kind: 'build.completed',
        title: `Build order ${record.reference} completed`,
        message: `${amount} were built and added to stock.`,
        except: ctx.actorId,
      });
      return;
    case 'cancelled':
      noticeToAssemblySubscribers(ctx, facts(record), {
        kind: 'build.cancelled',
        title: `Build order ${record.reference} cancelled`,
        message: `${record.reference} (${amount}) was cancelled.`,
        except: ctx.actorId,
      });
      return;
    case 'overdue':
      noticeToAssemblySubscribers(ctx, facts(record), {
        kind: 'build.overdue',
        title: `Build order ${record.reference} is overdue`,
        message: `${record.reference} (${amount}) was due on ${record.targetDate}.`,
      });
  }
}

export const buildOrders = {
  list(ctx: CoreContext, input: ParsedInput<'builds.list'>): MethodOutput<'builds.list'> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (input.status) {
      where.push('o.status = ?');
      params.push(input.status);
    }
    if (input.overdueOnly) {
      where.push(`o.status in ('pending', 'in_production') and o.target_date < ?`);
      params.push(localDate(ctx.clock.now()));
    }
    if (input.assemblyId !== null) {
      where.push('o.assembly_id = ?');
      params.push(input.assemblyId);
    }
    const clause = where.length ? `where ${where.join(' and ')}` : '';
    const total = ctx.db.$client.prepare(`select count(*) from build_orders o ${clause}`).pluck().get(...params) as number;
    const rows = ctx.db.$client
      .prepare(`${buildColumns} ${clause} order by o.created_at desc, o.id desc limit ? offset ?`)
      .all(...params, input.limit, input.offset) as BuildRecord[];
    return { rows: rows.map((record) => toView(ctx, record)), total };
  },

  get(ctx: CoreContext, id: number): MethodOutput<'builds.get'> {
    const record = readRecord(ctx, id);
    const requirements = requirementsOf(ctx, { id, assemblyId: record.assemblyId, quantity: record.quantity });
    return {
      build: toView(ctx, record),
      requirements: requirements.map(toRequirementView),
      shortLines: OPEN.includes(record.status) ? requirements.filter((line) => line.short).length : 0,
    };
  },

  nextReference(ctx: CoreContext): string {
    return nextReference(ctx);
  },

  create(ctx: WriteContext, input: ParsedInput<'builds.create'>): BuildView {
    const client = ctx.db.$client;
    const assembly = client.prepare('select name, is_assembly as isAssembly, active from parts where id = ?').get(input.assemblyId) as
      | { name: string; isAssembly: number; active: number }
      | undefined;
    if (!assembly) throw invalid('assemblyId', 'The chosen part does not exist.');
    if (assembly.isAssembly !== 1) throw invalid('assemblyId', `${assembly.name} is not an assembly, so it cannot be built.`);
    if (assembly.active !== 1) throw invalid('assemblyId', `${assembly.name} is inactive.`);
    const reference = input.reference ?? nextReference(ctx);
    assertReferenceFree(ctx, reference, null);
    const now = ctx.clock.now();
    const id = Number(
      client
        .prepare(
          `insert into build_orders (id, reference, assembly_id, quantity, status, target_date, notes, created_by, created_at, updated_at)
           values (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)`,
        )
        .run(ctx.ids.next('build_orders'), reference, input.assemblyId, input.quantity, input.targetDate, input.notes, ctx.actorId, now, now).lastInsertRowid,
    );
    announceBuild(ctx, id, 'created');
    ctx.change.touch('builds');
    return toView(ctx, readRecord(ctx, id));
  },

  update(ctx: WriteContext, input: ParsedInput<'builds.update'>): BuildView {
    const record = readRecord(ctx, input.id);
    assertOpen(record, 'edited');
    assertReferenceFree(ctx, input.reference, input.id);
    const overdueReset = input.targetDate !== record.targetDate ? ', overdue_notified_at = null' : '';
    ctx.db.$client
      .prepare(`update build_orders set reference = ?, quantity = ?, target_date = ?, notes = ?, updated_at = ?${overdueReset} where id = ?`)
      .run(input.reference, input.quantity, input.targetDate, input.notes, ctx.clock.now(), input.id);
    ctx.change.touch('builds');
    return toView(ctx, readRecord(ctx, input.id));
  },

  start(ctx: WriteContext, id: number): BuildView {
    const record = readRecord(ctx, id);
    if (record.status !== 'pending') throw conflict(`${record.reference} has already been started.`);
    ctx.db.$client.prepare(`update build_orders set status = 'in_production', updated_at = ? where id = ?`).run(ctx.clock.now(), id);
    announceBuild(ctx, id, 'started');
    ctx.change.touch('builds');
    return toView(ctx, readRecord(ctx, id));
  },

  /**
   * Consumes every required line from stock and adds the built assemblies, all as ordinary stock
   * movements in this one transaction, so low-stock alerts fire exactly as for any other change.
   */
  complete(ctx: WriteContext, input: ParsedInput<'builds.complete'>): BuildView {
    const record = readRecord(ctx, input.id);
    assertOpen(record, 'completed');
    if (!ctx.db.$client.prepare('select 1 from stock_locations where id = ?').get(input.locationId)) {
      throw invalid('locationId', 'The chosen location does not exist.');
    }
    // Only this order's own needs count here: it is the one being built now.
    const requirements = requirementsOf(ctx, { id: record.id, assemblyId: record.assemblyId, quantity: record.quantity }).filter((line) => !line.optional);
    const missing = requirements.filter((line) => line.inStock < line.required);
    if (missing.length > 0) {
      const list = missing.map((line) => `${line.name} (needs ${formatQuantity(line.required)}, has ${formatQuantity(line.inStock)})`).join('; ');
      throw new DomainError('CONFLICT', `Not enough stock to complete ${record.reference}: ${list}.`);
    }
    const preferred = new Map(input.sources.map((source) => [source.lineId, source.locationId]));
    for (const line of requirements) consume(ctx, line, preferred.get(line.lineId), record.reference);

    const now = ctx.clock.now();
    const existing = ctx.db.$client
      .prepare(`select id, quantity from stock_items where part_id = ? and location_id = ? and batch = ? and deleted_at is null`)
      .get(record.assemblyId, input.locationId, record.reference) as { id: number; quantity: number } | undefined;
    const itemId =
      existing?.id ??
      Number(
        ctx.db.$client
          .prepare(`insert into stock_items (id, part_id, location_id, quantity, batch, created_at, updated_at) values (?, ?, ?, 0, ?, ?, ?)`)
          .run(ctx.ids.next('stock_items'), record.assemblyId, input.locationId, record.reference, now, now).lastInsertRowid,
      );
    const after = (existing?.quantity ?? 0) + record.quantity;
    setItemQuantity(ctx, itemId, after);
    recordMovement(ctx, {
      itemId,
      partId: record.assemblyId,
      kind: existing ? 'add' : 'create',
      delta: record.quantity,
      quantityAfter: after,
      toLocationId: input.locationId,
      note: `Built by build order ${record.reference}`,
    });
    moveTotals(ctx, record.assemblyId, record.quantity);
    ctx.db.$client
      .prepare(`update build_orders set status = 'complete', completed_at = ?, completed_by = ?, output_location_id = ?, updated_at = ? where id = ?`)
      .run(now, ctx.actorId, input.locationId, now, record.id);
    announceBuild(ctx, record.id, 'completed');
    ctx.change.touch('builds', 'stock', 'locations');
    return toView(ctx, readRecord(ctx, record.id));
  },

  cancel(ctx: WriteContext, id: number): BuildView {
    const record = readRecord(ctx, id);
    assertOpen(record, 'cancelled');
    ctx.db.$client.prepare(`update build_orders set status = 'cancelled', updated_at = ? where id = ?`).run(ctx.clock.now(), id);
    announceBuild(ctx, id, 'cancelled');
    ctx.change.touch('builds');
    return toView(ctx, readRecord(ctx, id));
  },

  /** The daily check: every open order past its target date tells the assembly's subscribers, once. */
  notifyOverdue(ctx: WriteContext): number {
    const today = localDate(ctx.clock.now());
    const due = ctx.db.$client
      .prepare(`select id from build_orders where status in ('pending', 'in_production') and target_date < ? and overdue_notified_at is null`)
      .pluck()
      .all(today) as number[];
    for (const id of due) {
      announceBuild(ctx, id, 'overdue');
      ctx.db.$client.prepare('update build_orders set overdue_notified_at = ? where id = ?').run(ctx.clock.now(), id);
    }
    if (due.length) ctx.change.touch('builds');
    return due.length;
  },
};
