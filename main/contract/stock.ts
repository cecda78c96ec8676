import { z } from 'zod';
import { checkQuantity, id, nonNegativeQuantity, note, page, pathEntry, positiveQuantity, quantityInput, quantityText, timestamp, typedText } from './shared';
import { stockItemView } from './inventory';

export const movementView = z.object({
  id,
  itemId: id,
  partId: id,
  partName: z.string(),
  kind: z.enum(['create', 'add', 'remove', 'count', 'transfer', 'delete']),
  delta: quantityText,
  quantityAfter: quantityText,
  fromLocation: pathEntry.nullable(),
  toLocation: pathEntry.nullable(),
  userName: z.string().nullable(),
  note: z.string(),
  createdAt: timestamp,
});
export type MovementView = z.infer<typeof movementView>;

const batch = typedText().trim().max(100, 'Use at most 100 characters').default('');

export const bulkChange = z.object({
  itemId: id,
  kind: z.enum(['add', 'remove', 'count']),
  quantity: nonNegativeQuantity,
});

/**
 * A bulk call's list, each quantity checked as `bulkChange` checks it but in one pass over the list:
 * a check of its own per entry was most of the time it took to validate a hundred thousand.
 */
const bulkChanges = z
  .array(z.object({ itemId: id, kind: bulkChange.shape.kind, quantity: quantityInput }))
  .min(1)
  .max(200_000)
  .transform((changes, ctx) => {
    const checked: z.output<typeof bulkChange>[] = new Array(changes.length);
    for (let index = 0; index < changes.length; index += 1) {
      const change = changes[index] as (typeof changes)[number];
      const quantity = checkQuantity(change.quantity, 'not-negative');
      if (quantity.ok) checked[index] = { ...change, quantity: quantity.scaled };
      else ctx.addIssue({ code: 'custom', message: quantity.message, path: [index, 'quantity'] });
    }
    return checked;
  });

export const stockContract = {
  'stock.list': {
    access: 'member',
    input: z.object({ partId: id.nullable().default(null), locationId: id.nullable().default(null), ...page }),
    output: z.object({ rows: z.array(stockItemView), total: z.number().int() }),
  },
  'stock.create': {
    access: 'member',
    input: z.object({ partId: id, locationId: id, quantity: nonNegativeQuantity, batch, note }),
    output: stockItemView,
  },
  'stock.add': {
    access: 'member',
    input: z.object({ itemId: id, quantity: positiveQuantity, note }),
    output: stockItemView,
  },
  'stock.remove': {
    access: 'member',
    input: z.object({ itemId: id, quantity: positiveQuantity, note }),
    output: stockItemView,
  },
  'stock.count': {
    access: 'member',
    input: z.object({ itemId: id, quantity: nonNegativeQuantity, note }),
    output: stockItemView,
  },
  'stock.transfer': {
    access: 'member',
    input: z.object({ itemId: id, locationId: id, quantity: positiveQuantity, note }),
    output: z.object({ source: stockItemView, destination: stockItemView }),
  },
  'stock.delete': {
    access: 'member',
    input: z.object({ itemId: id, note }),
    output: z.object({ id }),
  },
  'stock.adjustMany': {
    access: 'member',
    input: z.object({ changes: bulkChanges, note }),
    output: z.object({ movements: z.number().int() }),
  },
  'movements.list': {
    access: 'member',
    input: z.object({ partId: id.nullable().default(null), itemId: id.nullable().default(null), ...page }),
    output: z.object({ rows: z.array(movementView), total: z.number().int() }),
  },
} as const;
