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
    parentId = row ? row.id : Number(
          ctx.db.$client.prepare(`insert into ${table} (id, parent_id, name, description, created_at) values (?, ?, ?, '', ?)`).run(ctx.ids.next(table), parentId, name, ctx.clock.now()).lastInsertRowid,
        );
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

/** The parts a file means by `key`: those with that IPN, or else those with that name. */
function partsNamedOrNumbered(ctx: CoreContext, key: string): number[] {
  const client = ctx.db.$client;
  const byIpn = client.prepare('select id from parts where lower(ipn) = lower(?)').pluck().all(key) as number[];
  return byIpn.length ? byIpn : (client.prepare('select id from parts where name = ? collate nocase').pluck().all(key) as number[]);
}

/** The template a row names in variant_of: another row of the file, or a part already here. */
type TemplateRef = { row: number } | { partId: number } | null;

interface PartRow {
  line: number;
  existingId: number | null;
  name: string;
  ipn: string | null;
  description: string;
  categoryPath: string;
  /** undefined when the file has no variant_of column: an update keeps the part's template. */
  template: TemplateRef | undefined;
  minimumStock: number;
  units: string;
  isTemplate: boolean;
  isAssembly: boolean;
  active: boolean;
  errors: string[];
}

/** Row indexes by a lower-cased column value, for finding the rows a key names. */
function indexBy(rows: PartRow[], field: 'ipn' | 'name'): Map<string, number[]> {
  const index = new Map<string, number[]>();
  rows.forEach((row, at) => {
    const value = row[field]?.toLowerCase();
    if (value) index.set(value, [...(index.get(value) ?? []), at]);
  });
  return index;
}

/**
 * Finds the template each row names by IPN or name, in the file first (a template and its variants
 * travel together) and then among the parts already here, and checks that it is a template.
 */
function resolveTemplates(ctx: CoreContext, rows: PartRow[], keys: (string | undefined)[]): void {
  const byIpn = indexBy(rows, 'ipn');
  const byName = indexBy(rows, 'name');
  const find = (key: string, index: number): TemplateRef | string => {
    const inFile = byIpn.get(key.toLowerCase()) ?? byName.get(key.toLowerCase()) ?? [];
    const here = inFile.length ? [] : partsNamedOrNumbered(ctx, key);
    const count = inFile.length || here.length;
    if (count === 0) return `variant_of: no part is named or numbered "${key}"`;
    if (count > 1) return `variant_of: ${count} parts are named "${key}"; use the IPN`;
    const row = inFile[0];
    if (row === index) return 'variant_of: a part cannot be a variant of itself';
    const isTemplate = row !== undefined ? (rows[row] as PartRow).isTemplate : ctx.db.$client.prepare('select is_template from parts where id = ?').pluck().get(here[0]) === 1;
    if (!isTemplate) return `variant_of: "${key}" is not a template part (is_template must be yes)`;
    return row !== undefined ? { row } : { partId: here[0] as number };
  };
  rows.forEach((row, index) => {
    const key = keys[index];
    if (key === undefined) return;
    const found = key === '' ? null : find(key, index);
    if (typeof found === 'string') row.errors.push(found);
    else row.template = found;
  });
  // A chain of templates within the file that comes back to itself can never be created.
  for (const row of rows) {
    const seen = new Set<PartRow>([row]);
    for (let step = row.template; step && 'row' in step; step = (rows[step.row] as PartRow).template) {
      const next = rows[step.row] as PartRow;
      if (seen.has(next)) {
        row.errors.push('variant_of: the templates named here lead back to this part');
        break;
      }
      seen.add(next);
    }
  }
}

function readPartRows(ctx: CoreContext, content: string): PartRow[] {
  const { header, records } = csvRecords(content);
  if (!header.includes('name')) throw invalid('content', 'The first row must name the columns, including "name".');
  const rows = records.map(({ line, values }): PartRow => {
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
      template: undefined,
      minimumStock: values.minimum_stock ? quantityOf(values.minimum_stock, 'minimum_stock', errors, false) : 0,
      units: values.units ?? '',
      isTemplate: flags.isTemplate ?? false,
      isAssembly: flags.isAssembly ?? false,
      active: flags.active ?? true,
      errors,
    };
  });
  resolveTemplates(ctx, rows, records.map(({ values }) => (header.includes('variant_of') ? (values.variant_of ?? '') : undefined)));
  return rows;
}

/** The rows in an order where each template comes before its variants. */
function templatesFirst(rows: PartRow[]): PartRow[] {
  const ordered: PartRow[] = [];
  const placed = new Set<PartRow>();
  const place = (row: PartRow): void => {
    if (placed.has(row)) return;
    placed.add(row);
    if (row.template && 'row' in row.template) place(rows[row.template.row] as PartRow);
    ordered.push(row);
  };
  rows.forEach(place);
  return ordered;
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
    const matches = partsNamedOrNumbered(ctx, key);
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
    const rows = readPartRows(ctx, content);
    const ids = new Map<PartRow, number>();
    for (const row of templatesFirst(rows)) {
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
      const named = row.template;
      const variantOfId = (existing: number | null) =>
        named === undefined ? existing : named === null ? null : 'row' in named ? (ids.get(rows[named.row] as PartRow) as number) : named.partId;
      if (row.existingId !== null) {
        const before = ctx.db.$client.prepare('select variant_of_id from parts where id = ?').pluck().get(row.existingId) as number | null;
        ids.set(row, parts.update(ctx, { ...fields, id: row.existingId, variantOfId: variantOfId(before) }).id);
        updated += 1;
      } else {
        ids.set(row, parts.create(ctx, { ...fields, variantOfId: variantOfId(null) }).id);
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
