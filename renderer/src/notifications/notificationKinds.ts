import { IconAlertTriangle, IconArrowsExchange, IconBell, IconCalendarDue, IconCircleCheck, IconCircleX, IconHammer, IconPackageImport, IconTrendingDown, type Icon } from '@tabler/icons-react';
import type { z } from 'zod';
import type { notificationKinds } from '../../../main/contract/notifications';

export type NotificationKind = z.infer<typeof notificationKinds>;

interface KindLook {
  label: string;
  icon: Icon;
  color: string;
}

const KINDS: Record<NotificationKind, KindLook> = {
  'part.low_stock': { label: 'Low stock', icon: IconAlertTriangle, color: 'orange' },
  'part.will_run_low': { label: 'Will run low', icon: IconTrendingDown, color: 'yellow' },
  'build.stock_required': { label: 'Stock required for a build order', icon: IconPackageImport, color: 'orange' },
  'build.created': { label: 'New build order', icon: IconHammer, color: 'indigo' },
  'build.completed': { label: 'Build order completed', icon: IconCircleCheck, color: 'teal' },
  'build.cancelled': { label: 'Build order cancelled', icon: IconCircleX, color: 'gray' },
  'build.overdue': { label: 'Build order overdue', icon: IconCalendarDue, color: 'red' },
  'team.overwritten': { label: 'Your change was replaced', icon: IconArrowsExchange, color: 'grape' },
};

const OTHER: KindLook = { label: 'Notification', icon: IconBell, color: 'indigo' };

export function kindLook(kind: string): KindLook {
  return kind in KINDS ? KINDS[kind as NotificationKind] : OTHER;
}

/** The inbox's "Kind" filter: everything, or one kind the contract knows. */
export const KIND_FILTERS: { value: NotificationKind | 'all'; label: string }[] = [
  { value: 'all', label: 'All' },
  ...Object.entries(KINDS).map(([value, look]) => ({ value: value as NotificationKind, label: look.label })),
];
