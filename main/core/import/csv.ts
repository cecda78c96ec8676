import { withoutBidiControls } from '../text';
// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
}

/**
 * Text a spreadsheet would run as a formula gets one apostrophe in front. Text that already starts
 * with apostrophes before such a character gets one more, so reading back can take exactly one off.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const PROTECTED = /^'+[=+\-@\t\r]/;

function protectFormula(text: string): string {
  return FORMULA_START.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}

/** The text a cell held before the export protected it (a spreadsheet hides the apostrophe too). */
function unprotectFormula(text: string): string {
  return PROTECTED.test(text) ? text.slice(1) : text;
}

/** A cell as a spreadsheet will read it: quoted when needed, and never run as a formula. */
function cell(value: string | number | boolean | null): string {
  const text = protectFormula(value === null ? '' : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsv(header: string[], rows: (string | number | boolean | null)[][]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Rows as records keyed by normalised header names ("Minimum stock" → "minimum_stock"). */
export function csvRecords(text: string): { header: string[]; records: { line: number; values: Record<string, string> }[] } {
  const [first = [], ...rest] = parseCsv(text);
  const header = first.map((name) => name.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  return {
    header,
    records: rest.map((cells, index) => ({
      line: index + 2,
      values: Object.fromEntries(header.map((name, column) => [name, unprotectFormula(withoutBidiControls(cells[column] ?? '').trim())])),
    })),
  };
}
