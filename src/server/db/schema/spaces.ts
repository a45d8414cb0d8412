import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { SpaceRole, SpaceVisibility } from '../../../shared/havens.ts';
import { initiatives } from './initiatives.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';

/**
 * A safe haven: a space where a team works, public, transparent (everyone reads, members write)
 * or private (members only, and invisible to everyone else).
 */
export const spaces = pgTable(
  'spaces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    visibility: text('visibility').$type<SpaceVisibility>().notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    /** The initiative the space belongs to (its stakeholders work there). */
    initiativeId: uuid('initiative_id').references((): AnyPgColumn => initiatives.id, {
      onDelete: 'set null',
    }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('spaces_visibility_idx').on(t.visibility, t.createdAt),
    check('spaces_visibility_check', sql`${t.visibility} in ('public', 'transparent', 'private')`),
  ],
);

export const spaceMembers = pgTable(
  'space_members',
  {
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<SpaceRole>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.spaceId, t.userId] }),
    index('space_members_user_idx').on(t.userId),
    check('space_members_role_check', sql`${t.role} in ('owner', 'member', 'observer')`),
  ],
);

/** Who looked at or changed what in a space: owners can read it. */
export const spaceAccessLog = pgTable(
  'space_access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('space_access_log_space_idx').on(t.spaceId, t.at)],
);
