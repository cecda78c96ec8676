import type { MethodOutput } from '../../contract';
import type { CsvKind } from '../../contract/transfer';
import type { CoreContext, WriteContext } from '../context';
import { DomainError, invalid } from '../errors';
import { parts } from '../inventory/parts';
import { stock } from '../inventory/stock';
import { parseQuantity, quantityParseMessage } from '../quantity';
import { csvRecords } from './csv';

type Preview = MethodOutput<'import.csv.preview'>;
type Table = 'part_categories' | 'stock_locations';

const SEPARATOR = /\s*\/\s*/;

/** The id of a place by its path ("Electronics / Passives"), or null when some of it does not exist. */
function findPath(ctx: CoreContext, table: Table, path: string): number | null {
  let parentId: number | null = null;
  for (const name of path.split(SEPARATOR).filter(Boolean)) {
    const row = ctx.db.$client.prepare(`select id from ${table} where parent_id is ? and name = ? collate nocase`).get(parentId, name) as { id: number } | undefined;
    if (!row) return null;
    parentId = row.id;
  }
  return parentId;
}

function ensurePath(ctx: WriteContext, table: Table, path: string): number | null {
  let parentId: number | null = null;
  for (const name of path.split(SEPARATOR).filter(Boolean)) {
    const row = ctx.db.$client.prepare(`select id from ${table} where parent_id is ? and name = ? collate nocase`).get(parentId, name) as { id: number } | undefined;
    parentId = row ? row.id : Number(ctx.db.$client.prepare(`insert into ${table} (parent_id, name, description, created_at) values (?, ?, '', ?)`).run(parentId, name, ctx.clock.now()).lastInsertRowid);
  }
  ctx.change.touch(table === 'part_categories' ? 'categories' : 'locations');
  return parentId;
}

function flag(value: string | undefined, fallback: boolean): boolean | null {
  if (value === undefined || value === '') return fallback;
  if (/^(yes|y|true|1)$/i.test(value)) return true;
  if (/^(no|n|false|0)$/i.test(value)) return false;
  return null;
}

function quantityOf(value: string | undefined, field: string, errors: string[], positive: boolean): number {
  const parsed = parseQuantity(value ?? '');
  if (!parsed.ok) {
    errors.push(`${field}: ${quantityParseMessage(parsed.reason)}`);
    return 0;
  }
  if (parsed.scaled < 0 || (positive && parsed.scaled === 0)) errors.push(`${field}: must be greater than zero`);
  return parsed.scaled;
}

interface PartRow {
  line: number;
  existingId: number | null;
  name: string;
  ipn: string | null;
  description: string;
  categoryPath: string;
  minimumStock: number;
  units: string;
  isTemplate: boolean;
  isAssembly: boolean;
  active: boolean;
  errors: string[];
}

function readPartRows(ctx: CoreContext, content: string): PartRow[] {
  const { header, records } = csvRecords(content);
  if (!header.includes('name')) throw invalid('content', 'The first row must name the columns, including "name".');
  return records.map(({ line, values }) => {
    const errors: string[] = [];
    const name = values.name ?? '';
    if (!name) errors.push('name: enter a name');
    if (name.length > 200) errors.push('name: use at most 200 characters');
    const ipn = values.ipn || null;
    const existing = ipn ? (ctx.db.$client.prepare('select id from parts where lower(ipn) = lower(?)').pluck().get(ipn) as number | undefined) : undefined;
    const flags = { isTemplate: flag(values.is_template, false), isAssembly: flag(values.is_assembly, false), active: flag(values.active, true) };
    for (const [key, value] of Object.entries(flags)) if (value === null) errors.push(`${key}: use yes or no`);
    return {
      line,
      existingId: existing ?? null,
      name,
      ipn,
      description: values.description ?? '',
      categoryPath: values.category ?? '',
      minimumStock: values.minimum_stock ? quantityOf(values.minimum_stock, 'minimum_stock', errors, false) : 0,
      units: values.units ?? '',
      isTemplate: flags.isTemplate ?? false,
      isAssembly: flags.isAssembly ?? false,
      active: flags.active ?? true,
      errors,
    };
  });
}

interface StockRow {
  line: number;
  partId: number | null;
  partName: string;
  locationPath: string;
  quantity: number;
  batch: string;
  errors: string[];
}

function readStockRows(ctx: CoreContext, content: string): StockRow[] {
  const { header, records } = csvRecords(content);
  if (!header.includes('part') || !header.includes('location') || !header.includes('quantity')) {
    throw invalid('content', 'The first row must name the columns "part", "location" and "quantity".');
  }
  return records.map(({ line, values }) => {
    const errors: string[] = [];
    const key = values.part ?? '';
    const byIpn = ctx.db.$client.prepare('select id from parts where lower(ipn) = lower(?)').pluck().all(key) as number[];
    const matches = byIpn.length ? byIpn : (ctx.db.$client.prepare('select id from parts where name = ? collate nocase').pluck().all(key) as number[]);
    if (!key) errors.push('part: enter a part name or IPN');
    else if (matches.length === 0) errors.push(`part: no part is named or numbered "${key}"`);
    else if (matches.length > 1) errors.push(`part: ${matches.length} parts are named "${key}"; use the IPN`);
    if (!values.location) errors.push('location: enter a location path');
    return {
      line,
      partId: matches.length === 1 ? (matches[0] as number) : null,
      partName: key,
      locationPath: values.location ?? '',
      quantity: quantityOf(values.quantity, 'quantity', errors, true),
      batch: values.batch ?? '',
      errors,
    };
  });
}

export function previewCsv(ctx: CoreContext, kind: CsvKind, content: string): Preview {
  const newPlaces = new Set<string>();
  const table: Table = kind === 'parts' ? 'part_categories' : 'stock_locations';
  const rows = (kind === 'parts' ? readPartRows(ctx, content) : readStockRows(ctx, content)).map((row) => {
    const path = 'categoryPath' in row ? row.categoryPath : row.locationPath;
    if (path && findPath(ctx, table, path) === null) newPlaces.add(path.split(SEPARATOR).join(' / '));
    const summary =
      'name' in row
        ? `${row.name}${row.ipn ? ` (${row.ipn})` : ''}${row.categoryPath ? ` in ${row.categoryPath}` : ''}`
        : `${row.partName} at ${row.locationPath}`;
    const action: Preview['rows'][number]['action'] = row.errors.length ? 'error' : 'existingId' in row && row.existingId !== null ? 'update' : 'create';
    return { line: row.line, action, summary, errors: row.errors };
  });
  return {
    rows,
    creates: rows.filter((row) => row.action === 'create').length,
    updates: rows.filter((row) => row.action === 'update').length,
    errors: rows.filter((row) => row.action === 'error').length,
    newPlaces: [...newPlaces],
  };
}

/** Writes every row or none: a file with any row in error is refused as a whole. */
export function applyCsv(ctx: WriteContext, kind: CsvKind, content: string): { created: number; updated: number } {
  const preview = previewCsv(ctx, kind, content);
  if (preview.errors > 0) {
    throw new DomainError('INVALID_INPUT', `${preview.errors} row${preview.errors === 1 ? ' has' : 's have'} errors; fix them and import again. Nothing was imported.`);
  }
  let created = 0;
  let updated = 0;
  if (kind === 'parts') {
    for (const row of readPartRows(ctx, content)) {
      const fields = {
        name: row.name,
        ipn: row.ipn,
        description: row.description,
        categoryId: row.categoryPath ? ensurePath(ctx, 'part_categories', row.categoryPath) : null,
        minimumStock: row.minimumStock,
        units: row.units,
        isTemplate: row.isTemplate,
        isAssembly: row.isAssembly,
        active: row.active,
      };
      if (row.existingId !== null) {
        const variantOfId = ctx.db.$client.prepare('select variant_of_id from parts where id = ?').pluck().get(row.existingId) as number | null;
        parts.update(ctx, { ...fields, id: row.existingId, variantOfId });
        updated += 1;
      } else {
        parts.create(ctx, { ...fields, variantOfId: null });
        created += 1;
      }
    }
  } else {
    for (const row of readStockRows(ctx, content)) {
      const locationId = ensurePath(ctx, 'stock_locations', row.locationPath) as number;
      stock.create(ctx, { partId: row.partId as number, locationId, quantity: row.quantity, batch: row.batch, note: 'Imported from CSV' });
      created += 1;
    }
  }
  return { created, updated };
}
