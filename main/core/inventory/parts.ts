import type { MethodOutput, ParsedInput } from '../../contract';
import type { PartDetail, PartRow } from '../../contract/inventory';
import type { CoreContext, WriteContext } from '../context';
import { DomainError, invalid, notFound } from '../errors';
import { formatQuantity } from '../quantity';
import { moveTotals } from './ledger';
import { partRowColumns, partRowFrom, toPartRow, type PartRowRecord } from './partViews';
import { stockItemsOfPart } from './stockViews';
import { pathOf, subtreeIds, templatePathOf } from './trees';

const sortColumns = {
  name: 'p.name collate nocase',
  ipn: 'p.ipn collate nocase',
  category: 'c.name collate nocase',
  stock: 'p.stock_total',
  minimum: 'p.minimum_stock',
} as const;

function readRow(ctx: CoreContext, id: number): PartRow {
  const record = ctx.db.$client.prepare(`select ${partRowColumns} ${partRowFrom} where p.id = ?`).get(id) as
    | PartRowRecord
    | undefined;
  if (!record) throw notFound('Part');
  return toPartRow(record);
}

type PartFields = ParsedInput<'parts.create'>;

function assertReferences(ctx: CoreContext, input: PartFields, partId?: number): void {
  const client = ctx.db.$client;
  if (input.categoryId !== null && !client.prepare('select 1 from part_categories where id = ?').get(input.categoryId)) {
    throw invalid('categoryId', 'The chosen category does not exist.');
  }
  if (input.variantOfId === null) return;
  const template = client.prepare('select is_template as isTemplate from parts where id = ?').get(input.variantOfId) as
    | { isTemplate: number }
    | undefined;
  if (!template) throw invalid('variantOfId', 'The chosen template part does not exist.');
  if (template.isTemplate !== 1) {
    throw invalid('variantOfId', 'Only a template part can have variants. Mark that part as a template first.');
  }
  if (partId !== undefined && templatePathOf(client, input.variantOfId).some((entry) => entry.id === partId)) {
    throw invalid('variantOfId', 'A part cannot be a variant of itself or of one of its own variants.');
  }
}

/** The stored columns of a part, in the order both insert and update name them. */
function partValues(input: PartFields): (string | number | null)[] {
  return [
    input.name,
    input.ipn,
    input.description,
    input.categoryId,
    input.variantOfId,
    input.isTemplate ? 1 : 0,
    input.isAssembly ? 1 : 0,
    input.active ? 1 : 0,
    input.minimumStock,
    input.units,
  ];
}

/** Records whether a part is low now without counting it as a crossing (no alert). */
export function takeLowStateAsItIs(ctx: WriteContext, id: number): void {
  if (ctx.change.derivationsDeferred) return;
  ctx.db.$client.prepare('update parts set is_low = (active and minimum_stock > 0 and stock_total < minimum_stock) where id = ?').run(id);
}

export const parts = {
  list(ctx: CoreContext, input: ParsedInput<'parts.list'>): MethodOutput<'parts.list'> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (input.search) {
      where.push(`(p.name like ? escape '\\' or p.ipn like ? escape '\\' or p.description like ? escape '\\')`);
      const pattern = `%${input.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      params.push(pattern, pattern, pattern);
    }
    if (input.categoryId !== null) {
      const ids = input.includeSubcategories ? subtreeIds(ctx.db.$client, 'part_categories', input.categoryId) : [input.categoryId];
      where.push(`p.category_id in (select value from json_each(?))`);
      params.push(JSON.stringify(ids));
    }
    if (input.variantOfId !== null) {
      where.push('p.variant_of_id = ?');
      params.push(input.variantOfId);
    }
    if (input.isAssembly !== null) where.push(input.isAssembly ? 'p.is_assembly' : 'not p.is_assembly');
    if (input.lowOnly) where.push('p.is_low');
    if (!input.includeInactive) where.push('p.active');
    const clause = where.length ? `where ${where.join(' and ')}` : '';
    const client = ctx.db.$client;
    const total = client.prepare(`select count(*) from parts p ${clause}`).pluck().get(...params) as number;
    const order = `${sortColumns[input.sort]} ${input.direction}, p.id ${input.direction}`;
    // The page of parts is chosen from the parts alone and only its 50 rows look up their category:
    // joined first, sorting 100,000 parts by stock carried the join through the sort (42 ms, now 6).
    // Sorting by category name needs the join to choose the page.
    const page =
      input.sort === 'category'
        ? `select ${partRowColumns} ${partRowFrom} ${clause} order by ${order} limit ? offset ?`
        : `select ${partRowColumns} from (select * from parts p ${clause} order by ${order} limit ? offset ?) p
             left join part_categories c on c.id = p.category_id order by ${order}`;
    const rows = client.prepare(page).all(...params, input.limit, input.offset) as PartRowRecord[];
    return { rows: rows.map(toPartRow), total };
  },

  get(ctx: CoreContext, id: number): PartDetail {
    const part = readRow(ctx, id);
    const client = ctx.db.$client;
    const variants = client
      .prepare(`select ${partRowColumns} ${partRowFrom} where p.variant_of_id = ? order by p.name collate nocase`)
      .all(id) as PartRowRecord[];
    const ownStock = client
      .prepare('select coalesce(sum(quantity), 0) from stock_items where part_id = ? and deleted_at is null')
      .pluck()
      .get(id) as number;
    return {
      part,
      categoryPath: part.categoryId === null ? [] : pathOf(client, 'part_categories', part.categoryId),
      templatePath: templatePathOf(client, id).slice(0, -1),
      variants: variants.map(toPartRow),
      ownStock: formatQuantity(ownStock),
      stockItems: stockItemsOfPart(ctx, id),
    };
  },

  create(ctx: WriteContext, input: ParsedInput<'parts.create'>): PartRow {
    assertReferences(ctx, input);
    const now = ctx.clock.now();
    const result = ctx.db.$client
      .prepare(
        `insert into parts (id, name, ipn, description, category_id, variant_of_id, is_template, is_assembly, active,
           minimum_stock, units, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(ctx.ids.next('parts'), ...partValues(input), now, now);
    const id = Number(result.lastInsertRowid);
    // Creating a part is not stock falling: a new part with a minimum and no stock yet is low without
    // an alert, and alerts the first time its stock falls below the minimum from at or above it.
    takeLowStateAsItIs(ctx, id);
    ctx.change.touchPart(id);
    return readRow(ctx, id);
  },

  update(ctx: WriteContext, input: ParsedInput<'parts.update'>): PartRow {
    const client = ctx.db.$client;
    const before = client
      .prepare('select variant_of_id as variantOfId, stock_total as stockTotal, active from parts where id = ?')
      .get(input.id) as { variantOfId: number | null; stockTotal: number; active: number } | undefined;
    if (!before) throw notFound('Part');
    assertReferences(ctx, input, input.id);
    if (!input.isTemplate) {
      const variants = client.prepare('select count(*) from parts where variant_of_id = ?').pluck().get(input.id) as number;
      if (variants > 0) {
        throw new DomainError('CONFLICT', `This part has ${variants} variant(s), so it must stay a template.`, {
          isTemplate: 'A part with variants must stay a template.',
        });
      }
    }
    const reparented = before.variantOfId !== input.variantOfId;
    // The part's variant-inclusive total leaves the old template chain and joins the new one.
    if (reparented && before.variantOfId !== null) moveTotals(ctx, before.variantOfId, -before.stockTotal);
    client
      .prepare(
        `update parts set name = ?, ipn = ?, description = ?, category_id = ?, variant_of_id = ?, is_template = ?,
           is_assembly = ?, active = ?, minimum_stock = ?, units = ?, updated_at = ? where id = ?`,
      )
      .run(...partValues(input), ctx.clock.now(), input.id);
    if (reparented && input.variantOfId !== null) moveTotals(ctx, input.variantOfId, before.stockTotal);
    // Turning a part back on is not stock falling either: still below its minimum, it shows as low and
    // alerts again only after its stock has been back at the minimum.
    if (!before.active && input.active) takeLowStateAsItIs(ctx, input.id);
    ctx.change.touchPart(input.id);
    ctx.change.touch('stock');
    return readRow(ctx, input.id);
  },
};
