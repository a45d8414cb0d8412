import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  CaseFacet,
  CaseLevel,
  CaseMaturity,
  CaseSector,
  CaseStage,
  CaseStatus,
  CitizenRole,
  CodeDirection,
  EvidenceLevel,
  ExperimentationSpace,
  Factor,
  InnovationType,
  NarrativeSection,
  OutcomeDimension,
  ParticipationLevel,
  PartnerRole,
  ResourceKind,
} from '../../../shared/case-vocabulary.ts';
import type { GovernanceTradition } from '../../../shared/governance-traditions.ts';
import { organisations } from './organisations.ts';
import { tsvector } from './tsvector.ts';
import { users } from './users.ts';

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    status: text('status').$type<CaseStatus>().notNull().default('draft'),
    level: text('level').$type<CaseLevel>(),
    sector: text('sector').$type<CaseSector>(),
    yearLaunched: smallint('year_launched'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    ongoing: boolean('ongoing').notNull().default(false),
    stage: text('stage').$type<CaseStage>(),
    maturity: text('maturity').$type<CaseMaturity>(),
    facets: text('facets')
      .array()
      .$type<CaseFacet[]>()
      .notNull()
      .default(sql`'{}'`),
    innovationTypes: text('innovation_types')
      .array()
      .$type<InnovationType[]>()
      .notNull()
      .default(sql`'{}'`),
    citizenRoles: text('citizen_roles')
      .array()
      .$type<CitizenRole[]>()
      .notNull()
      .default(sql`'{}'`),
    participation: text('participation').$type<ParticipationLevel>(),
    experimentation: text('experimentation').$type<ExperimentationSpace>(),
    /** Overrides the traditions of the case's countries. */
    governanceTradition: text('governance_tradition').$type<GovernanceTradition>(),
    technology: text('technology'),
    links: jsonb('links').$type<{ url: string; label: string }[]>().notNull().default([]),
    licence: text('licence'),
    illustrative: boolean('illustrative').notNull().default(false),
    source: text('source'),
    sourceId: text('source_id'),
    sourceUrl: text('source_url'),
    retrievedAt: timestamp('retrieved_at', { withTimezone: true }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /**
     * Every write to a case (or its children) takes the next value of `cases_revision_seq` under a
     * transaction-scoped advisory lock, so revisions commit in order and each server's search
     * index catches up by reading what is newer than the revision it holds.
     */
    revision: bigserial('revision', { mode: 'number' }).notNull(),
    /** Title (A), summary (B), narrative and partner names (C); English stems plus plain words. */
    search: tsvector('search').notNull(),
  },
  (t) => [
    uniqueIndex('cases_provenance_key').on(t.source, t.sourceId),
    index('cases_revision_idx').on(t.revision),
    index('cases_author_idx').on(t.authorId, t.updatedAt),
    index('cases_search_idx').using('gin', t.search),
  ],
);

/** Removed cases, so every server's search index drops them too. */
export const caseDeletions = pgTable('case_deletions', {
  caseId: uuid('case_id').primaryKey(),
  revision: bigint('revision', { mode: 'number' }).notNull(),
});

const caseRef = () =>
  uuid('case_id')
    .notNull()
    .references(() => cases.id, { onDelete: 'cascade' });

export const caseCountries = pgTable(
  'case_countries',
  {
    caseId: caseRef(),
    country: text('country').notNull(),
    position: smallint('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.country] }),
    index('case_countries_country_idx').on(t.country),
  ],
);

export const casePartners = pgTable(
  'case_partners',
  {
    caseId: caseRef(),
    position: smallint('position').notNull(),
    name: text('name').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    role: text('role').$type<PartnerRole>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.position] }),
    index('case_partners_organisation_idx').on(t.organisationId),
  ],
);

export const caseSections = pgTable(
  'case_sections',
  {
    caseId: caseRef(),
    section: text('section').$type<NarrativeSection>().notNull(),
    body: text('body').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.section] })],
);

export const caseOutcomes = pgTable(
  'case_outcomes',
  {
    caseId: caseRef(),
    dimension: text('dimension').$type<OutcomeDimension>().notNull(),
    evidence: text('evidence').$type<EvidenceLevel>().notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.dimension] })],
);

export const caseResources = pgTable(
  'case_resources',
  {
    caseId: caseRef(),
    kind: text('kind').$type<ResourceKind>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.kind] })],
);

export const caseTags = pgTable(
  'case_tags',
  {
    caseId: caseRef(),
    tag: text('tag').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.tag] }), index('case_tags_tag_idx').on(t.tag)],
);

/** Drivers and barriers: one coder's code of one factor in one case. */
export const caseCodes = pgTable(
  'case_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: caseRef(),
    factor: text('factor').$type<Factor>().notNull(),
    direction: text('direction').$type<CodeDirection>().notNull(),
    evidence: text('evidence').notNull().default(''),
    /** The coder on the platform; null for imported codes (then the name identifies the coder). */
    coderId: uuid('coder_id').references(() => users.id, { onDelete: 'set null' }),
    coderName: text('coder_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_codes_case_idx').on(t.caseId, t.createdAt),
    index('case_codes_coder_idx').on(t.coderId),
    /** One code per coder, factor and case: the coder decides whether it drove or hindered. */
    uniqueIndex('case_codes_one_per_factor_key').on(
      t.caseId,
      sql`coalesce(${t.coderId}::text, 'name:' || ${t.coderName})`,
      t.factor,
    ),
  ],
);
