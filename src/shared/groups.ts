/**
 * Working groups (issue 11): cross-border groups of policy makers and academics, with members,
 * threads, decisions (stances and polls), meetings with minutes, and a shared library.
 */
import { z } from 'zod';
import { vocabulary } from './case-vocabulary.ts';
import { CountryCode } from './countries.ts';

export const GROUP_VISIBILITIES = vocabulary({
  public: {
    en: 'Public: everyone reads, members take part',
    nl: 'Openbaar: iedereen leest, leden doen mee',
  },
  private: { en: 'Private: members only', nl: 'Besloten: alleen leden' },
});
export const GroupVisibility = GROUP_VISIBILITIES.schema;
export type GroupVisibility = z.infer<typeof GroupVisibility>;

export const GROUP_ROLES = vocabulary({
  convener: { en: 'Convener', nl: 'Voorzitter' },
  member: { en: 'Member', nl: 'Lid' },
});
export const GroupRole = GROUP_ROLES.schema;
export type GroupRole = z.infer<typeof GroupRole>;

/** Where a member comes from: the policy–academia mix is what the group is about. */
export const AFFILIATIONS = vocabulary({
  policy: { en: 'Policy or public administration', nl: 'Beleid of openbaar bestuur' },
  academia: { en: 'Academia', nl: 'Wetenschap' },
  practice: { en: 'Practice', nl: 'Praktijk' },
  civil_society: { en: 'Civil society', nl: 'Maatschappelijk middenveld' },
  business: { en: 'Business', nl: 'Bedrijfsleven' },
});
export const Affiliation = AFFILIATIONS.schema;
export type Affiliation = z.infer<typeof Affiliation>;

export const DECISION_KINDS = vocabulary({
  proposal: {
    en: 'Proposal (agree, abstain, disagree, block)',
    nl: 'Voorstel (eens, onthouding, oneens, blokkeren)',
  },
  single_choice: { en: 'Poll: one choice', nl: 'Peiling: één keuze' },
  ranked_choice: { en: 'Poll: ranked choice', nl: 'Peiling: rangschikken' },
});
export const DecisionKind = DECISION_KINDS.schema;
export type DecisionKind = z.infer<typeof DecisionKind>;

export const STANCES = vocabulary({
  agree: { en: 'Agree', nl: 'Eens' },
  abstain: { en: 'Abstain', nl: 'Onthouding' },
  disagree: { en: 'Disagree', nl: 'Oneens' },
  block: { en: 'Block', nl: 'Blokkeren' },
});
export const Stance = STANCES.schema;
export type Stance = z.infer<typeof Stance>;

export const RESULTS_VISIBILITIES = vocabulary({
  during: { en: 'While voting is open', nl: 'Tijdens het stemmen' },
  after: { en: 'Only after closing', nl: 'Pas na sluiting' },
});
export const ResultsVisibility = RESULTS_VISIBILITIES.schema;
export type ResultsVisibility = z.infer<typeof ResultsVisibility>;

export const RSVPS = vocabulary({
  yes: { en: 'Attending', nl: 'Aanwezig' },
  maybe: { en: 'Maybe', nl: 'Misschien' },
  no: { en: 'Not attending', nl: 'Afwezig' },
});
export const Rsvp = RSVPS.schema;
export type Rsvp = z.infer<typeof Rsvp>;

export const LIBRARY_KINDS = vocabulary({
  case: { en: 'Case', nl: 'Casus' },
  analysis: { en: 'QCA analysis', nl: 'QCA-analyse' },
  document: { en: 'Document', nl: 'Document' },
});
export const LibraryKind = LIBRARY_KINDS.schema;
export type LibraryKind = z.infer<typeof LibraryKind>;

const text = (max: number) => z.string().trim().max(max);

/** An IANA time zone the runtime knows (e.g. Europe/Brussels). */
export const TimeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'must be an IANA time zone such as Europe/Brussels' },
  );

const Membership = { affiliation: Affiliation, country: CountryCode };

export const GroupCreate = z.strictObject({
  name: z.string().trim().min(3).max(200),
  purpose: text(8000).default(''),
  visibility: GroupVisibility,
  /** My own affiliation and country in it (I become its convener). */
  ...Membership,
});
export type GroupCreate = z.infer<typeof GroupCreate>;

export const GroupUpdate = z
  .strictObject({
    name: z.string().trim().min(3).max(200),
    purpose: text(8000),
    visibility: GroupVisibility,
  })
  .partial();
export type GroupUpdate = z.infer<typeof GroupUpdate>;

export const GroupInvite = z.strictObject({
  email: z.email().max(320),
  role: GroupRole.default('member'),
});
export const GroupJoinRequestCreate = z.strictObject({
  ...Membership,
  message: text(2000).default(''),
});
export const GroupJoinDecision = z.strictObject({ accept: z.boolean() });
/** Accepting an invitation says where one comes from. */
export const GroupInvitationAnswer = z.strictObject({
  accept: z.boolean(),
  affiliation: Affiliation.optional(),
  country: CountryCode.optional(),
});
export const GroupMemberUpdate = z
  .strictObject({ role: GroupRole, affiliation: Affiliation, country: CountryCode })
  .partial();

export const ThreadCreate = z.strictObject({
  title: z.string().trim().min(3).max(200),
  body: z.string().trim().min(1).max(20_000),
});
export const PostCreate = z.strictObject({
  body: z.string().trim().min(1).max(20_000),
  parentId: z.uuid().nullable().default(null),
});
export const PostUpdate = z.strictObject({ body: z.string().trim().min(1).max(20_000) });

const Option = z.strictObject({ label: z.string().trim().min(1).max(200) });

export const DecisionCreate = z
  .strictObject({
    kind: DecisionKind,
    title: z.string().trim().min(3).max(200),
    description: text(8000).default(''),
    options: z.array(Option).max(20).default([]),
    closesAt: z.iso.datetime({ offset: true }),
    resultsVisible: ResultsVisibility.default('after'),
  })
  .superRefine((d, ctx) => {
    if (d.kind === 'proposal' && d.options.length > 0)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a proposal has no options' });
    if (d.kind !== 'proposal' && d.options.length < 2)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'a poll needs at least two options',
      });
    const labels = d.options.map((o) => o.label.toLowerCase());
    if (new Set(labels).size !== labels.length)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'two options have the same label',
      });
  });
export type DecisionCreate = z.infer<typeof DecisionCreate>;

/** A vote: a stance with its reason for a proposal, the option ids (one, or ranked) for a poll. */
export const VoteCast = z
  .strictObject({
    stance: Stance.optional(),
    reason: text(2000).default(''),
    ranking: z.array(z.string().min(1).max(40)).max(20).optional(),
  })
  .refine((v) => (v.stance === undefined) !== (v.ranking === undefined), {
    message: 'give a stance (proposal) or a ranking (poll)',
    path: ['stance'],
  });
export type VoteCast = z.infer<typeof VoteCast>;
export const DecisionOutcome = z.strictObject({ outcome: z.string().trim().min(3).max(8000) });

export const MeetingCreate = z
  .strictObject({
    title: z.string().trim().min(3).max(200),
    description: text(8000).default(''),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    timeZone: TimeZone,
    location: text(300).nullable().default(null),
    onlineUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullable()
      .default(null),
    agenda: z
      .array(
        z.strictObject({ title: z.string().trim().min(1).max(300), notes: text(4000).default('') }),
      )
      .max(50)
      .default([]),
  })
  .refine((m) => new Date(m.endsAt) > new Date(m.startsAt), {
    message: 'the meeting ends before it starts',
    path: ['endsAt'],
  });
export type MeetingCreate = z.infer<typeof MeetingCreate>;
export const MeetingUpdate = z
  .strictObject({
    title: z.string().trim().min(3).max(200),
    description: text(8000),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    timeZone: TimeZone,
    location: text(300).nullable(),
    onlineUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullable(),
    cancelled: z.boolean(),
    minutes: text(50_000),
  })
  .partial();
export type MeetingUpdate = z.infer<typeof MeetingUpdate>;
export const AgendaItemCreate = z.strictObject({
  title: z.string().trim().min(1).max(300),
  notes: text(4000).default(''),
});
export const RsvpSet = z.strictObject({ answer: Rsvp });
export const ActionCreate = z.strictObject({
  title: z.string().trim().min(2).max(300),
  ownerId: z.uuid().nullable().default(null),
  dueOn: z.iso.date().nullable().default(null),
});
export const ActionUpdate = z.strictObject({ done: z.boolean() });

export const LibraryItemCreate = z
  .strictObject({
    collection: z.string().trim().min(1).max(100).default('General'),
    kind: z.enum(['case', 'analysis']),
    caseId: z.uuid().optional(),
    analysisId: z.uuid().optional(),
    note: text(2000).default(''),
  })
  .refine((i) => (i.kind === 'case' ? i.caseId !== undefined : i.analysisId !== undefined), {
    message: 'give the case or the analysis',
    path: ['caseId'],
  });
/** Uploading a document: the body is the file; these go in the query string. */
export const UploadQuery = z.strictObject({
  name: z.string().trim().min(1).max(255),
  title: z.string().trim().min(1).max(200).optional(),
  collection: z.string().trim().min(1).max(100).default('General'),
  note: text(2000).default(''),
});
export const CalendarQuery = z.strictObject({ token: z.string().min(20).max(100).optional() });

// ---- what the API sends ----

const Person = z.object({ id: z.uuid(), name: z.string() });

export const GroupSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  purpose: z.string(),
  visibility: GroupVisibility,
  members: z.number().int(),
  countries: z.number().int(),
  myRole: GroupRole.nullable(),
  createdAt: z.string(),
});
export type GroupSummary = z.infer<typeof GroupSummary>;
export const GroupList = z.object({ items: z.array(GroupSummary) });

export const GroupMember = z.object({
  user: Person,
  role: GroupRole,
  affiliation: Affiliation,
  country: z.string(),
  since: z.string(),
});
export type GroupMember = z.infer<typeof GroupMember>;

export const Group = GroupSummary.extend({
  conveners: z.array(Person),
  canManage: z.boolean(),
  canTakePart: z.boolean(),
  /** Whether I have asked to join and wait for an answer. */
  requested: z.boolean(),
  /** The calendar feed's address for me (members of a private group get a personal one). */
  calendarUrl: z.string().nullable(),
});
export type Group = z.infer<typeof Group>;
export const GroupMemberList = z.object({ items: z.array(GroupMember) });
export const GroupJoinRequest = z.object({
  id: z.uuid(),
  user: Person,
  affiliation: Affiliation,
  country: z.string(),
  message: z.string(),
  createdAt: z.string(),
});
export const GroupJoinRequestList = z.object({ items: z.array(GroupJoinRequest) });
export const GroupInvitation = z.object({
  id: z.uuid(),
  group: z.object({ id: z.uuid(), name: z.string() }),
  email: z.string(),
  role: GroupRole,
  createdAt: z.string(),
});
export const GroupInvitationList = z.object({ items: z.array(GroupInvitation) });

export const Post = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  author: Person.nullable(),
  body: z.string(),
  /** The body rendered to safe HTML. */
  html: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  revisions: z.number().int(),
  canEdit: z.boolean(),
});
export type Post = z.infer<typeof Post>;
export const ThreadSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  posts: z.number().int(),
  lastPostAt: z.string(),
  createdBy: Person.nullable(),
});
export const ThreadList = z.object({ items: z.array(ThreadSummary) });
export const Thread = ThreadSummary.extend({
  group: z.object({ id: z.uuid(), name: z.string() }),
  items: z.array(Post),
  following: z.boolean(),
});
export type Thread = z.infer<typeof Thread>;
export const PostRevisionList = z.object({
  items: z.array(z.object({ body: z.string(), editedBy: Person.nullable(), editedAt: z.string() })),
});

export const RankedRound = z.object({
  tallies: z.array(z.object({ option: z.string(), votes: z.number().int() })),
  exhausted: z.number().int(),
  eliminated: z.array(z.string()),
  majority: z.number(),
});
export const Decision = z.object({
  id: z.uuid(),
  /** The group it belongs to (pages check that the address names the same group). */
  groupId: z.uuid(),
  kind: DecisionKind,
  title: z.string(),
  description: z.string(),
  options: z.array(z.object({ id: z.string(), label: z.string() })),
  closesAt: z.string(),
  closed: z.boolean(),
  resultsVisible: ResultsVisibility,
  outcome: z.string().nullable(),
  votes: z.number().int(),
  myVote: z
    .object({ stance: Stance.nullable(), reason: z.string(), ranking: z.array(z.string()) })
    .nullable(),
  /** Null while the results are hidden. */
  results: z
    .object({
      stances: z.array(
        z.object({
          stance: Stance,
          count: z.number().int(),
          reasons: z.array(z.object({ name: z.string().nullable(), reason: z.string() })),
        }),
      ),
      blocked: z.boolean(),
      choices: z.array(z.object({ option: z.string(), votes: z.number().int() })),
      rounds: z.array(RankedRound),
      winner: z.string().nullable(),
      tie: z.array(z.string()).nullable(),
    })
    .nullable(),
  canVote: z.boolean(),
  canManage: z.boolean(),
  createdAt: z.string(),
});
export type Decision = z.infer<typeof Decision>;
export const DecisionList = z.object({ items: z.array(Decision) });

export const Meeting = z.object({
  id: z.uuid(),
  groupId: z.uuid(),
  title: z.string(),
  description: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  location: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  cancelled: z.boolean(),
  minutes: z.string(),
  minutesHtml: z.string(),
  agenda: z.array(
    z.object({ id: z.uuid(), position: z.number().int(), title: z.string(), notes: z.string() }),
  ),
  rsvps: z.array(z.object({ answer: Rsvp, count: z.number().int() })),
  myRsvp: Rsvp.nullable(),
  actions: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      owner: Person.nullable(),
      dueOn: z.string().nullable(),
      done: z.boolean(),
    }),
  ),
  canManage: z.boolean(),
});
export type Meeting = z.infer<typeof Meeting>;
export const MeetingList = z.object({ items: z.array(Meeting) });

export const LibraryItem = z.object({
  id: z.uuid(),
  collection: z.string(),
  kind: LibraryKind,
  title: z.string(),
  note: z.string(),
  /** Where it leads: the case, the analysis, or the download. */
  href: z.string(),
  file: z.object({ name: z.string(), mime: z.string(), size: z.number().int() }).nullable(),
  addedBy: Person.nullable(),
  createdAt: z.string(),
});
export type LibraryItem = z.infer<typeof LibraryItem>;
export const LibraryList = z.object({ items: z.array(LibraryItem) });

/** The cross-border view: who the members are and how active the group is. */
export const GroupProfile = z.object({
  members: z.number().int(),
  byCountry: z.array(z.object({ country: z.string(), members: z.number().int() })),
  byAffiliation: z.array(z.object({ affiliation: Affiliation, members: z.number().int() })),
  /** Members from policy and from academia, and their share of all members. */
  policyAcademia: z.object({
    policy: z.number().int(),
    academia: z.number().int(),
    share: z.number().nullable(),
  }),
  activity: z.array(
    z.object({
      month: z.string(),
      posts: z.number().int(),
      votes: z.number().int(),
      meetings: z.number().int(),
    }),
  ),
});
export type GroupProfile = z.infer<typeof GroupProfile>;
