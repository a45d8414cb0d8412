import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ModeratedType } from '../../../shared/moderation.ts';
import { users } from './users.ts';

/** A report of content by a person; closed when a moderator decides on the content. */
export const contentReports = pgTable(
  'content_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    targetType: text('target_type').$type<ModeratedType>().notNull(),
    targetId: uuid('target_id').notNull(),
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('content_reports_open_idx')
      .on(t.targetType, t.targetId)
      .where(sql`${t.closedAt} is null`),
    uniqueIndex('content_reports_once_key')
      .on(t.targetType, t.targetId, t.reporterId)
      .where(sql`${t.closedAt} is null`),
    check(
      'content_reports_type_check',
      sql`${t.targetType} in ('need', 'need_comment', 'initiative', 'initiative_update')`,
    ),
  ],
);
