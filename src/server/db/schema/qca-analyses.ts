import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { QcaDataSet, QcaParams } from '../../../shared/qca.ts';
import { users } from './users.ts';

/** A saved QCA analysis: its parameters and a snapshot of its data, under a shareable link. */
export const qcaAnalyses = pgTable(
  'qca_analyses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    data: jsonb('data').$type<QcaDataSet>().notNull(),
    params: jsonb('params').$type<QcaParams>().notNull(),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('qca_analyses_owner_idx').on(t.ownerId, t.createdAt)],
);
