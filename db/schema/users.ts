import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A person's quiet hours, as stored (see main/core/notifications/quietHours.ts). */
export interface QuietHours {
  start: string;
  end: string;
  weekends: boolean;
  timeZone: string;
}

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Sign-in name; unique regardless of case. */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** Hour of the day (0-23, local) at which this person's daily digest is sent. */
    digestHour: integer('digest_hour').notNull().default(8),
    /**
     * Hours in which banners and immediate emails wait and arrive as one summary when they end
     * (JSON: start and end "HH:MM", whole weekends, and the person's time zone); null for none.
     */
    quietHours: text('quiet_hours', { mode: 'json' }).$type<QuietHours>(),
    /** Kept with every change to this person's notifications, so the bell's count is one read. */
    unreadNotifications: integer('unread_notifications').notNull().default(0),
    role: text('role', { enum: ['admin', 'member'] }).notNull().default('member'),
    /** scrypt hash with its parameters and salt; null until a password is set (imported users). */
    passwordHash: text('password_hash'),
    /**
     * Moves on when a password is reset or changed, the account is deactivated, or a backup is
     * restored: a session signed in under an older epoch is signed out at its next call.
     */
    sessionEpoch: integer('session_epoch').notNull().default(0),
    lastSignInAt: integer('last_sign_in_at'),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    uniqueIndex('users_email_unique').on(sql`lower(${table.email})`),
    uniqueIndex('users_username_unique').on(sql`lower(${table.username})`),
  ],
);

/**
 * Wrong passwords slow down whoever sent them. A scope is one of: a username as typed (known or not,
 * so a block says nothing about which accounts exist), a browser that signed in to an account before
 * (so an attacker elsewhere cannot lock its owner out), or a network source across all accounts.
 * Local to this desktop: never part of a backup's meaning or of a team's shared log.
 */
export const signInLimits = sqliteTable('sign_in_limits', {
  scope: text('scope').primaryKey(),
  failures: integer('failures').notNull().default(0),
  /** No attempt in this scope is checked before this time. */
  blockedUntil: integer('blocked_until').notNull().default(0),
  lastFailureAt: integer('last_failure_at').notNull().default(0),
});

/** Browsers (by a hash of their long-lived device cookie) that have signed in to an account before. */
export const trustedDevices = sqliteTable(
  'trusted_devices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deviceHash: text('device_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at').notNull(),
  },
  (table) => [uniqueIndex('trusted_devices_user_device').on(table.userId, table.deviceHash), index('trusted_devices_last_used').on(table.lastUsedAt)],
);
