import type { ParsedInput } from '../../contract';
import type { BomLineView } from '../../contract/builds';
import type { CoreContext, WriteContext } from '../context';
import { conflict, invalid, notFound } from '../errors';
import { formatQuantity } from '../quantity';

interface BomRecord {
  id: number;
  assemblyId: number;
  subPartId: number;
  name: string;
  ipn: string | null;
  units: string;
  stockTotal: number;
  isLow: number;
  quantity: number;
  allowVariants: number;
  optional: number;
  note: string;
}

const bomColumns = `select b.id, b.assembly_id as assemblyId, b.sub_part_id as subPartId, p.name, p.ipn, p.units,
  p.stock_total as stockTotal, p.is_low as isLow, b.quantity, b.allow_variants as allowVariants, b.optional, b.note
  from bom_lines b join parts p on p.id = b.sub_part_id`;

function toView(record: BomRecord): BomLineView {
  return {
    id: record.id,
    assemblyId: record.assemblyId,
    subPart: {
      id: record.subPartId,
      name: record.name,
      ipn: record.ipn,
      units: record.units,
      stockTotal: formatQuantity(record.stockTotal),
      isLow: record.isLow === 1,
    },
    quantity: formatQuantity(record.quantity),
    allowVariants: record.allowVariants === 1,
    optional: record.optional === 1,
    note: record.note,
  };
}

export interface BomLineRecord {
  id: number;
  subPartId: number;
  quantity: number;
  allowVariants: boolean;
  optional: boolean;
}

/** The raw lines of an assembly's BOM, for requirement maths. */
export function bomLinesOf(ctx: CoreContext, assemblyId: number): BomLineRecord[] {
  return (
    ctx.db.$client
      .prepare('select id, sub_part_id as subPartId, quantity, allow_variants as allowVariants, optional from bom_lines where assembly_id = ? order by id')
      .all(assemblyId) as { id: number; subPartId: number; quantity: number; allowVariants: number; optional: number }[]
  ).map((line) => ({ ...line, allowVariants: line.allowVariants === 1, optional: line.optional === 1 }));
}

function readLine(ctx: CoreContext, id: number): BomLineView {
  const record = ctx.db.$client.prepare(`${bomColumns} where b.id = ?`).get(id) as BomRecord | undefined;
  if (!record) throw notFound('BOM line');
  return toView(record);
}

/** True when `assemblyId` is `subPartId` or appears anywhere in `subPartId`'s own BOM tree. */
function wouldLoop(ctx: CoreContext, assemblyId: number, subPartId: number): boolean {
  if (assemblyId === subPartId) return true;
  const hit = ctx.db.$client
    .prepare(
      `with recursive below(id) as (
         select ? union select b.sub_part_id from bom_lines b join below on b.assembly_id = below.id
       ) select 1 from below where id = ? limit 1`,
    )
    .get(subPartId, assemblyId);
  return hit !== undefined;
}

export const bom = {
  list(ctx: CoreContext, partId: number): BomLineView[] {
    return (ctx.db.$client.prepare(`${bomColumns} where b.assembly_id = ? order by p.name collate nocase`).all(partId) as BomRecord[]).map(toView);
  },

  add(ctx: WriteContext, input: ParsedInput<'bom.add'>): BomLineView {
    const client = ctx.db.$client;
    const assembly = client.prepare('select name, is_assembly as isAssembly from parts where id = ?').get(input.assemblyId) as
      | { name: string; isAssembly: number }
      | undefined;
    if (!assembly) throw notFound('Assembly');
    if (assembly.isAssembly !== 1) throw invalid('assemblyId', `${assembly.name} is not an assembly. Mark it as an assembly to give it a bill of materials.`);
    const subPart = client.prepare('select name from parts where id = ?').get(input.subPartId) as { name: string } | undefined;
    if (!subPart) throw invalid('subPartId', 'The chosen part does not exist.');
    if (wouldLoop(ctx, input.assemblyId, input.subPartId)) {
      throw invalid(
        'subPartId',
        input.assemblyId === input.subPartId
          ? 'An assembly cannot be part of its own bill of materials.'
          : `${subPart.name} already contains ${assembly.name}, so adding it would make a loop.`,
      );
    }
    if (client.prepare('select 1 from bom_lines where assembly_id = ? and sub_part_id = ?').get(input.assemblyId, input.subPartId)) {
      throw conflict(`${subPart.name} is already on this bill of materials; change its quantity instead.`, 'subPartId');
    }
    const result = client
      .prepare('insert into bom_lines (id, assembly_id, sub_part_id, quantity, allow_variants, optional, note, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(ctx.ids.next('bom_lines'), input.assemblyId, input.subPartId, input.quantity, input.allowVariants ? 1 : 0, input.optional ? 1 : 0, input.note, ctx.clock.now());
    ctx.change.touch('builds');
    return readLine(ctx, Number(result.lastInsertRowid));
  },

  update(ctx: WriteContext, input: ParsedInput<'bom.update'>): BomLineView {
    readLine(ctx, input.id);
    ctx.db.$client
      .prepare('update bom_lines set quantity = ?, allow_variants = ?, optional = ?, note = ? where id = ?')
      .run(input.quantity, input.allowVariants ? 1 : 0, input.optional ? 1 : 0, input.note, input.id);
    ctx.change.touch('builds');
    return readLine(ctx, input.id);
  },

  remove(ctx: WriteContext, id: number): { id: number } {
    readLine(ctx, id);
    ctx.db.$client.prepare('delete from bom_lines where id = ?').run(id);
    ctx.change.touch('builds');
    return { id };
  },
};
