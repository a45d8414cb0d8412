/**
 * Resource exchange (issue 7): offers and requests of the seven resource kinds, ranked matches
 * with their explanation, pledges between the two parties, and the ledger of what was shared.
 */
import { z } from 'zod';
import { CASE_SECTORS, vocabulary } from './case-vocabulary.ts';
import { CountryCode } from './countries.ts';
import { Sector } from './organisations.ts';

export const RESOURCE_KINDS = vocabulary({
  knowledge: { en: 'Knowledge', nl: 'Kennis' },
  information: { en: 'Information', nl: 'Informatie' },
  expertise: { en: 'Expertise', nl: 'Expertise' },
  people: { en: 'People (volunteer or staff time)', nl: 'Mensen (vrijwilligers- of werktijd)' },
  money: { en: 'Money', nl: 'Geld' },
  contacts: { en: 'Contacts (introductions)', nl: 'Contacten (introducties)' },
  space: { en: 'Space (rooms, buildings)', nl: 'Ruimte (zalen, gebouwen)' },
});
export const ResourceKind = RESOURCE_KINDS.schema;
export type ResourceKind = z.infer<typeof ResourceKind>;

export const EXCHANGE_SIDES = vocabulary({
  offer: { en: 'Offer', nl: 'Aanbod' },
  request: { en: 'Request', nl: 'Vraag' },
});
export const ExchangeSide = EXCHANGE_SIDES.schema;
export type ExchangeSide = z.infer<typeof ExchangeSide>;

/** The form knowledge or information takes. */
export const RESOURCE_FORMATS = vocabulary({
  document: { en: 'Document or report', nl: 'Document of rapport' },
  dataset: { en: 'Dataset', nl: 'Dataset' },
  training: { en: 'Training or workshop', nl: 'Training of workshop' },
  consultation: { en: 'Consultation', nl: 'Consult' },
  other: { en: 'Other', nl: 'Anders' },
});
export const ResourceFormat = RESOURCE_FORMATS.schema;

export const EXCHANGE_VISIBILITIES = vocabulary({
  public: { en: 'Everyone', nl: 'Iedereen' },
  organisation: { en: 'Members of the organisation', nl: 'Leden van de organisatie' },
  space: { en: 'Members of the space', nl: 'Leden van de ruimte' },
});
export const ExchangeVisibility = EXCHANGE_VISIBILITIES.schema;
export type ExchangeVisibility = z.infer<typeof ExchangeVisibility>;

export const ITEM_STATUSES = vocabulary({
  open: { en: 'Open', nl: 'Open' },
  closed: { en: 'Closed', nl: 'Gesloten' },
  withdrawn: { en: 'Withdrawn', nl: 'Ingetrokken' },
});
export const ItemStatus = ITEM_STATUSES.schema;
export type ItemStatus = z.infer<typeof ItemStatus>;

/** Which fields belong to which kinds; a field set for another kind is a 400. */
export const KIND_FIELDS = {
  hoursPerWeek: ['expertise', 'people'],
  durationWeeks: ['expertise', 'people'],
  amount: ['money'],
  currency: ['money'],
  capacity: ['space'],
  address: ['space'],
  accessibility: ['space'],
  format: ['knowledge', 'information'],
} as const satisfies Record<string, readonly ResourceKind[]>;
type KindField = keyof typeof KIND_FIELDS;

const text = (max: number) => z.string().trim().max(max);
const IsoDate = z.iso.date();
const Currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code');

const Title = z.string().trim().min(5).max(200);
const itemFields = {
  description: text(8000).default(''),
  sectors: z.array(Sector).max(10).default([]),
  country: CountryCode.nullable().default(null),
  region: text(100).nullable().default(null),
  remote: z.boolean().default(false),
  availableFrom: IsoDate.nullable().default(null),
  availableUntil: IsoDate.nullable().default(null),
  hoursPerWeek: z.number().positive().max(168).nullable().default(null),
  durationWeeks: z.number().int().positive().max(520).nullable().default(null),
  amount: z.number().positive().max(1e12).nullable().default(null),
  currency: Currency.nullable().default(null),
  capacity: z.number().int().positive().max(1_000_000).nullable().default(null),
  address: text(300).nullable().default(null),
  accessibility: text(1000).nullable().default(null),
  format: ResourceFormat.nullable().default(null),
};

/** The same fields with no defaults, for a change where a missing field means "keep it". */
function withoutDefaults<T extends Record<string, z.ZodDefault>>(
  shape: T,
): { [K in keyof T]: ReturnType<T[K]['unwrap']> } {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.unwrap()])) as {
    [K in keyof T]: ReturnType<T[K]['unwrap']>;
  };
}

type ItemShape = {
  side: ExchangeSide;
  kind: ResourceKind;
  availableFrom: string | null;
  availableUntil: string | null;
  amount: number | null;
  currency: string | null;
  visibility: ExchangeVisibility;
  organisationId: string | null;
  spaceId: string | null;
  initiativeId: string | null;
} & Record<KindField, unknown>;

/** The rules across fields, shared by creating and (after merging) changing an item. */
export function itemProblems(item: ItemShape): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  for (const [field, kinds] of Object.entries(KIND_FIELDS) as [KindField, readonly string[]][])
    if (item[field] !== null && item[field] !== undefined && !kinds.includes(item.kind))
      problems.push({ path: field, message: `only for ${kinds.join(' and ')}` });
  if (item.kind === 'money') {
    if (item.amount === null)
      problems.push({ path: 'amount', message: 'a money item needs an amount' });
    if (item.currency === null)
      problems.push({ path: 'currency', message: 'a money item needs a currency' });
  }
  if (item.availableFrom && item.availableUntil && item.availableUntil < item.availableFrom)
    problems.push({ path: 'availableUntil', message: 'the window ends before it starts' });
  if (item.visibility === 'organisation' && !item.organisationId)
    problems.push({ path: 'organisationId', message: 'say which organisation may see it' });
  if (item.visibility === 'space' && !item.spaceId)
    problems.push({ path: 'spaceId', message: 'say which space may see it' });
  if (item.visibility !== 'space' && item.spaceId)
    problems.push({ path: 'spaceId', message: 'only for items visible to a space' });
  if (item.initiativeId && item.side !== 'request')
    problems.push({ path: 'initiativeId', message: 'only a request belongs to an initiative' });
  return problems;
}

export const ExchangeItemCreate = z
  .strictObject({
    side: ExchangeSide,
    kind: ResourceKind,
    title: Title,
    ...itemFields,
    visibility: ExchangeVisibility.default('public'),
    /** On behalf of this organisation (I must be a member). */
    organisationId: z.uuid().nullable().default(null),
    spaceId: z.uuid().nullable().default(null),
    initiativeId: z.uuid().nullable().default(null),
  })
  .superRefine((item, ctx) => {
    for (const p of itemProblems(item))
      ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
  });
export type ExchangeItemCreate = z.infer<typeof ExchangeItemCreate>;

/** A change to an item; side, kind and owner stay. The merged item is checked as on creation. */
export const ExchangeItemUpdate = z
  .strictObject({ title: Title, ...withoutDefaults(itemFields) })
  .partial();
export type ExchangeItemUpdate = z.infer<typeof ExchangeItemUpdate>;

export const ItemStatusChange = z.strictObject({ status: z.enum(['closed', 'withdrawn', 'open']) });

export const EXCHANGE_PAGE_SIZE = 20;
export const ExchangeQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  side: ExchangeSide.optional(),
  kind: ResourceKind.optional(),
  country: CountryCode.optional(),
  sector: Sector.optional(),
  /** Only my own items (and those of my organisations). */
  mine: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type ExchangeQuery = z.infer<typeof ExchangeQuery>;

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const ExchangeItem = z.object({
  id: z.uuid(),
  side: ExchangeSide,
  kind: ResourceKind,
  status: ItemStatus,
  title: z.string(),
  description: z.string(),
  sectors: z.array(z.string()),
  country: z.string().nullable(),
  region: z.string().nullable(),
  remote: z.boolean(),
  availableFrom: z.string().nullable(),
  availableUntil: z.string().nullable(),
  hoursPerWeek: z.number().nullable(),
  durationWeeks: z.number().nullable(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  capacity: z.number().nullable(),
  address: z.string().nullable(),
  accessibility: z.string().nullable(),
  format: z.string().nullable(),
  visibility: ExchangeVisibility,
  /** Who stands behind it: an organisation, else the person. */
  organisation: Ref.extend({ kind: z.string() }).nullable(),
  person: z.string().nullable(),
  space: Ref.nullable(),
  initiative: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  createdAt: z.string(),
  /** The viewer may change it and act for it in pledges. */
  mine: z.boolean(),
});
export type ExchangeItem = z.infer<typeof ExchangeItem>;

export const ExchangeList = z.object({ items: z.array(ExchangeItem), total: z.number().int() });
export type ExchangeList = z.infer<typeof ExchangeList>;

/** Why a match scores as it does: the matcher's reason codes, which the pages put in words. */
export const MatchReason = z.object({ code: z.string() }).catchall(z.unknown());
export const MatchPart = z.object({
  part: z.enum(['kind', 'text', 'geography', 'availability', 'capacity', 'bridge']),
  weight: z.number(),
  value: z.number(),
  points: z.number(),
  reason: MatchReason,
});
export type MatchPart = z.infer<typeof MatchPart>;
export const Match = z.object({ item: ExchangeItem, score: z.number(), parts: z.array(MatchPart) });
export type Match = z.infer<typeof Match>;
export const MatchList = z.object({ matches: z.array(Match) });
export type MatchList = z.infer<typeof MatchList>;
export const MatchQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const PLEDGE_STATUSES = vocabulary({
  proposed: { en: 'Proposed', nl: 'Voorgesteld' },
  accepted: { en: 'Accepted', nl: 'Aanvaard' },
  delivered: { en: 'Delivered', nl: 'Geleverd' },
  confirmed: { en: 'Confirmed by the receiver', nl: 'Bevestigd door de ontvanger' },
  declined: { en: 'Declined', nl: 'Afgewezen' },
  cancelled: { en: 'Cancelled', nl: 'Geannuleerd' },
});
export const PledgeStatus = PLEDGE_STATUSES.schema;
export type PledgeStatus = z.infer<typeof PledgeStatus>;

/**
 * Who may move a pledge where: `other` is the party that did not propose it, `giver` the party
 * of the offer, `receiver` the party of the request, `either` both.
 */
export const PLEDGE_TRANSITIONS: Readonly<
  Record<PledgeStatus, Partial<Record<PledgeStatus, 'other' | 'giver' | 'receiver' | 'either'>>>
> = {
  proposed: { accepted: 'other', declined: 'other', cancelled: 'either' },
  accepted: { delivered: 'giver', cancelled: 'either' },
  delivered: { confirmed: 'receiver' },
  confirmed: {},
  declined: {},
  cancelled: {},
};

/** The quantity a pledge is measured in, by kind; knowledge, information and contacts have none. */
export const PLEDGE_QUANTITY: Record<ResourceKind, 'hours' | 'amount' | 'days' | null> = {
  expertise: 'hours',
  people: 'hours',
  money: 'amount',
  space: 'days',
  knowledge: null,
  information: null,
  contacts: null,
};

export const PledgeCreate = z
  .strictObject({
    /** The offer it gives from and the request it answers: at least one. */
    offerId: z.uuid().nullable().default(null),
    requestId: z.uuid().nullable().default(null),
    hours: z.number().positive().max(100_000).nullable().default(null),
    amount: z.number().positive().max(1e12).nullable().default(null),
    currency: Currency.nullable().default(null),
    days: z.number().int().positive().max(3650).nullable().default(null),
    note: text(2000).default(''),
    /** When I answer a request without an offer of mine, on behalf of this organisation. */
    organisationId: z.uuid().nullable().default(null),
  })
  .superRefine((p, ctx) => {
    if (!p.offerId && !p.requestId)
      ctx.addIssue({ code: 'custom', path: ['requestId'], message: 'give a request or an offer' });
    if ((p.amount === null) !== (p.currency === null))
      ctx.addIssue({
        code: 'custom',
        path: [p.amount === null ? 'amount' : 'currency'],
        message: 'an amount goes with its currency',
      });
  });
export type PledgeCreate = z.infer<typeof PledgeCreate>;

export const PledgeStatusChange = z.strictObject({
  status: PledgeStatus,
  note: text(2000).default(''),
});

const Party = z.object({
  organisation: Ref.extend({ kind: z.string(), country: z.string().nullable() }).nullable(),
  person: z.string().nullable(),
});
export type Party = z.infer<typeof Party>;

export const Pledge = z.object({
  id: z.uuid(),
  kind: ResourceKind,
  status: PledgeStatus,
  offer: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  request: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  initiative: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  giver: Party,
  receiver: Party,
  hours: z.number().nullable(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  days: z.number().nullable(),
  note: z.string(),
  proposedBy: z.enum(['giver', 'receiver']),
  /** The moves the viewer may make now. */
  canMoveTo: z.array(PledgeStatus),
  history: z.array(
    z.object({ status: PledgeStatus, note: z.string(), by: z.string().nullable(), at: z.string() }),
  ),
  createdAt: z.string(),
});
export type Pledge = z.infer<typeof Pledge>;
export const PledgeList = z.object({ pledges: z.array(Pledge) });

/** Sums by kind of what was shared (confirmed pledges only). */
export const KindTotals = z.object({
  kind: ResourceKind,
  pledges: z.number().int(),
  hours: z.number(),
  days: z.number(),
  amounts: z.array(z.object({ currency: z.string(), amount: z.number() })),
});
export type KindTotals = z.infer<typeof KindTotals>;

export const InitiativeLedger = z.object({
  initiative: z.object({ id: z.uuid(), title: z.string() }),
  received: z.array(KindTotals),
  /** Per giver, what they gave. */
  givers: z.array(z.object({ giver: Party, totals: z.array(KindTotals) })),
});
export type InitiativeLedger = z.infer<typeof InitiativeLedger>;

export const CapacityProfile = z.object({
  organisation: Ref.extend({ kind: z.string(), country: z.string().nullable() }),
  given: z.array(KindTotals),
  received: z.array(KindTotals),
  /** Distinct partners (organisations, and people counted apart), by organisation kind. */
  partnersByKind: z.array(z.object({ kind: z.string(), partners: z.number().int() })),
  partnersByCountry: z.array(z.object({ country: z.string(), partners: z.number().int() })),
  ties: z.number().int(),
  crossSectorShare: z.number().nullable(),
  crossBorderShare: z.number().nullable(),
});
export type CapacityProfile = z.infer<typeof CapacityProfile>;

export const SECTOR_LABELS = CASE_SECTORS.labels;
