import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  FacilitationKind,
  FacilitationStatus,
  StakeholderRole,
} from '../../../shared/initiatives.ts';
import { cases } from './cases.ts';
import { needs } from './needs.ts';
import { organisations } from './organisations.ts';
import { tsvector } from './tsvector.ts';
import { users } from './users.ts';

/** A citizens' (or anyone's) initiative, public; its owners are stakeholders marked owner. */
export const initiatives = pgTable(
  'initiatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    purpose: text('purpose').notNull().default(''),
    place: text('place').notNull().default(''),
    country: text('country').notNull(),
    sector: text('sector'),
    stage: text('stage').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** The case it was published as. */
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'set null' }),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenReason: text('hidden_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(purpose, '') || ' ' || coalesce(place, ''))`,
      ),
  },
  (t) => [
    index('initiatives_search_idx').using('gin', t.search),
    index('initiatives_created_idx').on(t.createdAt),
  ],
);

/** A person or an organisation with a role in an initiative. */
export const initiativeStakeholders = pgTable(
  'initiative_stakeholders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, {
      onDelete: 'cascade',
    }),
    role: text('role').$type<StakeholderRole>().notNull(),
    owner: boolean('owner').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('initiative_stakeholders_person_key')
      .on(t.initiativeId, t.userId)
      .where(sql`${t.userId} is not null`),
    uniqueIndex('initiative_stakeholders_organisation_key')
      .on(t.initiativeId, t.organisationId)
      .where(sql`${t.organisationId} is not null`),
    index('initiative_stakeholders_user_idx').on(t.userId),
    check(
      'initiative_stakeholders_one_check',
      sql`(${t.userId} is null) <> (${t.organisationId} is null)`,
    ),
  ],
);

export const initiativeJoinRequests = pgTable(
  'initiative_join_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<StakeholderRole>().notNull(),
    message: text('message').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('initiative_join_requests_key').on(t.initiativeId, t.userId)],
);

export const initiativeFollowers = pgTable(
  'initiative_followers',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.userId] })],
);

export const initiativeNeeds = pgTable(
  'initiative_needs',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.initiativeId, t.needId] }),
    index('initiative_needs_need_idx').on(t.needId),
  ],
);

export const initiativeMilestones = pgTable(
  'initiative_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    plannedOn: date('planned_on', { mode: 'string' }),
    doneOn: date('done_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('initiative_milestones_idx').on(t.initiativeId)],
);

export const initiativeUpdates = pgTable(
  'initiative_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenReason: text('hidden_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('initiative_updates_idx').on(t.initiativeId, t.createdAt)],
);

export const initiativeOutcomes = pgTable(
  'initiative_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    dimension: text('dimension').notNull(),
    evidence: text('evidence').notNull(),
    description: text('description').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('initiative_outcomes_idx').on(t.initiativeId)],
);

/** Government's supporting role: what a public body does for an initiative. */
export const facilitationActions = pgTable(
  'facilitation_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<FacilitationKind>().notNull(),
    description: text('description').notNull().default(''),
    address: text('address').notNull().default(''),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    conditions: text('conditions').notNull().default(''),
    amount: doublePrecision('amount'),
    currency: text('currency').notNull().default('EUR'),
    status: text('status').$type<FacilitationStatus>().notNull().default('requested'),
    reason: text('reason'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('facilitation_initiative_idx').on(t.initiativeId),
    index('facilitation_organisation_idx').on(t.organisationId, t.status),
    check(
      'facilitation_status_check',
      sql`${t.status} in ('requested', 'committed', 'delivered', 'withdrawn')`,
    ),
  ],
);
