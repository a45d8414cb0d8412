import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type {
  Affiliation,
  DecisionKind,
  GroupRole,
  GroupVisibility,
  LibraryKind,
  ResultsVisibility,
  Rsvp,
  Stance,
} from '../../../shared/groups.ts';
import { cases } from './cases.ts';
import { qcaAnalyses } from './qca-analyses.ts';
import { users } from './users.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** A working group: public (everyone reads, members write) or private (members only). */
export const groups = pgTable(
  'groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    purpose: text('purpose').notNull().default(''),
    visibility: text('visibility').$type<GroupVisibility>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('groups_visibility_idx').on(t.visibility, t.createdAt),
    check('groups_visibility_check', sql`${t.visibility} in ('public', 'private')`),
  ],
);

export const groupMembers = pgTable(
  'group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<GroupRole>().notNull(),
    affiliation: text('affiliation').$type<Affiliation>().notNull(),
    country: text('country').notNull(),
    /** The member's secret for the group's calendar feed (calendar programs send no cookie). */
    calendarToken: text('calendar_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    index('group_members_user_idx').on(t.userId),
    uniqueIndex('group_members_calendar_token_key').on(t.calendarToken),
  ],
);

/** Someone asks to join, or a convener invites an address; each answered once. */
export const groupJoinRequests = pgTable(
  'group_join_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    affiliation: text('affiliation').$type<Affiliation>().notNull(),
    country: text('country').notNull(),
    message: text('message').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('group_join_requests_key').on(t.groupId, t.userId)],
);

export const groupInvitations = pgTable(
  'group_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    /** Lower-cased. */
    email: text('email').notNull(),
    role: text('role').$type<GroupRole>().notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('group_invitations_key').on(t.groupId, t.email),
    index('group_invitations_email_idx').on(t.email),
  ],
);

export const groupThreads = pgTable(
  'group_threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastPostAt: timestamp('last_post_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('group_threads_group_idx').on(t.groupId, t.lastPostAt)],
);

/** A post in a thread, or a reply to one; its earlier versions are kept in revisions. */
export const groupPosts = pgTable(
  'group_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => groupThreads.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => groupPosts.id, {
      onDelete: 'cascade',
    }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
  },
  (t) => [index('group_posts_thread_idx').on(t.threadId, t.createdAt)],
);

export const groupPostRevisions = pgTable(
  'group_post_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => groupPosts.id, { onDelete: 'cascade' }),
    /** The body as it was before this edit. */
    body: text('body').notNull(),
    editedBy: uuid('edited_by').references(() => users.id, { onDelete: 'set null' }),
    editedAt: timestamp('edited_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('group_post_revisions_post_idx').on(t.postId, t.editedAt)],
);

export const groupThreadFollowers = pgTable(
  'group_thread_followers',
  {
    threadId: uuid('thread_id')
      .notNull()
      .references(() => groupThreads.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] })],
);

/** A proposal (stances) or a poll (single or ranked choice), open until `closesAt`. */
export const groupDecisions = pgTable(
  'group_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<DecisionKind>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** For polls: the options, in the order shown. */
    options: jsonb('options').$type<{ id: string; label: string }[]>().notNull().default([]),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    resultsVisible: text('results_visible').$type<ResultsVisibility>().notNull(),
    outcome: text('outcome'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('group_decisions_group_idx').on(t.groupId, t.closesAt)],
);

/** One vote per member and decision, changeable until it closes. */
export const groupVotes = pgTable(
  'group_votes',
  {
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => groupDecisions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    stance: text('stance').$type<Stance>(),
    reason: text('reason').notNull().default(''),
    /** Option ids: one for a single-choice poll, in order of preference for a ranked one. */
    ranking: text('ranking')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.userId] })],
);

export const groupMeetings = pgTable(
  'group_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** The IANA zone the convener planned it in. */
    timeZone: text('time_zone').notNull(),
    location: text('location'),
    onlineUrl: text('online_url'),
    cancelled: boolean('cancelled').notNull().default(false),
    minutes: text('minutes').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('group_meetings_group_idx').on(t.groupId, t.startsAt),
    check('group_meetings_order', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const groupAgendaItems = pgTable(
  'group_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => groupMeetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    notes: text('notes').notNull().default(''),
  },
  (t) => [index('group_agenda_items_meeting_idx').on(t.meetingId, t.position)],
);

export const groupRsvps = pgTable(
  'group_rsvps',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => groupMeetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    answer: text('answer').$type<Rsvp>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
);

/** An action item from a meeting's minutes. */
export const groupActions = pgTable(
  'group_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => groupMeetings.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    dueOn: date('due_on', { mode: 'string' }),
    done: boolean('done').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('group_actions_meeting_idx').on(t.meetingId)],
);

/** An uploaded document, kept in the database (so backups and crashes treat it as any row). */
export const groupFiles = pgTable(
  'group_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('group_files_group_idx').on(t.groupId)],
);

/** The group's library: cases, saved QCA analyses and documents, in named collections. */
export const groupLibraryItems = pgTable(
  'group_library_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    collection: text('collection').notNull(),
    kind: text('kind').$type<LibraryKind>().notNull(),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    analysisId: uuid('analysis_id').references(() => qcaAnalyses.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id').references(() => groupFiles.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    note: text('note').notNull().default(''),
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('group_library_items_group_idx').on(t.groupId, t.collection, t.createdAt),
    check(
      'group_library_items_one_target',
      sql`(${t.kind} = 'case' and ${t.caseId} is not null) or (${t.kind} = 'analysis' and ${t.analysisId} is not null) or (${t.kind} = 'document' and ${t.fileId} is not null)`,
    ),
  ],
);
