/** Every kind of notification, with the words the preferences page uses for it. */
export const notificationKindLabels = {
  'part.low_stock': 'Low stock',
  'part.will_run_low': 'Will run low (usage forecast)',
  'build.stock_required': 'Stock required for a build order',
  'build.created': 'New build order',
  'build.completed': 'Build order completed',
  'build.cancelled': 'Build order cancelled',
  'build.overdue': 'Build order overdue',
  'team.overwritten': 'Your change was replaced or not kept, by a teammate\'s',
} as const;

export type NotificationKind = keyof typeof notificationKindLabels;
export const notificationKindNames = Object.keys(notificationKindLabels) as NotificationKind[];
