import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AssignmentResult, OutcomeRow } from '../../../core/experiments/index.ts';
import type {
  ExperimentResult,
  ExperimentStatus,
  Lesson,
  OutcomeKind,
  SpaceRole,
} from '../../../shared/havens.ts';
import { spaces } from './spaces.ts';
import { users } from './users.ts';

/** A pending invitation to a space, for an e-mail address (the account may not exist yet). */
export const spaceInvitations = pgTable(
  'space_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    /** Lower-cased. */
    email: text('email').notNull(),
    role: text('role').$type<Exclude<SpaceRole, 'owner'>>().notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('space_invitations_space_email_key').on(t.spaceId, t.email),
    index('space_invitations_email_idx').on(t.email),
    check('space_invitations_role_check', sql`${t.role} in ('member', 'observer')`),
  ],
);

/**
 * An experiment in a space. The plan (question … country) is frozen when it starts: changes
 * after that are kept in `experiment_amendments`.
 */
export const experiments = pgTable(
  'experiments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    question: text('question').notNull().default(''),
    hypothesis: text('hypothesis').notNull().default(''),
    intervention: text('intervention').notNull().default(''),
    design: text('design').notNull(),
    population: text('population').notNull().default(''),
    plannedSampleSize: integer('planned_sample_size'),
    primaryMetric: text('primary_metric').notNull().default(''),
    successCriterion: text('success_criterion').notNull().default(''),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    budget: doublePrecision('budget'),
    currency: text('currency').notNull().default('EUR'),
    risks: text('risks').notNull().default(''),
    ethics: text('ethics').notNull().default(''),
    dataProtection: text('data_protection').notNull().default(''),
    arms: jsonb('arms').$type<string[]>().notNull(),
    outcomeKind: text('outcome_kind').$type<OutcomeKind>().notNull(),
    sector: text('sector'),
    country: text('country'),
    status: text('status').$type<ExperimentStatus>().notNull().default('planned'),
    result: text('result').$type<ExperimentResult>(),
    stopReason: text('stop_reason'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    lessonsWorked: text('lessons_worked').notNull().default(''),
    lessonsFailed: text('lessons_failed').notNull().default(''),
    lessonsDifferently: text('lessons_differently').notNull().default(''),
    allocation: jsonb('allocation').$type<AssignmentResult>(),
    allocatedAt: timestamp('allocated_at', { withTimezone: true }),
    outcomes: jsonb('outcomes').$type<OutcomeRow[]>(),
    outcomesAt: timestamp('outcomes_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('experiments_space_idx').on(t.spaceId, t.createdAt),
    check(
      'experiments_status_check',
      sql`${t.status} in ('planned', 'running', 'completed', 'stopped')`,
    ),
    check(
      'experiments_result_check',
      sql`${t.result} is null or ${t.result} in ('supported', 'not_supported', 'inconclusive')`,
    ),
    check(
      'experiments_dates_check',
      sql`${t.startsOn} is null or ${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`,
    ),
    check(
      'experiments_sample_check',
      sql`${t.plannedSampleSize} is null or ${t.plannedSampleSize} > 0`,
    ),
  ],
);

/** A change to the plan after the start: kept and shown, with its reason. */
export const experimentAmendments = pgTable(
  'experiment_amendments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    experimentId: uuid('experiment_id')
      .notNull()
      .references(() => experiments.id, { onDelete: 'cascade' }),
    field: text('field').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason').notNull(),
    byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('experiment_amendments_experiment_idx').on(t.experimentId, t.at)],
);

/** The decision log of an experiment. */
export const experimentDecisions = pgTable(
  'experiment_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    experimentId: uuid('experiment_id')
      .notNull()
      .references(() => experiments.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('experiment_decisions_experiment_idx').on(t.experimentId, t.at)],
);

/**
 * A published experiment in the lessons library: the snapshot the owner confirmed, so later
 * edits in the space never reach the public until published again.
 */
export const lessons = pgTable(
  'lessons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    experimentId: uuid('experiment_id')
      .notNull()
      .references(() => experiments.id, { onDelete: 'cascade' }),
    content: jsonb('content').$type<Omit<Lesson, 'id' | 'publishedAt'>>().notNull(),
    title: text('title').notNull(),
    design: text('design').notNull(),
    /** The result, or 'stopped' for an experiment stopped early. */
    outcome: text('outcome'),
    sector: text('sector'),
    country: text('country'),
    /** Lower-cased text searched by `q`. */
    searchText: text('search_text').notNull(),
    anonymised: boolean('anonymised').notNull(),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('lessons_experiment_key').on(t.experimentId),
    index('lessons_published_idx').on(t.publishedAt),
  ],
);
