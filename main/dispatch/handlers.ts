import type { MethodName, MethodOutput, ParsedInput } from '../contract';
import type { Core } from '../core/core';
import { DomainError } from '../core/errors';
import { backupFolder, listBackups } from '../../db/backup';
import type { OpenOptions } from '../../db/open';
import { backUpNow, inspectBackup, restoreBackup } from '../core/backups';
import { bom } from '../core/builds/bom';
import { buildOrders } from '../core/builds/buildOrders';
import { applyCsv, previewCsv } from '../core/import/csvTransfer';
import { exportCsv } from '../core/import/csvExport';
import { runInvenTreeImport } from '../core/import/runImport';
import { uploadedExports } from '../core/import/uploadedExports';
import { categories } from '../core/inventory/categories';
import { inventoryCounts } from '../core/inventory/counts';
import { locations } from '../core/inventory/locations';
import { listMovements } from '../core/inventory/movements';
import { parts } from '../core/inventory/parts';
import { stock } from '../core/inventory/stock';
import { notifications } from '../core/notifications/notifications';
import { quietHoursOf } from '../core/notifications/quietHours';
import { whyNotified } from '../core/notifications/why';
import { explainHearing } from '../core/subscriptions/explain';
import { groups } from '../core/subscriptions/groups';
import { purchaseOrders } from '../core/purchasing/purchaseOrders';
import { supplierParts } from '../core/purchasing/supplierParts';
import { suppliers } from '../core/purchasing/suppliers';
import { channels, newWebhookSecret } from '../core/channels/channels';
import { postChannelTest } from '../core/channels/channelWorker';
import { mutes } from '../core/subscriptions/mutes';
import { subscriptions } from '../core/subscriptions/subscriptions';
import { users } from '../core/users/users';
import { hashPassword } from '../core/users/passwords';
import { signIn } from '../core/users/signIn';
import { readEmailSettings, writeEmailSettings, type StoredEmailSettings } from '../core/mail/emailSettings';
import { whyNoEmail } from '../core/mail/delivery';
import { outbox } from '../core/mail/outbox';
import { sendTestEmail } from '../core/mail/testEmail';
import { trustView } from '../core/mail/serverTrust';
import { chooseServerTrust } from '../core/mail/trustChoice';
import { notificationKindLabels } from '../core/notifications/kinds';
import { preferencesOf, savePreferences } from '../core/notifications/preferences';
import type { Secrets } from '../core/ports';
import type { TeamControl } from '../team/teamControl';
import { teamState } from '../team/teamState';
import { readSetting, writeSetting } from '../core/settings';
import { forecastView, readForecastSettings } from '../core/forecast/forecast';
import { reorder } from '../core/forecast/reorder';
import { reconsiderAllForecasts } from '../core/forecast/runLowWarnings';
import { stockSparklines } from '../core/forecast/sparklines';
import { stockHistory } from '../core/forecast/stockHistory';
import type { EmailSettingsView } from '../contract/mail';
import { demoStatus, loadDemo } from '../../db/demo/load';
import { signedInUser, signInto, type Session } from './session';

export interface CallContext {
  core: Core;
  secrets: Secrets;
  team: TeamControl;
  storage: Storage;
  session: Session;
  /** The signed-in user; dispatch guarantees it for every method whose access is not 'public'. */
  actorId: number | null;
}

/** Where the inventory lives on disk, for backups and restores. */
export interface Storage extends OpenOptions {
  dataDir: string;
}

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  call: CallContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

function emailSettingsView({ sealedPassword, trust, ...settings }: StoredEmailSettings, secrets: Secrets): EmailSettingsView {
  return { ...settings, passwordSet: sealedPassword !== '', passwordProtection: secrets.protection(), trust: trustView(trust) };
}

export type HandlerTable = { [M in MethodName]: Handler<M> };

function actor(call: CallContext): number {
  if (call.actorId === null) throw new DomainError('UNAUTHENTICATED', 'Please sign in.');
  return call.actorId;
}

/** The one table both hosts serve. Each entry is a thin step from a validated call to a service. */
export const handlers: HandlerTable = {
  'session.get': (_input, { core, session }) => ({
    user: signedInUser(core, session),
    needsSetup: core.read((ctx) => users.needsSetup(ctx)),
  }),
  'session.setup': async (input, { core, session }) => {
    const passwordHash = await hashPassword(input.password);
    const admin = core.write(null, (ctx) => {
      if (!users.needsSetup(ctx)) throw new DomainError('CONFLICT', 'Stockbell is already set up. Sign in instead.');
      return users.create(ctx, { ...input, role: 'admin', passwordHash });
    });
    signInto(session, admin, 0, core.sessionGeneration);
    return admin;
  },
  'session.signIn': async (input, { core, session }) => {
    const { user, sessionEpoch } = await signIn(core, input.username, input.password, session);
    signInto(session, user, sessionEpoch, core.sessionGeneration);
    return user;
  },
  'session.signOut': (_input, { session }) => {
    session.userId = null;
    return { ok: true };
  },

  'users.list': (_input, { core }) => core.read((ctx) => users.list(ctx)),
  'users.create': async (input, call) => {
    const passwordHash = await hashPassword(input.password);
    return call.core.write(actor(call), (ctx) => users.create(ctx, { ...input, passwordHash }));
  },
  'users.update': (input, call) => call.core.write(actor(call), (ctx) => users.update(ctx, input)),
  'users.resetPassword': async (input, call) => {
    const passwordHash = await hashPassword(input.password);
    const { user, sessionEpoch } = call.core.write(actor(call), (ctx) => users.setPasswordHash(ctx, input.id, passwordHash));
    // An administrator resetting their own password stays signed in here; every other session ends.
    if (input.id === call.session.userId) call.session.epoch = sessionEpoch;
    return user;
  },
  'users.allowSignIn': (input, call) => call.core.write(actor(call), (ctx) => users.clearSignInBlock(ctx, input.id)),

  'profile.get': (_input, call) =>
    call.core.read((ctx) => {
      const user = users.get(ctx, actor(call));
      return {
        user,
        digestHour: users.digestHour(ctx, user.id),
        emailProblem: whyNoEmail(readEmailSettings(ctx), user.email),
        preferences: preferencesOf(ctx, user.id).map((entry) => ({ ...entry, label: notificationKindLabels[entry.kind] })),
        quietHours: quietHoursOf(ctx, user.id),
      };
    }),
  'profile.setQuietHours': (input, call) =>
    call.core.write(actor(call), (ctx) => {
      ctx.db.$client.prepare('update users set quiet_hours = ? where id = ?').run(input.quietHours ? JSON.stringify(input.quietHours) : null, actor(call));
      return { quietHours: quietHoursOf(ctx, actor(call)) };
    }),
  'profile.update': (input, call) => call.core.write(actor(call), (ctx) => users.updateProfile(ctx, actor(call), input)),
  'profile.changePassword': async (input, call) => {
    const me = call.core.read((ctx) => users.get(ctx, actor(call)));
    await signIn(call.core, me.username, input.currentPassword, call.session).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'RATE_LIMITED') throw error;
      throw new DomainError('INVALID_INPUT', 'Your current password is not right.', { currentPassword: 'This is not your current password.' });
    });
    const passwordHash = await hashPassword(input.newPassword);
    const { sessionEpoch } = call.core.write(me.id, (ctx) => users.setPasswordHash(ctx, me.id, passwordHash));
    // This window stays signed in; the person's other sessions end.
    call.session.epoch = sessionEpoch;
    return { ok: true };
  },
  'profile.savePreferences': (input, call) => {
    call.core.write(actor(call), (ctx) => savePreferences(ctx, actor(call), input.preferences));
    return { ok: true };
  },

  'settings.email.get': (_input, { core, secrets }) => core.read((ctx) => emailSettingsView(readEmailSettings(ctx), secrets)),
  'settings.email.update': (input, { core, secrets }) =>
    core.write(null, (ctx) => {
      const before = readEmailSettings(ctx);
      const { password, ...rest } = input;
      const sealedPassword = password === null ? before.sealedPassword : password === '' ? '' : secrets.encrypt(password);
      // The certificate trust has its own method: it is chosen after seeing what the server presents.
      const next = { ...rest, sealedPassword, trust: before.trust };
      writeEmailSettings(ctx, next);
      // Turning email on may release mail that waited; let the worker look.
      ctx.change.mailQueued = true;
      return emailSettingsView(next, secrets);
    }),
  'settings.email.test': (_input, call) => sendTestEmail(call.core, call.secrets, actor(call)),
  'settings.email.trust': async (input, { core, secrets }) => emailSettingsView(await chooseServerTrust(core, input), secrets),
  'outbox.summary': (_input, { core }) =>
    core.read((ctx) => ({
      counts: outbox.counts(ctx),
      problems: outbox.recentProblems(ctx, 50).map((row) => ({
        id: row.id,
        kind: row.kind,
        recipient: row.recipient,
        subject: row.subject,
        status: row.status,
        attempts: row.attempts,
        nextAttemptAt: row.nextAttemptAt,
        lastError: row.lastError,
        createdAt: row.createdAt,
      })),
    })),
  'outbox.retry': (input, call) => {
    call.core.write(actor(call), (ctx) => outbox.retryNow(ctx, input.id));
    return { ok: true };
  },
  'outbox.discard': (input, call) => {
    call.core.write(actor(call), (ctx) => outbox.discard(ctx, input.id));
    return { ok: true };
  },
  'mail.status': (_input, { core }) => core.read((ctx) => outbox.health(ctx)),
  'settings.retention.get': (_input, { core }) => ({ retentionDays: core.read((ctx) => readSetting(ctx, 'notifications.retentionDays')) }),
  'settings.retention.update': (input, call) =>
    call.core.write(actor(call), (ctx) => {
      writeSetting(ctx, 'notifications.retentionDays', input.retentionDays);
      return input;
    }),
  'settings.desktop.get': (_input, { core }) =>
    core.read((ctx) => ({ startHidden: readSetting(ctx, 'desktop.startHidden'), closeToTray: readSetting(ctx, 'desktop.closeToTray') })),
  'settings.desktop.update': (input, call) =>
    call.core.write(actor(call), (ctx) => {
      writeSetting(ctx, 'desktop.startHidden', input.startHidden);
      writeSetting(ctx, 'desktop.closeToTray', input.closeToTray);
      return input;
    }),

  'inventory.counts': (_input, { core }) => core.read((ctx) => inventoryCounts(ctx)),
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
  'subscriptions.explain': (input, call) => call.core.read((ctx) => explainHearing(ctx, actor(call), input.partId)),
  'mutes.set': (input, call) => call.core.write(actor(call), (ctx) => mutes.set(ctx, actor(call), input.target, input)),
  'mutes.clear': (input, call) => call.core.write(actor(call), (ctx) => mutes.clear(ctx, actor(call), input.target)),
  'mutes.status': (input, call) => call.core.read((ctx) => mutes.status(ctx, actor(call), input.targets)),
  'suppliers.list': (_input, { core }) => core.read((ctx) => suppliers.list(ctx)),
  'suppliers.create': (input, call) => call.core.write(actor(call), (ctx) => suppliers.create(ctx, input)),
  'suppliers.update': (input, call) => call.core.write(actor(call), (ctx) => suppliers.update(ctx, input)),
  'suppliers.delete': (input, call) => call.core.write(actor(call), (ctx) => suppliers.delete(ctx, input.id)),
  'supplierParts.list': (input, { core }) => core.read((ctx) => supplierParts.list(ctx, input)),
  'supplierParts.create': (input, call) => call.core.write(actor(call), (ctx) => supplierParts.create(ctx, input)),
  'supplierParts.update': (input, call) => call.core.write(actor(call), (ctx) => supplierParts.update(ctx, input)),
  'supplierParts.delete': (input, call) => call.core.write(actor(call), (ctx) => supplierParts.delete(ctx, input.id)),
  'purchaseOrders.list': (input, { core }) => core.read((ctx) => purchaseOrders.list(ctx, input)),
  'purchaseOrders.get': (input, { core }) => core.read((ctx) => purchaseOrders.get(ctx, input.id)),
  'purchaseOrders.create': (input, call) => call.core.write(actor(call), (ctx) => purchaseOrders.create(ctx, input)),
  'purchaseOrders.addLine': (input, call) => call.core.write(actor(call), (ctx) => purchaseOrders.addLine(ctx, input)),
  'purchaseOrders.updateLine': (input, call) => call.core.write(actor(call), (ctx) => purchaseOrders.updateLine(ctx, input)),
  'purchaseOrders.removeLine': (input, call) => call.core.write(actor(call), (ctx) => purchaseOrders.removeLine(ctx, input.lineId)),
  'purchaseOrders.place': (input, call) => call.core.write(actor(call), (ctx) => purchaseOrders.place(ctx, input.id)),
  'purchaseOrders.cancel': (input, call) => call.core.write(actor(call), (ctx) => purchaseOrders.cancel(ctx, input.id)),
  'purchaseOrders.receive': (input, call) => call.core.write(actor(call), (ctx) => purchaseOrders.receive(ctx, input)),
  'forecast.part': (input, { core }) => core.read((ctx) => forecastView(ctx, input.partId)),
  'forecast.history': (input, { core }) => core.read((ctx) => stockHistory(ctx, input.partId)),
  'forecast.sparklines': (input, { core }) => core.read((ctx) => stockSparklines(ctx, input.partIds)),
  'forecast.settings.get': (_input, { core }) => core.read((ctx) => readForecastSettings(ctx)),
  'forecast.settings.update': (input, call) => {
    const saved = call.core.write(actor(call), (ctx) => {
      writeSetting(ctx, 'forecast.windowDays', input.windowDays);
      writeSetting(ctx, 'forecast.safetyDays', input.safetyDays);
      writeSetting(ctx, 'forecast.coverDays', input.coverDays);
      ctx.change.touch('parts');
      return readForecastSettings(ctx);
    });
    // Which parts are within reach depends on these: every part is looked at again, in the background.
    reconsiderAllForecasts(call.core);
    return saved;
  },
  'reorder.list': (_input, { core }) => core.read((ctx) => reorder.list(ctx)),
  'reorder.createOrder': (input, call) => call.core.write(actor(call), (ctx) => reorder.createOrder(ctx, input.supplierId)),
  'purchaseOrders.onOrder': (input, { core }) => core.read((ctx) => purchaseOrders.onOrder(ctx, input.partId)),
  'channels.list': (input, call) => call.core.read((ctx) => channels.list(ctx, actor(call), input.groupId)),
  'channels.create': (input, call) => {
    call.core.read((ctx) => channels.assertMayCreate(ctx, actor(call), input.groupId));
    // A webhook's secret is made here and shown this once; an ntfy token is the person's own.
    const secret = input.kind === 'webhook' ? newWebhookSecret() : input.token;
    const sealed = secret === '' ? '' : call.secrets.encrypt(secret);
    const channel = call.core.write(actor(call), (ctx) => channels.create(ctx, actor(call), input, sealed));
    return { channel, secret: input.kind === 'webhook' ? secret : null };
  },
  'channels.update': (input, call) => call.core.write(actor(call), (ctx) => channels.update(ctx, actor(call), input)),
  'channels.delete': (input, call) => call.core.write(actor(call), (ctx) => channels.delete(ctx, actor(call), input.id)),
  'channels.test': (input, call) => postChannelTest(call.core, call.secrets, call.core.read((ctx) => channels.forSending(ctx, actor(call), input.id))),
  'channels.deliveries': (input, call) => call.core.read((ctx) => channels.deliveries(ctx, actor(call), input)),
  'channels.retryFailed': (input, call) => call.core.write(actor(call), (ctx) => channels.retryFailed(ctx, actor(call), input.id)),
  'groups.list': (_input, call) => call.core.read((ctx) => groups.list(ctx)),
  'groups.create': (input, call) => call.core.write(actor(call), (ctx) => groups.create(ctx, input)),
  'groups.update': (input, call) => call.core.write(actor(call), (ctx) => groups.update(ctx, input)),
  'groups.delete': (input, call) => call.core.write(actor(call), (ctx) => groups.delete(ctx, input.id)),
  'groups.setMember': (input, call) => call.core.write(actor(call), (ctx) => groups.setMember(ctx, input)),
  'groups.subscribe': (input, call) => call.core.write(actor(call), (ctx) => groups.subscribe(ctx, input)),
  'groups.unsubscribe': (input, call) => call.core.write(actor(call), (ctx) => groups.unsubscribe(ctx, input)),
  'groups.mine': (_input, call) => call.core.read((ctx) => groups.mine(ctx, actor(call))),
  'groups.leaveSubscription': (input, call) => call.core.write(actor(call), (ctx) => groups.leaveSubscription(ctx, actor(call), input)),
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
  'notifications.archive': (input, call) => ({
    changed: call.core.write(actor(call), (ctx) => notifications.archive(ctx, actor(call), input.ids)),
  }),
  'notifications.unarchive': (input, call) => ({
    changed: call.core.write(actor(call), (ctx) => notifications.unarchive(ctx, actor(call), input.ids)),
  }),
  'notifications.why': (input, call) => call.core.read((ctx) => whyNotified(ctx, actor(call), input.id)),
  'notifications.snooze': (input, call) => ({
    changed: call.core.write(actor(call), (ctx) => notifications.snooze(ctx, actor(call), input.ids, input.until)),
    until: input.until,
  }),
  'notifications.unsnooze': (input, call) => ({
    changed: call.core.write(actor(call), (ctx) => notifications.unsnooze(ctx, actor(call), input.ids)),
  }),
  'notifications.deleteAllRead': (_input, call) => ({
    changed: call.core.write(actor(call), (ctx) => notifications.deleteAllRead(ctx, actor(call))),
  }),

  'bom.list': (input, { core }) => core.read((ctx) => bom.list(ctx, input.partId)),
  'bom.add': (input, call) => call.core.write(actor(call), (ctx) => bom.add(ctx, input)),
  'bom.update': (input, call) => call.core.write(actor(call), (ctx) => bom.update(ctx, input)),
  'bom.remove': (input, call) => call.core.write(actor(call), (ctx) => bom.remove(ctx, input.id)),
  'builds.list': (input, { core }) => core.read((ctx) => buildOrders.list(ctx, input)),
  'builds.get': (input, { core }) => core.read((ctx) => buildOrders.get(ctx, input.id)),
  'builds.nextReference': (_input, { core }) => ({ reference: core.read((ctx) => buildOrders.nextReference(ctx)) }),
  'builds.create': (input, call) => call.core.write(actor(call), (ctx) => buildOrders.create(ctx, input)),
  'builds.update': (input, call) => call.core.write(actor(call), (ctx) => buildOrders.update(ctx, input)),
  'builds.start': (input, call) => call.core.write(actor(call), (ctx) => buildOrders.start(ctx, input.id)),
  'builds.complete': (input, call) => call.core.write(actor(call), (ctx) => buildOrders.complete(ctx, input)),
  'builds.cancel': (input, call) => call.core.write(actor(call), (ctx) => buildOrders.cancel(ctx, input.id)),

  'backup.list': (_input, { storage }) => listBackups(backupFolder(storage.dataDir)),
  'backup.create': (_input, { core, storage }) => backUpNow(core, storage.dataDir),
  'backup.inspect': (input, { core, storage }) => inspectBackup(core, storage.dataDir, input.name, storage),
  'backup.restore': (input, { core, storage }) => {
    // A restore would change this desktop's copy alone, behind the team's log.
    if (core.read((ctx) => teamState.membership(ctx))) throw new DomainError('CONFLICT', 'This desktop is in a team: a backup cannot be restored here. Leave the team first.');
    return restoreBackup(core, storage.dataDir, input.name, storage);
  },
  'import.inventree': async ({ content, uploadId, ...choices }, call) => {
    const userId = actor(call);
    // An upload is read from its file; the session that sent it is the only one that can name it.
    const source = uploadId === undefined ? { content: content ?? '' } : { file: uploadedExports.pathFor(call.session, uploadId) };
    const outcome = await runInvenTreeImport(call.core, userId, source, choices, (progress) => call.core.emit('import.progress', progress, { userId }));
    // A refused import keeps its upload: importing it anyway needs no second upload.
    if (uploadId !== undefined && outcome.outcome === 'imported') uploadedExports.discard(uploadId);
    return outcome;
  },
  'import.csv.preview': (input, { core }) => core.read((ctx) => previewCsv(ctx, input.kind, input.content)),
  'import.csv.apply': (input, call) => call.core.write(actor(call), (ctx) => applyCsv(ctx, input.kind, input.content)),
  'export.csv': (input, { core }) => core.read((ctx) => exportCsv(ctx, input.kind)),

  'team.status': (_input, { team }) => team.status(),
  'team.waiting': (input, call) => call.team.waiting(actor(call), input.limit),
  'team.found': (input, { team }) => team.found(input),
  'team.join': (input, { team }) => team.join(input),
  'team.leave': (_input, { team }) => team.leave(),

  'demo.status': (_input, { core }) => core.read((ctx) => demoStatus(ctx)),
  // The published demo password is only for a demo started on purpose (`--demo`); loaded from the
  // app, the demo's people get no password until an administrator sets one.
  'demo.load': (_input, call) => call.core.write(actor(call), (ctx) => loadDemo(ctx, null)),
};
