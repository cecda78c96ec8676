import { z } from 'zod';
import { parseQuantity, quantityParseMessage } from '../core/quantity';
import { withoutBidiControls } from '../core/text';

export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const byId = z.object({ id });

/** Text a person typed, without the bidi controls that could make it display reversed. */
export const typedText = () => z.string().overwrite(withoutBidiControls);

/** Free text a person typed: trimmed, bounded, never empty when required. */
export const name = typedText().trim().min(1, 'Enter a name').max(200, 'Use at most 200 characters');
export const description = typedText().trim().max(5000, 'Use at most 5000 characters').default('');
export const note = typedText().trim().max(1000, 'Use at most 1000 characters').default('');

type QuantityKind = 'positive' | 'not-negative';

/** Exact scaled units of a typed quantity, or the sentence that refuses it. */
export function checkQuantity(raw: string | number, kind: QuantityKind): { ok: true; scaled: number } | { ok: false; message: string } {
  const parsed = parseQuantity(typeof raw === 'number' ? String(raw) : raw);
  if (!parsed.ok) return { ok: false, message: quantityParseMessage(parsed.reason) };
  if (parsed.scaled < 0) return { ok: false, message: 'Quantity cannot be negative' };
  if (kind === 'positive' && parsed.scaled === 0) return { ok: false, message: 'Quantity must be greater than zero' };
  return { ok: true, scaled: parsed.scaled };
}

/** What a person may type for a quantity, before it is checked. */
export const quantityInput = z.union([z.string(), z.number()]);

function quantity(kind: QuantityKind) {
  return quantityInput.transform((raw, ctx) => {
    const checked = checkQuantity(raw, kind);
    if (checked.ok) return checked.scaled;
    ctx.addIssue({ code: 'custom', message: checked.message });
    return z.NEVER;
  });
}

/** A quantity typed as a decimal string ("2.5"); the core receives exact scaled integer units. */
export const positiveQuantity = quantity('positive');
export const nonNegativeQuantity = quantity('not-negative');

/** Quantities leave the core as exact decimal strings. */
export const quantityText = z.string();

/** A calendar date (YYYY-MM-DD), not a moment: "due on the 3rd" wherever the team is. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-31')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'Enter a real date');

/** Epoch milliseconds. */
export const timestamp = z.number().int();

export const page = {
  offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.number().int().min(1).max(500).default(50),
};

export const pathEntry = z.object({ id, name: z.string() });
export type PathEntry = z.infer<typeof pathEntry>;

export const ok = z.object({ ok: z.literal(true) });
