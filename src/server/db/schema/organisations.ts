import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tsvector } from './tsvector.ts';
import { users } from './users.ts';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind', {
      enum: ['public_body', 'company', 'civil_society', 'academic', 'community_group'],
    }).notNull(),
    country: text('country').notNull(),
    level: text('level', { enum: ['local', 'regional', 'national', 'supranational'] }),
    sector: text('sector', { enum: ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'] }),
    website: text('website'),
    description: text('description').notNull().default(''),
    /** Needs this organisation is made responsible for wait for a moderator's approval. */
    premoderation: boolean('premoderation').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('simple', coalesce(name, '')), 'A') || setweight(to_tsvector('simple', coalesce(description, '')), 'B')`,
    ),
  },
  (t) => [
    index('organisations_name_id_idx').on(t.name, t.id),
    index('organisations_country_name_idx').on(t.country, t.name, t.id),
    index('organisations_kind_name_idx').on(t.kind, t.name, t.id),
    index('organisations_search_idx').using('gin', t.search),
  ],
);
