import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { EmailFrequency, NotificationKind } from '../../../shared/notifications.ts';
import { users } from './users.ts';

/** The in-app inbox: one row per person and event, rendered from its kind and params. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<NotificationKind>().notNull(),
    /** What the message needs (names, titles), already limited to what the person may see. */
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    /** The page it is about, a path of the web app (e.g. `/spaces/…`). */
    link: text('link').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** How a person wants e-mail; no row means the default (immediately). */
export const notificationSettings = pgTable(
  'notification_settings',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    emailFrequency: text('email_frequency').$type<EmailFrequency>().notNull(),
    /** The secret of the one-click unsubscribe link. */
    unsubscribeToken: text('unsubscribe_token').notNull().unique(),
    /** Until when notifications went into a digest. */
    lastDigestAt: timestamp('last_digest_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'notification_settings_frequency_check',
      sql`${t.emailFrequency} in ('immediately', 'daily', 'weekly', 'off')`,
    ),
  ],
);

/**
 * The transactional outbox: written in the same transaction as the event it announces, then
 * claimed by a worker with `FOR UPDATE SKIP LOCKED` and a lease, so several server instances
 * never send one message twice — except the one in flight when an instance crashed, which is
 * sent again once its lease runs out.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** `email` (one notification) or `digest` (a person's notifications since a time). */
    type: text('type').$type<'email' | 'digest'>().notNull(),
    payload: jsonb('payload').$type<Record<string, string>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Set when it will not be tried again (too many failures, or nobody to send to). */
    abandonedAt: timestamp('abandoned_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    index('outbox_pending_idx')
      .on(t.availableAt, t.id)
      .where(sql`${t.sentAt} is null and ${t.abandonedAt} is null`),
  ],
);
