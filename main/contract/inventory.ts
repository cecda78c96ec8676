import { z } from 'zod';
import { byId, description, id, name, nonNegativeQuantity, page, pathEntry, quantityText, timestamp, typedText } from './shared';

export const categoryView = z.object({
  id,
  parentId: id.nullable(),
  name: z.string(),
  description: z.string(),
  partCount: z.number().int(),
  childCount: z.number().int(),
});
export type CategoryView = z.infer<typeof categoryView>;

export const locationView = z.object({
  id,
  parentId: id.nullable(),
  name: z.string(),
  description: z.string(),
  itemCount: z.number().int(),
  childCount: z.number().int(),
});
export type LocationView = z.infer<typeof locationView>;

export const partRow = z.object({
  id,
  name: z.string(),
  ipn: z.string().nullable(),
  description: z.string(),
  categoryId: id.nullable(),
  categoryName: z.string().nullable(),
  variantOfId: id.nullable(),
  isTemplate: z.boolean(),
  isAssembly: z.boolean(),
  active: z.boolean(),
  units: z.string(),
  minimumStock: quantityText,
  stockTotal: quantityText,
  isLow: z.boolean(),
  /** Still to come on placed purchase orders. */
  onOrder: quantityText,
});
export type PartRow = z.infer<typeof partRow>;

export const stockItemView = z.object({
  id,
  partId: id,
  partName: z.string(),
  locationId: id,
  locationPath: z.array(pathEntry),
  quantity: quantityText,
  batch: z.string(),
  units: z.string(),
  updatedAt: timestamp,
  /** A team's merged removals took more than it held: to be counted again (its quantity is then below zero). */
  recount: z.boolean(),
});
export type StockItemView = z.infer<typeof stockItemView>;

export const partDetail = z.object({
  part: partRow,
  categoryPath: z.array(pathEntry),
  templatePath: z.array(pathEntry),
  variants: z.array(partRow),
  ownStock: quantityText,
  stockItems: z.array(stockItemView),
});
export type PartDetail = z.infer<typeof partDetail>;

const parentId = id.nullable().default(null);

const categoryInput = z.object({ parentId, name, description });
const locationInput = z.object({ parentId, name, description });

const partInput = z.object({
  name,
  ipn: typedText()
    .trim()
    .max(100, 'Use at most 100 characters')
    .nullable()
    .default(null)
    .transform((value) => (value ? value : null)),
  description,
  categoryId: id.nullable().default(null),
  variantOfId: id.nullable().default(null),
  isTemplate: z.boolean().default(false),
  isAssembly: z.boolean().default(false),
  active: z.boolean().default(true),
  minimumStock: nonNegativeQuantity.default(0),
  units: typedText().trim().max(20, 'Use at most 20 characters').default(''),
});

export const partSort = z.enum(['name', 'ipn', 'category', 'stock', 'minimum']);

/** How many of each a person can open from Home; what the full lists would count, without sending them. */
export const inventoryCounts = z.object({
  parts: z.number().int(),
  categories: z.number().int(),
  locations: z.number().int(),
});
export type InventoryCounts = z.infer<typeof inventoryCounts>;

export const inventoryContract = {
  'inventory.counts': { access: 'member', input: z.object({}), output: inventoryCounts },

  'categories.list': { access: 'member', input: z.object({}), output: z.array(categoryView) },
  'categories.get': {
    access: 'member',
    input: byId,
    output: z.object({ category: categoryView, path: z.array(pathEntry), children: z.array(categoryView) }),
  },
  'categories.create': { access: 'member', input: categoryInput, output: categoryView },
  'categories.update': { access: 'member', input: categoryInput.extend({ id }), output: categoryView },
  'categories.delete': { access: 'member', input: byId, output: z.object({ id }) },

  'locations.list': { access: 'member', input: z.object({}), output: z.array(locationView) },
  'locations.get': {
    access: 'member',
    input: byId,
    output: z.object({ location: locationView, path: z.array(pathEntry), children: z.array(locationView) }),
  },
  'locations.create': { access: 'member', input: locationInput, output: locationView },
  'locations.update': { access: 'member', input: locationInput.extend({ id }), output: locationView },
  'locations.delete': { access: 'member', input: byId, output: z.object({ id }) },

  'parts.list': {
    access: 'member',
    input: z.object({
      search: z.string().trim().max(200).default(''),
      categoryId: id.nullable().default(null),
      includeSubcategories: z.boolean().default(true),
      variantOfId: id.nullable().default(null),
      /** Only assemblies (true), only non-assemblies (false), or both (null). */
      isAssembly: z.boolean().nullable().default(null),
      lowOnly: z.boolean().default(false),
      includeInactive: z.boolean().default(true),
      sort: partSort.default('name'),
      direction: z.enum(['asc', 'desc']).default('asc'),
      ...page,
    }),
    output: z.object({ rows: z.array(partRow), total: z.number().int() }),
  },
  'parts.get': { access: 'member', input: byId, output: partDetail },
  'parts.create': { access: 'member', input: partInput, output: partRow },
  'parts.update': { access: 'member', input: partInput.extend({ id }), output: partRow },
} as const;
