/**
 * The exchange forms' values (text, as the inputs hold them), the checks that mirror the server's
 * (so most mistakes are told before anything is sent), and the bodies they become: a new offer or
 * request (POST /api/exchange/items), a change to one (PATCH), a pledge (POST
 * /api/exchange/pledges). No React, no DOM.
 */
import {
  KIND_FIELDS,
  PLEDGE_QUANTITY,
  type ExchangeItem,
  type ExchangeSide,
  type ExchangeVisibility,
  type ResourceKind,
} from '../shared/exchange.ts';

export interface ExchangeFormValues {
  /** '' until chosen. */
  side: ExchangeSide | '';
  kind: ResourceKind | '';
  title: string;
  description: string;
  /** COFOG division codes. */
  sectors: string[];
  /** '' for none. */
  country: string;
  region: string;
  remote: boolean;
  /** ISO dates, '' for none. */
  availableFrom: string;
  availableUntil: string;
  hoursPerWeek: string;
  durationWeeks: string;
  amount: string;
  currency: string;
  capacity: string;
  address: string;
  accessibility: string;
  format: string;
  /** On behalf of one of my organisations ('' for myself). */
  organisationId: string;
  visibility: ExchangeVisibility;
  spaceId: string;
  /** A request for an initiative I am a stakeholder of ('' for none). */
  initiativeId: string;
}

export const EXCHANGE_FORM_FIELDS = [
  'side',
  'kind',
  'title',
  'description',
  'sectors',
  'country',
  'region',
  'remote',
  'availableFrom',
  'availableUntil',
  'hoursPerWeek',
  'durationWeeks',
  'amount',
  'currency',
  'capacity',
  'address',
  'accessibility',
  'format',
  'organisationId',
  'visibility',
  'spaceId',
  'initiativeId',
] as const satisfies readonly (keyof ExchangeFormValues)[];
export type ExchangeFormField = (typeof EXCHANGE_FORM_FIELDS)[number];

/** The fields that belong to some kinds only (hours for expertise and people, …). */
export type KindField = keyof typeof KIND_FIELDS;
export const KIND_FIELD_NAMES = Object.keys(KIND_FIELDS) as KindField[];

/**
 * Whether a field is asked for an item of `kind`: the kind-specific fields only for their kinds,
 * every other field always.
 *
 * @example
 * fieldShown('amount', 'money'); // true
 * fieldShown('amount', 'space'); // false
 * fieldShown('title', 'space'); // true
 */
export function fieldShown(field: ExchangeFormField, kind: ResourceKind | ''): boolean {
  if (!(field in KIND_FIELDS)) return true;
  return kind !== '' && (KIND_FIELDS[field as KindField] as readonly string[]).includes(kind);
}

/** Why a value is not accepted: each has a sentence under `exchange.problems`. */
export const PROBLEMS = [
  'chooseSide',
  'chooseKind',
  'titleLength',
  'tooLong',
  'number',
  'positive',
  'wholeNumber',
  'tooLarge',
  'amountNeeded',
  'currencyNeeded',
  'currencyCode',
  'date',
  'windowOrder',
  'organisationForVisibility',
  'chooseSpace',
  'notYourOrganisation',
  'notYourSpace',
  'notYourInitiative',
  'notForKind',
  'hoursNeeded',
  'daysNeeded',
  'invalid',
] as const;
export type Problem = (typeof PROBLEMS)[number];

/**
 * A number typed by a person: digits with a decimal point or comma (spaces between thousands are
 * allowed), null for nothing, 'invalid' otherwise.
 *
 * @example
 * parseQuantity('12,5'); // 12.5
 * parseQuantity(' 10 000 '); // 10000
 * parseQuantity(''); // null
 * parseQuantity('ten'); // 'invalid'
 */
export function parseQuantity(text: string): number | null | 'invalid' {
  const s = text.replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return null;
  if (!/^\d+(?:[.,]\d+)?$/.test(s)) return 'invalid';
  return Number(s.replace(',', '.'));
}

/** The rules of a number field: a whole number or not, and its largest value (as the server's). */
const NUMBER_RULES = {
  hoursPerWeek: { whole: false, max: 168 },
  durationWeeks: { whole: true, max: 520 },
  amount: { whole: false, max: 1e12 },
  capacity: { whole: true, max: 1_000_000 },
  hours: { whole: false, max: 100_000 },
  days: { whole: true, max: 3650 },
} as const;
type NumberField = keyof typeof NUMBER_RULES;

function numberProblem(field: NumberField, text: string): Problem | null {
  const n = parseQuantity(text);
  if (n === null) return null;
  if (n === 'invalid') return 'number';
  if (n <= 0) return 'positive';
  if (NUMBER_RULES[field].whole && !Number.isInteger(n)) return 'wholeNumber';
  if (n > NUMBER_RULES[field].max) return 'tooLarge';
  return null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCDate() === Number(m[3]);
}

const CURRENCY = /^[A-Za-z]{3}$/;

/**
 * The mistakes in an offer or request before it is sent, by field: what the server would refuse
 * (a money item without an amount or currency, a window that ends before it starts, numbers
 * that are not positive…). `creating` adds the choices only a new item makes (side and kind).
 *
 * @example
 * formProblems({ ...exchangeFormValues(), side: 'offer', kind: 'money', title: 'A small grant' });
 * // { amount: 'amountNeeded' }   (the currency is EUR by default)
 */
export function formProblems(
  values: ExchangeFormValues,
  creating = true,
): Partial<Record<ExchangeFormField, Problem>> {
  const out: Partial<Record<ExchangeFormField, Problem>> = {};
  if (creating && values.side === '') out.side = 'chooseSide';
  if (creating && values.kind === '') out.kind = 'chooseKind';
  const title = values.title.trim();
  if (title.length < 5 || title.length > 200) out.title = 'titleLength';
  if (values.description.trim().length > 8000) out.description = 'tooLong';
  if (values.region.trim().length > 100) out.region = 'tooLong';
  for (const field of ['hoursPerWeek', 'durationWeeks', 'amount', 'capacity'] as const) {
    if (!fieldShown(field, values.kind)) continue;
    const problem = numberProblem(field, values[field]);
    if (problem) out[field] = problem;
  }
  if (values.kind === 'money') {
    if (!out.amount && parseQuantity(values.amount) === null) out.amount = 'amountNeeded';
    const currency = values.currency.trim();
    if (currency === '') out.currency = 'currencyNeeded';
    else if (!CURRENCY.test(currency)) out.currency = 'currencyCode';
  }
  if (fieldShown('address', values.kind) && values.address.trim().length > 300)
    out.address = 'tooLong';
  if (fieldShown('accessibility', values.kind) && values.accessibility.trim().length > 1000)
    out.accessibility = 'tooLong';
  const from = values.availableFrom;
  const until = values.availableUntil;
  if (from !== '' && !isIsoDate(from)) out.availableFrom = 'date';
  if (until !== '' && !isIsoDate(until)) out.availableUntil = 'date';
  else if (from !== '' && until !== '' && !out.availableFrom && until < from)
    out.availableUntil = 'windowOrder';
  if (creating && values.visibility === 'organisation' && values.organisationId === '')
    out.organisationId = 'organisationForVisibility';
  if (creating && values.visibility === 'space' && values.spaceId === '')
    out.spaceId = 'chooseSpace';
  return out;
}

/** The form's values for a new item (with `prefill` from the address), or for changing `item`. */
export function exchangeFormValues(
  item?: ExchangeItem,
  prefill: { side?: ExchangeSide; initiativeId?: string } = {},
): ExchangeFormValues {
  const text = (v: number | string | null | undefined) => (v == null ? '' : String(v));
  return {
    side: item?.side ?? prefill.side ?? '',
    kind: item?.kind ?? '',
    title: item?.title ?? '',
    description: item?.description ?? '',
    sectors: item?.sectors ?? [],
    country: item?.country ?? '',
    region: item?.region ?? '',
    remote: item?.remote ?? false,
    availableFrom: item?.availableFrom ?? '',
    availableUntil: item?.availableUntil ?? '',
    hoursPerWeek: text(item?.hoursPerWeek),
    durationWeeks: text(item?.durationWeeks),
    amount: text(item?.amount),
    currency: item ? text(item.currency) : 'EUR',
    capacity: text(item?.capacity),
    address: text(item?.address),
    accessibility: text(item?.accessibility),
    format: text(item?.format),
    organisationId: item?.organisation?.id ?? '',
    visibility: item?.visibility ?? 'public',
    spaceId: item?.space?.id ?? '',
    initiativeId: item?.initiative?.id ?? prefill.initiativeId ?? '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function numberOrNull(text: string): number | null {
  const n = parseQuantity(text);
  return typeof n === 'number' ? n : null;
}

/** The fields a change may send: everything but side, kind, owner and visibility. */
function editableBody(values: ExchangeFormValues, kind: ResourceKind | '') {
  const body: Record<string, unknown> = {
    title: values.title.trim(),
    description: values.description.trim(),
    sectors: values.sectors,
    country: orNull(values.country),
    region: orNull(values.region),
    remote: values.remote,
    availableFrom: orNull(values.availableFrom),
    availableUntil: orNull(values.availableUntil),
  };
  // Only the fields of this kind: one set for another kind is refused.
  const shown = (f: KindField) => fieldShown(f, kind);
  if (shown('hoursPerWeek')) body.hoursPerWeek = numberOrNull(values.hoursPerWeek);
  if (shown('durationWeeks')) body.durationWeeks = numberOrNull(values.durationWeeks);
  if (shown('amount')) body.amount = numberOrNull(values.amount);
  if (shown('currency')) body.currency = orNull(values.currency)?.toUpperCase() ?? null;
  if (shown('capacity')) body.capacity = numberOrNull(values.capacity);
  if (shown('address')) body.address = orNull(values.address);
  if (shown('accessibility')) body.accessibility = orNull(values.accessibility);
  if (shown('format')) body.format = orNull(values.format);
  return body;
}

/**
 * The body of a new offer or request (for ExchangeItemCreate to check).
 *
 * @example
 * createBody({ ...exchangeFormValues(), side: 'request', kind: 'space', title: 'A room',
 *              capacity: '20' });
 * // { side: 'request', kind: 'space', title: 'A room', …, capacity: 20, address: null,
 * //   accessibility: null, visibility: 'public', organisationId: null, spaceId: null,
 * //   initiativeId: null }
 */
export function createBody(values: ExchangeFormValues) {
  return {
    side: values.side,
    kind: values.kind,
    ...editableBody(values, values.kind),
    visibility: values.visibility,
    organisationId: orNull(values.organisationId),
    spaceId: values.visibility === 'space' ? orNull(values.spaceId) : null,
    initiativeId: values.side === 'request' ? orNull(values.initiativeId) : null,
  };
}

/** The body of a change to `kind`'s item (for ExchangeItemUpdate to check). */
export function updateBody(values: ExchangeFormValues, kind: ResourceKind) {
  return editableBody(values, kind);
}

/** The server's words for its own rules (src/shared/exchange.ts, commands/exchange.ts). */
const SERVER_MESSAGES: readonly [RegExp, Problem][] = [
  [/needs an amount/, 'amountNeeded'],
  [/needs a currency/, 'currencyNeeded'],
  [/three-letter/, 'currencyCode'],
  [/ends before it starts/, 'windowOrder'],
  [/say which organisation/, 'organisationForVisibility'],
  [/say which space/, 'chooseSpace'],
  [/not an organisation you belong to/, 'notYourOrganisation'],
  [/not a space you may write in/, 'notYourSpace'],
  [/not an initiative you are a stakeholder of/, 'notYourInitiative'],
  [/^only for|^not for a pledge/, 'notForKind'],
  [/needs hours/, 'hoursNeeded'],
  [/needs days/, 'daysNeeded'],
  [/needs amount/, 'amountNeeded'],
];

/**
 * The field problems of a 400 answer's details: each issue on the form field its path names
 * (the first issue per field), told in the words of a known rule or as "not valid"; `other`
 * when an issue names no field of the form.
 *
 * @example
 * serverProblems([{ path: 'availableUntil', message: 'the window ends before it starts' }],
 *                EXCHANGE_FORM_FIELDS);
 * // { fields: { availableUntil: 'windowOrder' }, other: false }
 */
export function serverProblems<F extends string>(
  issues: readonly { path: string; message: string }[],
  fields: readonly F[],
): { fields: Partial<Record<F, Problem>>; other: boolean } {
  const out: Partial<Record<F, Problem>> = {};
  let other = false;
  for (const issue of issues) {
    const key = issue.path.split(/[.[/]/)[0] ?? '';
    const field = fields.find((f) => f === key);
    if (!field) {
      other = true;
      continue;
    }
    out[field] ??= SERVER_MESSAGES.find(([re]) => re.test(issue.message))?.[1] ?? 'invalid';
  }
  return { fields: out, other };
}

// --- Pledges --------------------------------------------------------------------------------

export interface PledgeFormValues {
  /** Hours, an amount or days, as the kind measures it ('' when it has no quantity). */
  quantity: string;
  currency: string;
  note: string;
  /** On behalf of one of my organisations ('' for myself). */
  organisationId: string;
}

export const PLEDGE_FORM_FIELDS = ['quantity', 'currency', 'note', 'organisationId'] as const;
export type PledgeFormField = (typeof PLEDGE_FORM_FIELDS)[number];

/** The empty pledge form (the currency of the item it answers, when it has one). */
export function pledgeFormValues(currency: string | null = null): PledgeFormValues {
  return { quantity: '', currency: currency ?? 'EUR', note: '', organisationId: '' };
}

/** The mistakes in a pledge before it is sent: a quantity the pledge's kind needs, a currency. */
export function pledgeProblems(
  kind: ResourceKind,
  values: PledgeFormValues,
): Partial<Record<PledgeFormField, Problem>> {
  const out: Partial<Record<PledgeFormField, Problem>> = {};
  const measure = PLEDGE_QUANTITY[kind];
  if (measure !== null) {
    const problem = numberProblem(measure, values.quantity);
    if (problem) out.quantity = problem;
    else if (parseQuantity(values.quantity) === null)
      out.quantity =
        measure === 'hours' ? 'hoursNeeded' : measure === 'days' ? 'daysNeeded' : 'amountNeeded';
  }
  if (measure === 'amount') {
    const currency = values.currency.trim();
    if (currency === '') out.currency = 'currencyNeeded';
    else if (!CURRENCY.test(currency)) out.currency = 'currencyCode';
  }
  if (values.note.trim().length > 2000) out.note = 'tooLong';
  return out;
}

/**
 * The body of a pledge of `kind` between `ids` (an offer, a request, or both).
 *
 * @example
 * pledgeBody('expertise', { quantity: '20', currency: 'EUR', note: '', organisationId: '' },
 *            { offerId: 'o', requestId: 'r' });
 * // { offerId: 'o', requestId: 'r', hours: 20, amount: null, currency: null, days: null,
 * //   note: '', organisationId: null }
 */
export function pledgeBody(
  kind: ResourceKind,
  values: PledgeFormValues,
  ids: { offerId?: string | null; requestId?: string | null },
) {
  const measure = PLEDGE_QUANTITY[kind];
  const quantity = numberOrNull(values.quantity);
  return {
    offerId: ids.offerId ?? null,
    requestId: ids.requestId ?? null,
    hours: measure === 'hours' ? quantity : null,
    amount: measure === 'amount' ? quantity : null,
    currency: measure === 'amount' ? (orNull(values.currency)?.toUpperCase() ?? null) : null,
    days: measure === 'days' ? quantity : null,
    note: values.note.trim(),
    organisationId: orNull(values.organisationId),
  };
}

/** The field a pledge problem of the server belongs to: quantities all go on the one field. */
export function pledgeFieldOf(path: string): PledgeFormField | null {
  const key = path.split(/[.[/]/)[0] ?? '';
  if (key === 'hours' || key === 'amount' || key === 'days') return 'quantity';
  return PLEDGE_FORM_FIELDS.find((f) => f === key) ?? null;
}
