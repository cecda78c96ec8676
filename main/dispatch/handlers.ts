import type { MethodName, MethodOutput, ParsedInput } from '../contract';
import type { Core } from '../core/core';
import { DomainError } from '../core/errors';
import { categories } from '../core/inventory/categories';
import { locations } from '../core/inventory/locations';
import { listMovements } from '../core/inventory/movements';
import { parts } from '../core/inventory/parts';
import { stock } from '../core/inventory/stock';
import { notifications } from '../core/notifications/notifications';
import { subscriptions } from '../core/subscriptions/subscriptions';
import { users } from '../core/users/users';
import { demoStatus, loadDemo } from '../../db/demo/load';
import type { Session } from './session';

export interface CallContext {
  core: Core;
  session: Session;
  /** The signed-in user; dispatch guarantees it for every method whose access is not 'public'. */
  actorId: number | null;
}

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  call: CallContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type HandlerTable = { [M in MethodName]: Handler<M> };

function actor(call: CallContext): number {
  if (call.actorId === null) throw new DomainError('UNAUTHENTICATED', 'Choose who you are first.');
  return call.actorId;
}

/** The one table both hosts serve. Each entry is a thin step from a validated call to a service. */
export const handlers: HandlerTable = {
  'session.get': (_input, { core, session }) => ({
    user: session.userId === null ? null : core.read((ctx) => users.get(ctx, session.userId as number)),
    needsSetup: core.read((ctx) => users.count(ctx)) === 0,
  }),
  'session.switchUser': (input, { core, session }) => {
    const user = core.read((ctx) => users.get(ctx, input.userId));
    if (!user.active) throw new DomainError('FORBIDDEN', `${user.displayName}'s profile is deactivated.`);
    session.userId = user.id;
    return user;
  },
  'users.list': (_input, { core }) => core.read((ctx) => users.list(ctx)),
  'users.create': (input, { core, session }) => {
    const created = core.write(session.userId, (ctx) => users.create(ctx, input));
    session.userId = created.id;
    return created;
  },

  'categories.list': (_input, { core }) => core.read((ctx) => categories.list(ctx)),
  'categories.get': (input, { core }) => {
    const { node, path, children } = core.read((ctx) => categories.get(ctx, input.id));
    return { category: node, path, children };
  },
  'categories.create': (input, call) => call.core.write(actor(call), (ctx) => categories.create(ctx, input)),
  'categories.update': (input, call) => call.core.write(actor(call), (ctx) => categories.update(ctx, input)),
  'categories.delete': (input, call) => call.core.write(actor(call), (ctx) => categories.delete(ctx, input.id)),

  'locations.list': (_input, { core }) => core.read((ctx) => locations.list(ctx)),
  'locations.get': (input, { core }) => {
    const { node, path, children } = core.read((ctx) => locations.get(ctx, input.id));
    return { location: node, path, children };
  },
  'locations.create': (input, call) => call.core.write(actor(call), (ctx) => locations.create(ctx, input)),
  'locations.update': (input, call) => call.core.write(actor(call), (ctx) => locations.update(ctx, input)),
  'locations.delete': (input, call) => call.core.write(actor(call), (ctx) => locations.delete(ctx, input.id)),

  'parts.list': (input, { core }) => core.read((ctx) => parts.list(ctx, input)),
  'parts.get': (input, { core }) => core.read((ctx) => parts.get(ctx, input.id)),
  'parts.create': (input, call) => call.core.write(actor(call), (ctx) => parts.create(ctx, input)),
  'parts.update': (input, call) => call.core.write(actor(call), (ctx) => parts.update(ctx, input)),

  'stock.list': (input, { core }) => core.read((ctx) => stock.list(ctx, input)),
  'stock.create': (input, call) => call.core.write(actor(call), (ctx) => stock.create(ctx, input)),
  'stock.add': (input, call) => call.core.write(actor(call), (ctx) => stock.add(ctx, input)),
  'stock.remove': (input, call) => call.core.write(actor(call), (ctx) => stock.remove(ctx, input)),
  'stock.count': (input, call) => call.core.write(actor(call), (ctx) => stock.count(ctx, input)),
  'stock.transfer': (input, call) => call.core.write(actor(call), (ctx) => stock.transfer(ctx, input)),
  'stock.delete': (input, call) => call.core.write(actor(call), (ctx) => stock.delete(ctx, input)),
  'stock.adjustMany': (input, call) => call.core.write(actor(call), (ctx) => stock.adjustMany(ctx, input)),
  'movements.list': (input, { core }) => core.read((ctx) => listMovements(ctx, input)),

  'subscriptions.subscribe': (input, call) => call.core.write(actor(call), (ctx) => subscriptions.subscribe(ctx, actor(call), input)),
  'subscriptions.unsubscribe': (input, call) =>
    call.core.write(actor(call), (ctx) => subscriptions.unsubscribe(ctx, actor(call), input)),
  'subscriptions.status': (input, call) => call.core.read((ctx) => subscriptions.status(ctx, actor(call), input.targets)),
  'subscriptions.list': (_input, call) => call.core.read((ctx) => subscriptions.list(ctx, actor(call))),
  'subscriptions.lowStock': (input, call) => call.core.read((ctx) => subscriptions.lowStock(ctx, actor(call), input)),

  'notifications.unreadCount': (_input, call) => ({ count: call.core.read((ctx) => notifications.unreadCount(ctx, actor(call))) }),
  'notifications.list': (input, call) => call.core.read((ctx) => notifications.list(ctx, actor(call), input)),
  'notifications.markRead': (input, call) => ({
    changed: call.core.write(actor(call), (ctx) => notifications.markRead(ctx, actor(call), input.ids)),
  }),
  'notifications.markUnread': (input, call) => ({
    changed: call.core.write(actor(call), (ctx) => notifications.markUnread(ctx, actor(call), input.ids)),
  }),
  'notifications.markAllRead': (_input, call) => ({
    changed: call.core.write(actor(call), (ctx) => notifications.markAllRead(ctx, actor(call))),
  }),
  'notifications.delete': (input, call) => ({
    changed: call.core.write(actor(call), (ctx) => notifications.delete(ctx, actor(call), input.ids)),
  }),
  'notifications.deleteAllRead': (_input, call) => ({
    changed: call.core.write(actor(call), (ctx) => notifications.deleteAllRead(ctx, actor(call))),
  }),

  'demo.status': (_input, { core }) => core.read((ctx) => demoStatus(ctx)),
  'demo.load': (_input, call) => call.core.write(actor(call), (ctx) => loadDemo(ctx)),
};
