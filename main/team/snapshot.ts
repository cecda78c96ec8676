import Database from 'better-sqlite3';
import type { Core } from '../core/core';
import { teamState } from './teamState';

// A copy of the team's inventory at a log position, for a desktop that joins: it starts from the
// newest copy and applies the log from there, instead of replaying every event since the team began.
// What belongs to one desktop (its mail queue, sign-in limits, its own settings, what it has still to
// send) is left out.

const LOCAL_TABLES = ['outbox', 'outbox_bodies', 'mail_fanouts', 'digest_queue', 'sign_in_limits', 'trusted_devices', 'team_outbox', 'banner_deliveries', 'channels', 'channel_deliveries'];
const LOCAL_SETTINGS = ["desktop.%", "maintenance.%", "mail.%", "team.%"];

function sharedTables(client: Database.Database, schema: string): string[] {
  return (client.prepare(`select name from ${schema}.sqlite_master where type = 'table' and name not like 'sqlite_%' and name != '__drizzle_migrations'`).pluck().all() as string[]).filter(
    (name) => !LOCAL_TABLES.includes(name),
  );
}

/** Writes the inventory as it is now to `file`, without what is this desktop's own. */
export function writeSnapshot(core: Core, file: string): void {
  core.db.$client.prepare('vacuum into ?').run(file);
  const copy = new Database(file);
  try {
    for (const table of LOCAL_TABLES) copy.exec(`delete from "${table}"`);
    const forget = copy.prepare('delete from settings where key like ?');
    for (const pattern of LOCAL_SETTINGS) forget.run(pattern);
  } finally {
    copy.close();
  }
}

/**
 * Replaces this desktop's inventory with a team snapshot taken at log position `seq`, in one
 * transaction. Everyone signed in here is signed out: the team's people replace this desktop's.
 */
export function loadSnapshot(core: Core, file: string, seq: number): void {
  const client = core.db.$client;
  client.prepare('attach database ? as snapshot').run(file);
  try {
    core.write(null, (ctx) => {
      client.pragma('defer_foreign_keys = on');
      const tables = sharedTables(client, 'main');
      const theirs = new Set(sharedTables(client, 'snapshot'));
      // This desktop's own settings stay; the team's replace the rest.
      const ownSetting = LOCAL_SETTINGS.map(() => 'key like ?').join(' or ');
      for (const table of tables) {
        if (table === 'settings') client.prepare(`delete from main.settings where not (${ownSetting})`).run(...LOCAL_SETTINGS);
        else client.exec(`delete from main."${table}"`);
      }
      for (const table of tables) if (theirs.has(table)) client.exec(`insert or ignore into main."${table}" select * from snapshot."${table}"`);
      client.exec(`delete from main.sqlite_sequence where name in (select name from snapshot.sqlite_sequence);
        insert into main.sqlite_sequence select * from snapshot.sqlite_sequence`);
      teamState.setPosition(ctx, seq);
      ctx.change.endAllSessions();
      ctx.change.touch('categories', 'parts', 'locations', 'stock', 'users', 'builds');
    });
  } finally {
    client.exec('detach database snapshot');
  }
}
