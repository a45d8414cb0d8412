import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { NeedStatus } from '../../../shared/needs.ts';
import { organisations } from './organisations.ts';
import { tsvector } from './tsvector.ts';
import { users } from './users.ts';

/**
 * A need posted by residents or an organisation. `supports` counts the rows of `need_supports`
 * (kept in the same transaction) so the list can be sorted by it through an index. The first
 * time a need reaches each status is kept for the responsiveness figures.
 */
export const needs = pgTable(
  'needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Municipality or region. */
    place: text('place').notNull().default(''),
    country: text('country').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    sector: text('sector'),
    responsibleOrganisationId: uuid('responsible_organisation_id').references(
      () => organisations.id,
      { onDelete: 'set null' },
    ),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** Posted on behalf of this organisation (its author is a member). */
    organisationId: uuid('organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    status: text('status').$type<NeedStatus>().notNull().default('open'),
    statusReason: text('status_reason'),
    mergedIntoId: uuid('merged_into_id'),
    /** Hidden by a moderator (with the justification its author sees): gone for everyone else. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenReason: text('hidden_reason'),
    /** Waiting for a moderator's approval (its organisation requires pre-moderation). */
    awaitingApproval: boolean('awaiting_approval').notNull().default(false),
    supports: integer('supports').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    addressedAt: timestamp('addressed_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || coalesce(place, ''))`,
      ),
  },
  (t) => [
    index('needs_search_idx').using('gin', t.search),
    index('needs_list_idx')
      .on(t.supports.desc(), t.createdAt.desc(), t.id)
      .where(sql`${t.mergedIntoId} is null and ${t.hiddenAt} is null`),
    index('needs_country_sector_idx')
      .on(t.country, t.sector, t.supports.desc(), t.createdAt.desc(), t.id)
      .where(sql`${t.mergedIntoId} is null and ${t.hiddenAt} is null`),
    index('needs_country_status_idx')
      .on(t.country, t.status, t.createdAt.desc(), t.id)
      .where(sql`${t.mergedIntoId} is null and ${t.hiddenAt} is null`),
    index('needs_author_idx').on(t.authorId),
    index('needs_responsible_idx').on(t.responsibleOrganisationId, t.createdAt),
    check(
      'needs_status_check',
      sql`${t.status} in ('open', 'acknowledged', 'being_addressed', 'resolved', 'declined')`,
    ),
    check('needs_supports_check', sql`${t.supports} >= 0`),
  ],
);

export const needSupports = pgTable(
  'need_supports',
  {
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.needId, t.userId] }),
    index('need_supports_user_idx').on(t.userId),
  ],
);

export const needFollowers = pgTable(
  'need_followers',
  {
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.needId, t.userId] }),
    index('need_followers_user_idx').on(t.userId),
  ],
);

export const needComments = pgTable(
  'need_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    /** Hidden by a moderator (with the justification its author sees): gone for everyone else. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenReason: text('hidden_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('need_comments_need_idx').on(t.needId, t.createdAt)],
);

/** The public timeline of a need: its creation, every status change, merges. */
export const needEvents = pgTable(
  'need_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    kind: text('kind')
      .$type<'created' | 'status' | 'reopened' | 'merged_from' | 'merged_into'>()
      .notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reason: text('reason'),
    /** The other need of a merge. */
    otherNeedId: uuid('other_need_id'),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('need_events_need_idx').on(t.needId, t.id)],
);
