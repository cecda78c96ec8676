import { z } from 'zod';
import { id, isoDate, note, page, pathEntry, positiveQuantity, quantityText, timestamp, typedText } from './shared';

export const buildStatus = z.enum(['pending', 'in_production', 'complete', 'cancelled']);
export type BuildStatus = z.infer<typeof buildStatus>;

const partRef = z.object({ id, name: z.string(), ipn: z.string().nullable(), units: z.string() });

export const bomLineView = z.object({
  id,
  assemblyId: id,
  subPart: partRef.extend({ stockTotal: quantityText, isLow: z.boolean() }),
  quantity: quantityText,
  allowVariants: z.boolean(),
  optional: z.boolean(),
  note: z.string(),
});
export type BomLineView = z.infer<typeof bomLineView>;

export const buildView = z.object({
  id,
  reference: z.string(),
  assembly: partRef,
  quantity: quantityText,
  status: buildStatus,
  targetDate: z.string().nullable(),
  overdue: z.boolean(),
  notes: z.string(),
  createdBy: z.string().nullable(),
  completedBy: z.string().nullable(),
  outputLocation: pathEntry.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  completedAt: timestamp.nullable(),
});
export type BuildView = z.infer<typeof buildView>;

/** One BOM line as it stands for a build: what it needs and what there is. */
export const requirementView = z.object({
  lineId: id,
  part: partRef,
  quantityPer: quantityText,
  required: quantityText,
  inStock: quantityText,
  /** What other open build orders already need of this part. */
  neededElsewhere: quantityText,
  available: quantityText,
  minimum: quantityText,
  belowMinimum: z.boolean(),
  optional: z.boolean(),
  allowVariants: z.boolean(),
  short: z.boolean(),
});
export type RequirementView = z.infer<typeof requirementView>;

const reference = typedText().trim().min(1, 'Enter a reference').max(40, 'Use at most 40 characters');

const bomFields = {
  quantity: positiveQuantity,
  allowVariants: z.boolean().default(false),
  optional: z.boolean().default(false),
  note,
};

export const buildsContract = {
  'bom.list': { access: 'member', input: z.object({ partId: id }), output: z.array(bomLineView) },
  'bom.add': { access: 'member', input: z.object({ assemblyId: id, subPartId: id, ...bomFields }), output: bomLineView },
  'bom.update': { access: 'member', input: z.object({ id, ...bomFields }), output: bomLineView },
  'bom.remove': { access: 'member', input: z.object({ id }), output: z.object({ id }) },

  'builds.list': {
    access: 'member',
    input: z.object({
      status: buildStatus.nullable().default(null),
      overdueOnly: z.boolean().default(false),
      assemblyId: id.nullable().default(null),
      ...page,
    }),
    output: z.object({ rows: z.array(buildView), total: z.number().int() }),
  },
  'builds.get': {
    access: 'member',
    input: z.object({ id }),
    output: z.object({ build: buildView, requirements: z.array(requirementView), shortLines: z.number().int() }),
  },
  'builds.nextReference': { access: 'member', input: z.object({}), output: z.object({ reference: z.string() }) },
  'builds.create': {
    access: 'member',
    input: z.object({
      reference: reference.nullable().default(null),
      assemblyId: id,
      quantity: positiveQuantity,
      targetDate: isoDate.nullable().default(null),
      notes: typedText().trim().max(5000, 'Use at most 5000 characters').default(''),
    }),
    output: buildView,
  },
  'builds.update': {
    access: 'member',
    input: z.object({
      id,
      reference,
      quantity: positiveQuantity,
      targetDate: isoDate.nullable().default(null),
      notes: typedText().trim().max(5000, 'Use at most 5000 characters').default(''),
    }),
    output: buildView,
  },
  'builds.start': { access: 'member', input: z.object({ id }), output: buildView },
  'builds.complete': {
    access: 'member',
    input: z.object({
      id,
      /** Where the built assemblies go. */
      locationId: id,
      /** Per BOM line, a location to take stock from first; otherwise the oldest stock goes first. */
      sources: z.array(z.object({ lineId: id, locationId: id })).max(1000).default([]),
    }),
    output: buildView,
  },
  'builds.cancel': { access: 'member', input: z.object({ id }), output: buildView },
} as const;
