import { z } from 'zod';
import { byId, description, id, isoDate, name, ok, positiveQuantity, quantityText, timestamp, typedText } from './shared';

export const supplierView = z.object({
  id,
  name: z.string(),
  website: z.string(),
  notes: z.string(),
  partCount: z.number().int(),
  openOrders: z.number().int(),
});
export type SupplierView = z.infer<typeof supplierView>;

export const supplierPartView = z.object({
  id,
  supplierId: id,
  supplierName: z.string(),
  partId: id,
  partName: z.string(),
  units: z.string(),
  sku: z.string(),
  packSize: quantityText,
  pricePerPack: z.string().nullable(),
  leadTimeDays: z.number().int().nullable(),
  preferred: z.boolean(),
});
export type SupplierPartView = z.infer<typeof supplierPartView>;

/** What a person sees: the stored status, with how much has arrived read from the lines. */
export const purchaseOrderState = z.enum(['draft', 'placed', 'partly_received', 'received', 'cancelled']);
export type PurchaseOrderState = z.infer<typeof purchaseOrderState>;

export const purchaseOrderLineView = z.object({
  id,
  supplierPartId: id,
  sku: z.string(),
  partId: id,
  partName: z.string(),
  units: z.string(),
  quantity: quantityText,
  received: quantityText,
  outstanding: quantityText,
  expectedDate: z.string().nullable(),
});
export type PurchaseOrderLineView = z.infer<typeof purchaseOrderLineView>;

export const purchaseOrderView = z.object({
  id,
  reference: z.string(),
  supplierId: id,
  supplierName: z.string(),
  state: purchaseOrderState,
  notes: z.string(),
  createdAt: timestamp,
  placedAt: timestamp.nullable(),
  lineCount: z.number().int(),
  /** The earliest expected date of what is still to come. */
  nextExpected: z.string().nullable(),
});
export type PurchaseOrderView = z.infer<typeof purchaseOrderView>;

export const purchaseOrderDetail = purchaseOrderView.extend({ lines: z.array(purchaseOrderLineView) });
export type PurchaseOrderDetail = z.infer<typeof purchaseOrderDetail>;

const website = typedText()
  .trim()
  .max(500, 'Use at most 500 characters')
  .refine((value) => value === '' || /^https?:\/\/\S+$/i.test(value), 'Enter a web address starting with https://')
  .default('');

const price = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,4})?$/, 'Enter a price like 12.50')
  .nullable()
  .default(null);

const supplierPartFields = {
  sku: typedText().trim().max(100, 'Use at most 100 characters').default(''),
  packSize: positiveQuantity,
  pricePerPack: price,
  leadTimeDays: z.number().int().min(0, 'A lead time cannot be negative').max(3650, 'Use at most 3650 days').nullable().default(null),
  preferred: z.boolean().default(false),
};

const reference = typedText().trim().min(1, 'Enter a reference').max(40, 'Use at most 40 characters');

export const purchasingContract = {
  'suppliers.list': { access: 'member', input: z.object({}), output: z.array(supplierView) },
  'suppliers.create': { access: 'member', input: z.object({ name, website, notes: description }), output: supplierView },
  'suppliers.update': { access: 'member', input: z.object({ id, name, website, notes: description }), output: supplierView },
  'suppliers.delete': { access: 'member', input: byId, output: ok },

  'supplierParts.list': {
    access: 'member',
    input: z.object({ partId: id.nullable().default(null), supplierId: id.nullable().default(null) }),
    output: z.array(supplierPartView),
  },
  'supplierParts.create': { access: 'member', input: z.object({ supplierId: id, partId: id, ...supplierPartFields }), output: supplierPartView },
  'supplierParts.update': { access: 'member', input: z.object({ id, ...supplierPartFields }), output: supplierPartView },
  'supplierParts.delete': { access: 'member', input: byId, output: ok },

  'purchaseOrders.list': {
    access: 'member',
    input: z.object({ open: z.boolean().default(false) }),
    output: z.array(purchaseOrderView),
  },
  'purchaseOrders.get': { access: 'member', input: byId, output: purchaseOrderDetail },
  'purchaseOrders.create': {
    access: 'member',
    input: z.object({ supplierId: id, reference: reference.nullable().default(null), notes: description }),
    output: purchaseOrderDetail,
  },
  'purchaseOrders.addLine': {
    access: 'member',
    input: z.object({ orderId: id, supplierPartId: id, quantity: positiveQuantity, expectedDate: isoDate.nullable().default(null) }),
    output: purchaseOrderDetail,
  },
  'purchaseOrders.updateLine': {
    access: 'member',
    input: z.object({ lineId: id, quantity: positiveQuantity, expectedDate: isoDate.nullable().default(null) }),
    output: purchaseOrderDetail,
  },
  'purchaseOrders.removeLine': { access: 'member', input: z.object({ lineId: id }), output: purchaseOrderDetail },
  'purchaseOrders.place': { access: 'member', input: byId, output: purchaseOrderDetail },
  'purchaseOrders.cancel': { access: 'member', input: byId, output: purchaseOrderDetail },
  /** Adds what arrived to stock at the chosen locations, as ordinary movements, in one change. */
  'purchaseOrders.receive': {
    access: 'member',
    input: z.object({
      orderId: id,
      lines: z.array(z.object({ lineId: id, quantity: positiveQuantity, locationId: id, batch: typedText().trim().max(100).default('') })).min(1).max(500),
    }),
    output: purchaseOrderDetail,
  },
  /** What of a part is on order and not yet here, order by order. */
  'purchaseOrders.onOrder': {
    access: 'member',
    input: z.object({ partId: id }),
    output: z.object({
      total: quantityText,
      lines: z.array(z.object({ orderId: id, reference: z.string(), supplierName: z.string(), outstanding: quantityText, expectedDate: z.string().nullable() })),
    }),
  },
} as const;
