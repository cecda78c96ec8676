import type { MethodOutput, ParsedInput } from '../../contract';
import type { MovementView } from '../../contract/stock';
import type { CoreContext } from '../context';
import { formatQuantity } from '../quantity';

interface MovementRecord {
  id: number;
  itemId: number;
  partId: number;
  partName: string;
  kind: MovementView['kind'];
  delta: number;
  quantityAfter: number;
  fromId: number | null;
  fromName: string | null;
  toId: number | null;
  toName: string | null;
  userName: string | null;
  note: string;
  createdAt: number;
}

function place(id: number | null, name: string | null): MovementView['fromLocation'] {
  return id === null || name === null ? null : { id, name };
}

export function listMovements(ctx: CoreContext, input: ParsedInput<'movements.list'>): MethodOutput<'movements.list'> {
  const where: string[] = [];
  const params: number[] = [];
  if (input.partId !== null) {
    where.push('m.part_id = ?');
    params.push(input.partId);
  }
  if (input.itemId !== null) {
    where.push('m.item_id = ?');
    params.push(input.itemId);
  }
  const clause = where.length ? `where ${where.join(' and ')}` : '';
  const client = ctx.db.$client;
  const total = client.prepare(`select count(*) from stock_movements m ${clause}`).pluck().get(...params) as number;
  const records = client
    .prepare(
      `select m.id, m.item_id as itemId, m.part_id as partId, p.name as partName, m.kind, m.delta,
         m.quantity_after as quantityAfter, m.from_location_id as fromId, lf.name as fromName,
         m.to_location_id as toId, lt.name as toName, u.display_name as userName, m.note, m.created_at as createdAt
       from stock_movements m
       join parts p on p.id = m.part_id
       left join stock_locations lf on lf.id = m.from_location_id
       left join stock_locations lt on lt.id = m.to_location_id
       left join users u on u.id = m.user_id
       ${clause} order by m.created_at desc, m.id desc limit ? offset ?`,
    )
    .all(...params, input.limit, input.offset) as MovementRecord[];
  return {
    total,
    rows: records.map(({ fromId, fromName, toId, toName, delta, quantityAfter, ...rest }) => ({
      ...rest,
      delta: formatQuantity(delta),
      quantityAfter: formatQuantity(quantityAfter),
      fromLocation: place(fromId, fromName),
      toLocation: place(toId, toName),
    })),
  };
}
