import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AdoptionMechanism } from '../../../shared/diffusion.ts';
import { cases } from './cases.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';

/**
 * An organisation adopted an innovation (a case, or the cases sharing a tag) on a date, maybe
 * learning it from a case or an organisation. One record per organisation and innovation.
 */
export const adoptions = pgTable(
  'adoptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    tag: text('tag'),
    adoptedOn: date('adopted_on').notNull(),
    sourceCaseId: uuid('source_case_id').references(() => cases.id, { onDelete: 'set null' }),
    sourceOrganisationId: uuid('source_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    mechanism: text('mechanism').$type<AdoptionMechanism>().notNull(),
    adaptations: text('adaptations').notNull().default(''),
    relativeAdvantage: smallint('relative_advantage'),
    compatibility: smallint('compatibility'),
    complexity: smallint('complexity'),
    trialability: smallint('trialability'),
    observability: smallint('observability'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('adoptions_case_key')
      .on(t.organisationId, t.caseId)
      .where(sql`${t.caseId} is not null`),
    uniqueIndex('adoptions_tag_key')
      .on(t.organisationId, t.tag)
      .where(sql`${t.tag} is not null`),
    index('adoptions_case_idx').on(t.caseId),
    index('adoptions_tag_idx').on(t.tag),
    check('adoptions_one_innovation', sql`(${t.caseId} is null) <> (${t.tag} is null)`),
  ],
);
