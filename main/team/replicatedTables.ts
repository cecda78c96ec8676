// What of the database a team shares, and how each column merges (docs/team.md). A table not
// listed here is this desktop's own (outbox, sign-in limits, the team's own records), or derived on
// every desktop from the merged log (the notifications' wording and who got them).

export interface TablePolicy {
  /** The columns that name a row. */
  key: string[];
  /**
   * Columns whose changes add up (a stock movement's effect on a quantity), sent as differences so
   * concurrent changes on two desktops both count. Every other replicated column: last writer wins.
   */
  deltas?: string[];
  /** Columns that stay on this desktop: derived from the merged log, or about this desktop only. */
  local?: string[];
  /** Rows of this table are created by the merged log itself, on every desktop: inserts are not sent. */
  derivedInserts?: boolean;
  /** SQL over NEW / OLD (as `ROW`) that a row must pass to be shared. */
  shareWhen?: string;
}

export const replicatedTables: Record<string, TablePolicy> = {
  users: { key: ['id'], local: ['unread_notifications', 'last_sign_in_at'] },
  part_categories: { key: ['id'] },
  stock_locations: { key: ['id'] },
  parts: { key: ['id'], deltas: ['stock_total'], local: ['is_low'] },
  stock_items: { key: ['id'], deltas: ['quantity'], local: ['recount'] },
  stock_movements: { key: ['id'] },
  part_subscriptions: { key: ['user_id', 'part_id'] },
  category_subscriptions: { key: ['user_id', 'category_id'] },
  user_groups: { key: ['id'] },
  group_members: { key: ['group_id', 'user_id'] },
  group_part_subscriptions: { key: ['group_id', 'part_id'] },
  group_category_subscriptions: { key: ['group_id', 'category_id'] },
  group_opt_outs: { key: ['user_id', 'group_id', 'target_kind', 'target_id'] },
  part_mutes: { key: ['user_id', 'part_id'] },
  category_mutes: { key: ['user_id', 'category_id'] },
  notification_preferences: { key: ['user_id', 'kind'] },
  bom_lines: { key: ['id'] },
  suppliers: { key: ['id'] },
  supplier_parts: { key: ['id'] },
  purchase_orders: { key: ['id'] },
  // Receipts on two desktops at once both count.
  purchase_order_lines: { key: ['id'], deltas: ['received'] },
  build_orders: { key: ['id'] },
  // A "Will run low" warning is decided by the desktop whose change (or daily check) brought the
  // projection within reach; the notice follows from the log, once, like an overdue build's.
  part_run_low_warnings: { key: ['part_id'] },
  // Notifications are derived everywhere, with the same ids; what people do to them is shared.
  notifications: { key: ['id'], derivedInserts: true, local: ['settled'] },
  // Team-wide settings only: the desktop's own (tray, maintenance times) and its mail server stay.
  settings: { key: ['key'], shareWhen: `ROW.key = 'notifications.retentionDays' or ROW.key like 'forecast.%'` },
};

export const replicatedTableNames = Object.keys(replicatedTables);

/** Tables whose new rows take an id from this desktop's own range. */
export const tablesWithOwnIds = Object.entries(replicatedTables)
  .filter(([, policy]) => policy.key.length === 1 && policy.key[0] === 'id' && !policy.derivedInserts)
  .map(([table]) => table);
