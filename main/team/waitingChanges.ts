import type Database from 'better-sqlite3';
import { formatQuantity } from '../core/quantity';
import type { TeamEvent } from './replica';
import type { RowChange } from './rowChanges';
import type { Row } from './rowShapes';

// This desktop's changes that the team does not have yet, put in words for the header's list
// ("Removed 7 of Washer", "Renamed part Spacer"), so a person working offline can see what is
// still only here. A person's own notifications and subscriptions are theirs alone to see.

export interface WaitingChangeView {
  id: string;
  at: number;
  author: string | null;
  summary: string;
}

/** Tables whose rows belong to one person (user_id): shown only to that person. */
const PERSONAL = new Set(['notifications', 'part_subscriptions', 'category_subscriptions', 'notification_preferences', 'part_mutes', 'category_mutes']);

const nouns: Record<string, string> = {
  parts: 'part',
  part_categories: 'category',
  stock_locations: 'location',
  stock_items: 'stock item',
  bom_lines: 'BOM line',
  build_orders: 'build order',
  users: 'person',
  settings: 'setting',
};

const movementVerbs: Record<string, string> = {
  create: 'Added',
  add: 'Added',
  remove: 'Removed',
  count: 'Counted',
  transfer: 'Moved',
  build_consume: 'Used',
  build_output: 'Built',
};

function nameOf(client: Database.Database, table: string, id: unknown): string {
  const column = table === 'build_orders' ? 'reference' : table === 'users' ? 'display_name' : 'name';
  const found = client.prepare(`select ${column} from ${table} where id = ?`).pluck().get(id) as string | undefined;
  return found ?? `#${String(id)}`;
}

function rowName(client: Database.Database, table: string, change: RowChange): string {
  const row: Row = change.op === 'u' ? {} : change.row;
  if (change.op !== 'u' && typeof (row.name ?? row.reference ?? row.display_name) === 'string') return String(row.name ?? row.reference ?? row.display_name);
  const id = change.op === 'u' ? change.key[0] : row.id;
  return nameOf(client, table, id);
}

/** One short phrase per thing the change did, most telling first. */
function phrases(client: Database.Database, event: TeamEvent, viewerId: number): string[] {
  const found: string[] = [];
  const readCounts = { read: 0, unread: 0 };
  for (const change of event.changes) {
    if (PERSONAL.has(change.t)) {
      const owner = change.op === 'u' ? null : change.row.user_id;
      if (change.t === 'notifications' && change.op === 'u') {
        // Only the person themselves reads their notifications: the author is the owner.
        if ('read_at' in change.set && event.author === viewerId) readCounts[change.set.read_at === null ? 'unread' : 'read'] += 1;
        continue;
      }
      if (owner !== viewerId) continue;
      if (change.t === 'part_subscriptions' && change.op !== 'u') found.push(`${change.op === 'i' ? 'Subscribed to' : 'Unsubscribed from'} ${nameOf(client, 'parts', change.row.part_id)}`);
      if (change.t === 'category_subscriptions' && change.op !== 'u') found.push(`${change.op === 'i' ? 'Subscribed to' : 'Unsubscribed from'} ${nameOf(client, 'part_categories', change.row.category_id)}`);
      if (change.t === 'notification_preferences') found.push('Changed notification preferences');
      if (change.t === 'part_mutes' && change.op !== 'u') found.push(`${change.op === 'i' ? 'Muted' : 'Unmuted'} ${nameOf(client, 'parts', change.row.part_id)}`);
      if (change.t === 'category_mutes' && change.op !== 'u') found.push(`${change.op === 'i' ? 'Muted' : 'Unmuted'} ${nameOf(client, 'part_categories', change.row.category_id)}`);
      continue;
    }
    if (change.t === 'stock_movements' && change.op === 'i') {
      const verb = movementVerbs[String(change.row.kind)] ?? 'Changed stock of';
      const amount = Math.abs(Number(change.row.delta));
      const part = nameOf(client, 'parts', change.row.part_id);
      found.push(change.row.kind === 'count' ? `Counted ${part}: ${formatQuantity(Number(change.row.quantity_after))}` : `${verb} ${formatQuantity(amount)} of ${part}`);
      continue;
    }
    const noun = nouns[change.t];
    if (!noun) continue;
    if (change.t === 'stock_items' || change.t === 'settings') {
      if (change.t === 'settings') found.push('Changed a setting');
      continue;
    }
    if (change.t === 'parts' && change.op === 'u' && Object.keys(change.set).every((column) => column === 'updated_at')) continue;
    const name = rowName(client, change.t, change);
    if (change.op === 'i') found.push(`New ${noun} ${name}`);
    else if (change.op === 'd') found.push(`Deleted ${noun} ${name}`);
    else if ('name' in change.set) found.push(`Renamed ${noun} ${name}`);
    else found.push(`Edited ${noun} ${name}`);
  }
  if (readCounts.read > 0) found.push(readCounts.read === 1 ? 'Read a notification' : `Read ${readCounts.read} notifications`);
  if (readCounts.unread > 0) found.push(readCounts.unread === 1 ? 'Marked a notification unread' : `Marked ${readCounts.unread} notifications unread`);
  return [...new Set(found)];
}

/** The words for one waiting change as `viewerId` may see it, or null when nothing in it is theirs to see. */
export function describeWaiting(client: Database.Database, event: TeamEvent, viewerId: number): WaitingChangeView | null {
  const said = phrases(client, event, viewerId);
  if (said.length === 0) return null;
  const summary = said.length <= 2 ? said.join('; ') : `${said.slice(0, 2).join('; ')} and ${said.length - 2} more`;
  const author = event.author === null ? null : (client.prepare('select display_name from users where id = ?').pluck().get(event.author) as string | undefined) ?? null;
  return { id: event.id, at: event.at, author, summary };
}
