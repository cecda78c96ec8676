import { evaluateTouchedParts } from '../core/alerts/alertEngine';
import { announceBuild, type BuildAnnouncement } from '../core/builds/buildOrders';
import { tellRunLow, type RunLowWarning } from '../core/forecast/runLowWarnings';
import type { WriteContext } from '../core/context';
import { takeLowStateAsItIs } from '../core/inventory/parts';
import { notifications } from '../core/notifications/notifications';
import type { InventoryArea } from '../contract/events';
import type { SubscriptionTarget } from '../contract/notifications';
import { tellGroupWhatIsAlreadyLow, tellWhatIsAlreadyLow } from '../core/subscriptions/alreadyLow';
import type { RowImage } from './rowChanges';

// What follows from a change, worked out on every desktop as the change takes its place in the
// team's merged order: low-stock alerts, build-order notices, recount flags, unread counts, and
// which windows to refresh. The same functions the single desktop uses inside its own changes.

const areaOf: Record<string, InventoryArea | undefined> = {
  part_categories: 'categories',
  stock_locations: 'locations',
  parts: 'parts',
  stock_items: 'stock',
  stock_movements: 'stock',
  users: 'users',
  bom_lines: 'builds',
  build_orders: 'builds',
  part_run_low_warnings: 'parts',
  suppliers: 'purchasing',
  supplier_parts: 'purchasing',
  purchase_orders: 'purchasing',
  purchase_order_lines: 'purchasing',
};

function changed(image: RowImage, column: string): boolean {
  return (image.before?.[column] ?? null) !== (image.after?.[column] ?? null);
}

function buildAnnouncements(image: RowImage): BuildAnnouncement[] {
  if (!image.after) return [];
  if (!image.before) return ['created'];
  const found: BuildAnnouncement[] = [];
  const from = image.before.status;
  const to = image.after.status;
  if (from !== to) {
    if (to === 'in_production') found.push('started');
    if (to === 'complete') found.push('completed');
    if (to === 'cancelled') found.push('cancelled');
  }
  if (image.before.overdue_notified_at === null && image.after.overdue_notified_at !== null) found.push('overdue');
  return found;
}

/**
 * Works out, for one event applied at its place in the log, everything that derives from it. `ctx`
 * acts as the event's author, so a notice about what someone did is not sent to them.
 */
export function deriveFromEvent(ctx: WriteContext, images: RowImage[], ownEvent = false): void {
  const client = ctx.db.$client;
  const unreadOf = new Set<number>();
  const woken: number[] = [];
  const builds: [number, BuildAnnouncement][] = [];
  const runLow: RunLowWarning[] = [];
  const counted = new Set<number>();
  const subscribed: [number, SubscriptionTarget][] = [];
  const groupSubscribed: [number, SubscriptionTarget][] = [];
  const groupsChanged = new Set<number>();
  ctx.change.derivationsDeferred = false;
  try {
    for (const image of images) {
      const row = image.after ?? image.before;
      if (!row) continue;
      const area = areaOf[image.table];
      if (area) ctx.change.touch(area);
      switch (image.table) {
        case 'parts': {
          const id = Number(row.id);
          // Creating a part, or turning it back on, is not stock falling (as on a single desktop).
          if (!image.before || (image.before.active === 0 && image.after?.active === 1)) takeLowStateAsItIs(ctx, id);
          else if (['stock_total', 'minimum_stock', 'active', 'variant_of_id'].some((column) => changed(image, column))) ctx.change.touchPart(id);
          break;
        }
        case 'stock_items':
          if (image.after && Number(image.after.quantity) < 0) client.prepare('update stock_items set recount = 1 where id = ?').run(image.after.id);
          break;
        case 'stock_movements':
          if (!image.before && image.after?.kind === 'count') counted.add(Number(image.after.item_id));
          break;
        case 'users':
          if (changed(image, 'session_epoch')) ctx.change.endSessionsOf(Number(row.id));
          break;
        case 'part_subscriptions':
        case 'category_subscriptions':
          ctx.change.subscriptionsOf(Number(row.user_id));
          if (!image.before && image.after) {
            subscribed.push([Number(row.user_id), image.table === 'part_subscriptions' ? { kind: 'part', id: Number(row.part_id) } : { kind: 'category', id: Number(row.category_id) }]);
          }
          break;
        case 'group_members':
        case 'group_opt_outs':
          ctx.change.subscriptionsOf(Number(row.user_id));
          break;
        case 'user_groups':
          groupsChanged.add(Number(row.id));
          break;
        case 'group_part_subscriptions':
        case 'group_category_subscriptions':
          groupsChanged.add(Number(row.group_id));
          if (!image.before && image.after) {
            const target: SubscriptionTarget =
              image.table === 'group_part_subscriptions' ? { kind: 'part', id: Number(row.part_id) } : { kind: 'category', id: Number(row.category_id) };
            groupSubscribed.push([Number(row.group_id), target]);
          }
          break;
        case 'notifications':
          unreadOf.add(Number(row.user_id));
          // Back from a snooze another desktop's waker ended: announced here too (this desktop's own
          // waker announced its own when it woke them).
          if (!ownEvent && image.before?.snoozed_until != null && image.after && image.after.snoozed_until === null) woken.push(Number(row.id));
          break;
        case 'part_run_low_warnings':
          // Told once however many desktops decided it: only the row's arrival is news.
          if (!image.before && image.after) {
            runLow.push({
              partId: Number(row.part_id),
              belowMinimumOn: String(row.below_minimum_on),
              dailyUse: Number(row.daily_use),
              leadTimeDays: Number(row.lead_time_days),
            });
          }
          break;
        case 'build_orders':
          for (const what of buildAnnouncements(image)) builds.push([Number(row.id), what]);
          break;
      }
    }
    // Counting an item settles it: whatever the merge did, the shelf now holds what was counted.
    for (const itemId of counted) client.prepare('update stock_items set recount = 0 where id = ? and quantity >= 0').run(itemId);
    for (const userId of unreadOf) {
      client
        .prepare('update users set unread_notifications = (select count(*) from notifications where user_id = ? and read_at is null and snoozed_until is null) where id = ?')
        .run(userId, userId);
      ctx.change.notify(userId);
    }
    for (const [userId, view] of notifications.viewsOf(ctx, woken)) ctx.change.notify(userId, view);
    evaluateTouchedParts(ctx);
    for (const [id, what] of builds) announceBuild(ctx, id, what);
    for (const warning of runLow) tellRunLow(ctx, warning);
    // A person subscribing themselves, one thing at a time, as on a single desktop; an import's
    // subscriptions (many, made by an administrator for others) tell no one.
    const [onlyOne] = subscribed;
    if (subscribed.length === 1 && onlyOne && onlyOne[0] === ctx.actorId) tellWhatIsAlreadyLow(ctx, onlyOne[0], onlyOne[1]);
    // An administrator subscribing a group to one thing tells its members, as on a single desktop.
    const [onlyGroup] = groupSubscribed;
    if (groupSubscribed.length === 1 && onlyGroup) tellGroupWhatIsAlreadyLow(ctx, onlyGroup[0], onlyGroup[1]);
    const memberOf = client.prepare('select user_id from group_members where group_id = ?').pluck();
    for (const groupId of groupsChanged) for (const userId of memberOf.all(groupId) as number[]) ctx.change.subscriptionsOf(userId);
  } finally {
    ctx.change.touchedParts.clear();
    ctx.change.derivationsDeferred = true;
  }
}
