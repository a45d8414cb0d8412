import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null once the account is erased (GDPR); the row stays so authored content keeps a pseudonym. */
    email: text('email'),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    platformRole: text('platform_role', { enum: ['member', 'moderator', 'admin'] })
      .notNull()
      .default('member'),
    locale: text('locale', { enum: ['en', 'nl'] })
      .notNull()
      .default('en'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);
