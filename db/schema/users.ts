import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
    /** Kept with every change to this person's notifications, so the bell's count is one read. */
    unreadNotifications: integer('unread_notifications').notNull().default(0),
    role: text('role', { enum: ['admin', 'member'] }).notNull().default('member'),
    /** scrypt hash with its parameters and salt; null until a password is set (imported users). */
    passwordHash: text('password_hash'),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    /** Wrong passwords slow an account down: no attempt is checked before this time. */
    signInBlockedUntil: integer('sign_in_blocked_until').notNull().default(0),
    lastSignInAt: integer('last_sign_in_at'),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    uniqueIndex('users_email_unique').on(sql`lower(${table.email})`),
    uniqueIndex('users_username_unique').on(sql`lower(${table.username})`),
  ],
);
