import { z } from 'zod';
import { notificationView } from './notifications';

export const inventoryArea = z.enum(['categories', 'parts', 'locations', 'stock', 'users', 'builds', 'purchasing']);
export type InventoryArea = z.infer<typeof inventoryArea>;

/** Events the host pushes to every open renderer after a change commits. */
export const events = {
  'inventory.changed': z.object({ areas: z.array(inventoryArea) }),
  /** Sent only to the user the notifications belong to; `created` lists the new ones, if any. */
  'notifications.changed': z.object({ created: z.array(notificationView) }),
  /**
   * What this person follows changed (in this window, another, or by someone else's hand): every
   * bell and "Subscribed via" on their screens is read again.
   */
  'subscriptions.changed': z.object({}),
  /** The desktop host asks the window to open a route (a clicked OS notification, a deep link). */
  'app.navigate': z.object({ path: z.string() }),
  /**
   * Sessions of this person (or everyone's, after a restore) may have ended: a window checks whether
   * it is still signed in.
   */
  'session.ended': z.object({}),
  /** The desktop's place in its team changed (sync state, membership): views of it read it again. */
  'team.changed': z.object({}),
  /** Progress of an import, to the person who started it. */
  'import.progress': z.object({ phase: z.string(), done: z.number().int(), total: z.number().int() }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const eventNames = Object.keys(events) as EventName[];
