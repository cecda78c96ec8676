import { withoutBidiControls } from '../text';
import { z } from 'zod';
import { parseQuantity } from '../quantity';

/** One record of a Django fixture, as InvenTree's export writes them. */
export const fixtureRecord = z.object({
  model: z.string(),
  pk: z.union([z.number(), z.string()]),
  fields: z.record(z.string(), z.unknown()),
});
export type FixtureRecord = z.infer<typeof fixtureRecord>;

export class FixtureError extends Error {}

/** Parses an export's text; anything that is not a JSON array of records is refused whole. */
export function parseFixture(text: string): FixtureRecord[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FixtureError('This file is not JSON. Choose the .json file InvenTree exported.');
  }
  const parsed = z.array(fixtureRecord).safeParse(json);
  if (!parsed.success) throw new FixtureError('This JSON is not an InvenTree record export (a list of {model, pk, fields} records).');
  return parsed.data;
}

/** The fields as typed values, with the record's own name for messages. */
export class Fields {
  constructor(private readonly record: FixtureRecord) {}

  get label(): string {
    return `${this.record.model} #${this.record.pk}`;
  }

  text(name: string): string {
    const value = this.record.fields[name];
    return withoutBidiControls(typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value)).trim();
  }

  flag(name: string): boolean {
    return this.record.fields[name] === true;
  }

  /** A foreign key: an integer pk, or a natural key such as ["admin"] (for users). */
  ref(name: string): number | string | null {
    const value = this.record.fields[name];
    if (typeof value === 'number') return value;
    if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
    return null;
  }

  /** A decimal string such as "440.00000", exactly, or null when it cannot be held exactly. */
  quantity(name: string): number | null {
    const value = this.record.fields[name];
    if (value === null || value === undefined || value === '') return 0;
    const parsed = parseQuantity(String(value));
    return parsed.ok ? parsed.scaled : null;
  }
}
