import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  ExchangeSide,
  ExchangeVisibility,
  ItemStatus,
  PledgeStatus,
  ResourceKind,
} from '../../../shared/exchange.ts';
import { initiatives } from './initiatives.ts';
import { organisations } from './organisations.ts';
import { spaces } from './spaces.ts';
import { tsvector } from './tsvector.ts';
import { users } from './users.ts';

/**
 * An offer or a request of one of the seven resource kinds. `rev` is set by a trigger from
 * `exchange_revision` on every insert and update, so servers can load just what changed into
 * their matching index (see drizzle/0013's custom part).
 */
export const exchangeItems = pgTable(
  'exchange_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    side: text('side').$type<ExchangeSide>().notNull(),
    kind: text('kind').$type<ResourceKind>().notNull(),
    status: text('status').$type<ItemStatus>().notNull().default('open'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    sectors: text('sectors')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    country: text('country'),
    region: text('region'),
    remote: boolean('remote').notNull().default(false),
    availableFrom: date('available_from', { mode: 'string' }),
    availableUntil: date('available_until', { mode: 'string' }),
    hoursPerWeek: doublePrecision('hours_per_week'),
    durationWeeks: integer('duration_weeks'),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }),
    currency: text('currency'),
    capacity: integer('capacity'),
    address: text('address'),
    accessibility: text('accessibility'),
    format: text('format'),
    visibility: text('visibility').$type<ExchangeVisibility>().notNull().default('public'),
    /** The organisation behind it (the creator acts for it), else the creator alone. */
    organisationId: uuid('organisation_id').references(() => organisations.id, {
      onDelete: 'cascade',
    }),
    spaceId: uuid('space_id').references(() => spaces.id, { onDelete: 'cascade' }),
    initiativeId: uuid('initiative_id').references(() => initiatives.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    rev: bigint('rev', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(description, ''))`,
      ),
  },
  (t) => [
    index('exchange_items_search_idx').using('gin', t.search),
    index('exchange_items_list_idx').on(t.status, t.createdAt, t.id),
    index('exchange_items_facets_idx')
      .on(t.side, t.kind, t.country)
      .where(sql`${t.status} = 'open'`),
    index('exchange_items_rev_idx').on(t.rev),
    index('exchange_items_organisation_idx').on(t.organisationId),
    index('exchange_items_creator_idx').on(t.createdBy),
    index('exchange_items_initiative_idx').on(t.initiativeId),
    index('exchange_items_space_idx').on(t.spaceId),
    check('exchange_items_side', sql`${t.side} in ('offer', 'request')`),
    check(
      'exchange_items_money',
      sql`${t.kind} <> 'money' or (${t.amount} > 0 and ${t.currency} is not null)`,
    ),
    check(
      'exchange_items_window',
      sql`${t.availableUntil} is null or ${t.availableFrom} is null or ${t.availableUntil} >= ${t.availableFrom}`,
    ),
    check(
      'exchange_items_scope',
      sql`(${t.visibility} <> 'organisation' or ${t.organisationId} is not null) and (${t.visibility} = 'space') = (${t.spaceId} is not null)`,
    ),
  ],
);

/** Items deleted (by a cascade), by revision, so matching indexes drop them too. */
export const exchangeTombstones = pgTable('exchange_tombstones', {
  id: uuid('id').primaryKey(),
  rev: bigint('rev', { mode: 'number' }).notNull(),
});

/**
 * A pledge: a giver gives a receiver some of a resource, from an offer, for a request, or both.
 * Each party is a person, or an organisation with the person who acts for it.
 */
export const exchangePledges = pgTable(
  'exchange_pledges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<ResourceKind>().notNull(),
    status: text('status').$type<PledgeStatus>().notNull().default('proposed'),
    /** A pledge is seen by those who see its items, so it goes with them. */
    offerId: uuid('offer_id').references(() => exchangeItems.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id').references(() => exchangeItems.id, { onDelete: 'cascade' }),
    initiativeId: uuid('initiative_id').references(() => initiatives.id, { onDelete: 'set null' }),
    giverUserId: uuid('giver_user_id').references(() => users.id, { onDelete: 'set null' }),
    giverOrganisationId: uuid('giver_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    receiverUserId: uuid('receiver_user_id').references(() => users.id, { onDelete: 'set null' }),
    receiverOrganisationId: uuid('receiver_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    proposedBy: text('proposed_by').$type<'giver' | 'receiver'>().notNull(),
    hours: doublePrecision('hours'),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }),
    currency: text('currency'),
    days: integer('days'),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('exchange_pledges_offer_idx').on(t.offerId),
    index('exchange_pledges_request_idx').on(t.requestId),
    index('exchange_pledges_initiative_idx').on(t.initiativeId, t.status),
    index('exchange_pledges_giver_org_idx').on(t.giverOrganisationId, t.status),
    index('exchange_pledges_receiver_org_idx').on(t.receiverOrganisationId, t.status),
    index('exchange_pledges_giver_user_idx').on(t.giverUserId),
    index('exchange_pledges_receiver_user_idx').on(t.receiverUserId),
    check('exchange_pledges_linked', sql`${t.offerId} is not null or ${t.requestId} is not null`),
  ],
);

/** Every move of a pledge, with who made it. */
export const exchangePledgeEvents = pgTable(
  'exchange_pledge_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pledgeId: uuid('pledge_id')
      .notNull()
      .references(() => exchangePledges.id, { onDelete: 'cascade' }),
    status: text('status').$type<PledgeStatus>().notNull(),
    note: text('note').notNull().default(''),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exchange_pledge_events_pledge_idx').on(t.pledgeId, t.at)],
);
