import { z } from 'zod';
import { description, id, name, pathEntry } from './shared';
import { subscriptionTarget } from './notifications';

/** One part or category a group follows, named for the person reading it. */
export const groupSubscriptionView = z.object({
  target: subscriptionTarget,
  name: z.string(),
  /** The category path above it (for a part: its category's path), top first. */
  path: z.array(pathEntry),
});

export const groupView = z.object({
  id,
  name: z.string(),
  description: z.string(),
  members: z.array(z.object({ id, username: z.string(), displayName: z.string(), active: z.boolean() })),
  subscriptions: z.array(groupSubscriptionView),
});
export type GroupView = z.infer<typeof groupView>;

/** A group as one of its members sees it: what it follows, and which of those they left for themselves. */
export const memberGroupView = z.object({
  id,
  name: z.string(),
  description: z.string(),
  subscriptions: z.array(groupSubscriptionView.extend({ left: z.boolean() })),
});
export type MemberGroupView = z.infer<typeof memberGroupView>;

const groupTarget = z.object({ groupId: id, target: subscriptionTarget });

export const groupsContract = {
  'groups.list': { access: 'admin', input: z.object({}), output: z.array(groupView) },
  'groups.create': { access: 'admin', input: z.object({ name, description }), output: groupView },
  'groups.update': { access: 'admin', input: z.object({ id, name, description }), output: groupView },
  'groups.delete': { access: 'admin', input: z.object({ id }), output: z.object({ ok: z.literal(true) }) },
  'groups.setMember': { access: 'admin', input: z.object({ groupId: id, userId: id, member: z.boolean() }), output: groupView },
  'groups.subscribe': { access: 'admin', input: groupTarget, output: groupView },
  'groups.unsubscribe': { access: 'admin', input: groupTarget, output: groupView },
  /** The signed-in person's groups, with each group's subscriptions. */
  'groups.mine': { access: 'member', input: z.object({}), output: z.array(memberGroupView) },
  /** Leave (or take back) one of a group's subscriptions for oneself only. */
  'groups.leaveSubscription': { access: 'member', input: groupTarget.extend({ left: z.boolean() }), output: memberGroupView },
} as const;
