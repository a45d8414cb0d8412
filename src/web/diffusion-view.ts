import { FACTORS, type Factor } from '../shared/case-vocabulary.ts';
import {
  EHA_COVARIATES,
  EhaCovariate,
  ROGERS_ATTRIBUTES,
  type DiffusionUnit,
  type DiffusionView,
  type EhaResult,
  type RogersAttribute,
} from '../shared/diffusion.ts';
import {
  GOVERNANCE_TRADITIONS,
  type GovernanceTradition,
} from '../shared/governance-traditions.ts';
import { COLOUR_CLASSES, classOf, classRanges } from './chart-scales.ts';
import type { CsvCell } from './csv.ts';

/*
 * Pure helpers of the diffusion pages: the page's state as the address bar holds it, the API
 * paths, the adoption curve and the map's colours from a DiffusionView, CSV rows, the adoption
 * form's values and number formats. No React, no DOM.
 */

// --- State ⇄ address --------------------------------------------------------------------------

/** What spread: the whole library, one case, or the cases sharing a tag or a technology. */
export type Innovation =
  | { kind: 'library' }
  | { kind: 'case'; id: string }
  | { kind: 'tag'; value: string }
  | { kind: 'technology'; value: string };

export interface EhaSettings {
  covariates: EhaCovariate[];
  /** The reference level of the tradition covariate (null: the server's default). */
  reference: GovernanceTradition | null;
}

export interface DiffusionState {
  innovation: Innovation;
  unit: DiffusionUnit;
  /** The map's year (null: the last year with an adoption). */
  year: number | null;
  /** The event-history analysis last run (null: none). */
  eha: EhaSettings | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Tags and technologies are at most 80 characters (src/shared/diffusion.ts). */
export const TEXT_MAX = 80;

function text(value: string | null): string | null {
  const s = value?.trim() ?? '';
  return s === '' || s.length > TEXT_MAX ? null : s;
}

function yearParam(value: string | null): number | null {
  if (value === null || !/^\d{4}$/.test(value.trim())) return null;
  const n = Number(value);
  return n >= 1900 && n <= 2100 ? n : null;
}

/** Covariates the API accepts, each once: the named ones first (in their order), then factors. */
export function parseCovariates(values: readonly string[]): EhaCovariate[] {
  const kept: EhaCovariate[] = [];
  for (const raw of values) {
    const parsed = EhaCovariate.safeParse(raw.trim());
    if (parsed.success && !kept.includes(parsed.data)) kept.push(parsed.data);
  }
  const named = EHA_COVARIATES.filter((c) => kept.includes(c));
  return [...named, ...kept.filter((c) => c.includes(':'))].slice(0, 60);
}

function isTradition(value: string | null): value is GovernanceTradition {
  return (GOVERNANCE_TRADITIONS as readonly (string | null)[]).includes(value);
}

/**
 * Read the page's state from a query string. Only one innovation counts (a case before a tag
 * before a technology); what the API would reject is left out rather than failing the page.
 *
 * @example
 * diffusionStateFromParams(new URLSearchParams('tag=Chatbot&unit=organisation'));
 * // { innovation: { kind: 'tag', value: 'chatbot' }, unit: 'organisation', year: null, eha: null }
 */
export function diffusionStateFromParams(params: URLSearchParams): DiffusionState {
  const caseId = params.get('case')?.trim() ?? '';
  const tag = text(params.get('tag'));
  const technology = text(params.get('technology'));
  const innovation: Innovation = UUID.test(caseId)
    ? { kind: 'case', id: caseId.toLowerCase() }
    : tag
      ? { kind: 'tag', value: tag.toLowerCase() }
      : technology
        ? { kind: 'technology', value: technology }
        : { kind: 'library' };
  const covariates = parseCovariates(params.getAll('covariate'));
  const reference = params.get('reference');
  return {
    innovation,
    unit: params.get('unit') === 'organisation' ? 'organisation' : 'country',
    year: yearParam(params.get('year')),
    eha:
      covariates.length > 0
        ? { covariates, reference: isTradition(reference) ? reference : null }
        : null,
  };
}

/** The innovation as the API's parameters (case, tag or technology; none for the library). */
export function innovationParams(innovation: Innovation): URLSearchParams {
  const params = new URLSearchParams();
  if (innovation.kind === 'case') params.set('case', innovation.id);
  if (innovation.kind === 'tag') params.set('tag', innovation.value);
  if (innovation.kind === 'technology') params.set('technology', innovation.value);
  return params;
}

/** The state as query parameters in a fixed order, defaults left out (one view, one address). */
export function diffusionParams(state: DiffusionState): URLSearchParams {
  const params = innovationParams(state.innovation);
  if (state.unit !== 'country') params.set('unit', state.unit);
  if (state.year !== null) params.set('year', String(state.year));
  if (state.eha) {
    for (const c of parseCovariates(state.eha.covariates)) params.append('covariate', c);
    if (state.eha.reference) params.set('reference', state.eha.reference);
  }
  return params;
}

function withQuery(path: string, params: URLSearchParams): string {
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** The page's address for an innovation (as the case page links to it). */
export function diffusionPagePath(innovation: Innovation): string {
  return withQuery('/diffusion', innovationParams(innovation));
}

export function diffusionApiPath(innovation: Innovation, unit: DiffusionUnit): string {
  const params = innovationParams(innovation);
  if (unit !== 'country') params.set('unit', unit);
  return withQuery('/api/diffusion', params);
}

export function ehaApiPath(innovation: Innovation, eha: EhaSettings): string {
  const params = innovationParams(innovation);
  for (const c of parseCovariates(eha.covariates)) params.append('covariate', c);
  if (eha.reference) params.set('reference', eha.reference);
  return withQuery('/api/diffusion/eha', params);
}

export function adoptionsApiPath(filter: {
  case?: string;
  tag?: string;
  organisation?: string;
}): string {
  const params = new URLSearchParams();
  for (const key of ['case', 'tag', 'organisation'] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  return withQuery('/api/adoptions', params);
}

export function suggestionsApiPath(organisationId: string): string {
  return withQuery(
    '/api/diffusion/suggestions',
    new URLSearchParams({ organisation: organisationId }),
  );
}

/**
 * The start of the download files' names: what was shown.
 *
 * @example
 * diffusionFileStem({ kind: 'tag', value: 'open data' }); // 'diffusion-tag-open-data'
 */
export function diffusionFileStem(innovation: Innovation): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'x';
  switch (innovation.kind) {
    case 'library':
      return 'diffusion-library';
    case 'case':
      return `diffusion-case-${innovation.id.slice(0, 8)}`;
    case 'tag':
      return `diffusion-tag-${slug(innovation.value)}`;
    case 'technology':
      return `diffusion-technology-${slug(innovation.value)}`;
  }
}

// --- Covariates and model terms ---------------------------------------------------------------

export type FactorDirection = 'driver' | 'barrier';
export type NamedCovariate = (typeof EHA_COVARIATES)[number];

export type CovariateParts =
  | { kind: 'named'; name: NamedCovariate }
  | { kind: 'factor'; direction: FactorDirection; factor: Factor };

export function covariateParts(covariate: EhaCovariate): CovariateParts {
  const [head, factor] = covariate.split(':') as [string, string | undefined];
  if (factor !== undefined) {
    return {
      kind: 'factor',
      direction: head === 'barrier' ? 'barrier' : 'driver',
      factor: factor as Factor,
    };
  }
  return { kind: 'named', name: covariate as NamedCovariate };
}

export function factorCovariate(direction: FactorDirection, factor: Factor): EhaCovariate {
  return `${direction}:${factor}`;
}

export type TermParts =
  | { kind: 'intercept' }
  | { kind: 'tradition'; tradition: GovernanceTradition }
  | CovariateParts
  | { kind: 'other'; term: string };

const FACTOR_CODES = new Set<string>(FACTORS.values);

/**
 * What a coefficient of the model stands for: the intercept, a tradition (against the
 * reference), a named covariate, a driver or barrier factor, or an unknown term (shown as it is).
 *
 * @example
 * termParts('tradition:napoleonic'); // { kind: 'tradition', tradition: 'napoleonic' }
 */
export function termParts(term: string): TermParts {
  const t = term.trim();
  if (/^\(?intercept\)?$/i.test(t)) return { kind: 'intercept' };
  const tradition = /^tradition\s*[:=.[_]?\s*([a-z-]+)\]?$/i.exec(t)?.[1]?.toLowerCase() ?? null;
  if (tradition !== null && isTradition(tradition)) return { kind: 'tradition', tradition };
  if ((EHA_COVARIATES as readonly string[]).includes(t)) {
    return { kind: 'named', name: t as NamedCovariate };
  }
  const factor = /^(driver|barrier):(.+)$/.exec(t);
  if (factor && FACTOR_CODES.has(factor[2]!)) {
    return {
      kind: 'factor',
      direction: factor[1] as FactorDirection,
      factor: factor[2] as Factor,
    };
  }
  return { kind: 'other', term };
}

// --- The adoption curve -------------------------------------------------------------------------

export interface CurvePoint {
  year: number;
  adopters: number;
  cumulative: number;
  /** The Bass model's cumulative adopters (null without a fit). */
  fitted: number | null;
}

/** The observed curve with the Bass fit beside it, year by year. */
export function curveSeries(view: Pick<DiffusionView, 'curve' | 'bass'>): CurvePoint[] {
  const fitted = view.bass.ok ? view.bass.fit.fitted : [];
  return view.curve.map((c, i) => ({ ...c, fitted: fitted[i] ?? null }));
}

/** The largest value the chart must show (observed or fitted). */
export function curveMax(points: readonly CurvePoint[]): number {
  return Math.max(0, ...points.map((p) => Math.max(p.cumulative, p.fitted ?? 0)));
}

// --- The map --------------------------------------------------------------------------------------

export interface YearBounds {
  first: number;
  last: number;
}

/** The first and last year in which a country adopted (null when none did). */
export function yearBounds(countries: DiffusionView['countries']): YearBounds | null {
  if (countries.length === 0) return null;
  const years = countries.map((c) => c.year);
  return { first: Math.min(...years), last: Math.max(...years) };
}

/** The map's year: the one asked for, kept within the bounds; the last year by default. */
export function mapYear(asked: number | null, bounds: YearBounds | null): number | null {
  if (!bounds) return null;
  if (asked === null) return bounds.last;
  return Math.min(bounds.last, Math.max(bounds.first, asked));
}

export interface YearClass {
  first: number;
  last: number;
  /** The colour class (map-c1 … map-c5): the earliest years darkest. */
  colour: number;
}

/**
 * Split the years into at most five ranges for the map's colours: the earliest adopters are the
 * darkest, so the core of the diffusion stands out.
 *
 * @example
 * yearClasses({ first: 2010, last: 2012 });
 * // [{ first: 2010, last: 2010, colour: 5 }, { first: 2011, … colour: 3 }, { first: 2012, … colour: 1 }]
 */
export function yearClasses(bounds: YearBounds | null): YearClass[] {
  if (!bounds) return [];
  const ranges = classRanges(bounds.last - bounds.first + 1);
  const n = ranges.length;
  return ranges.map(([low, high], i) => ({
    first: bounds.first + low - 1,
    last: bounds.first + high - 1,
    colour: COLOUR_CLASSES - Math.round((i * (COLOUR_CLASSES - 1)) / Math.max(1, n - 1)),
  }));
}

/**
 * The map's CSS class for a country: never adopted (map-c0), adopted after the chosen year
 * (map-later), or adopted by then, coloured by its first year.
 */
export function countryClass(
  firstYear: number | undefined,
  year: number | null,
  classes: readonly YearClass[],
): string {
  if (firstYear === undefined || year === null || classes.length === 0) return 'map-c0';
  if (firstYear > year) return 'map-later';
  const first = classes[0]!.first;
  const ranges = classes.map((c): [number, number] => [c.first - first + 1, c.last - first + 1]);
  const index = classOf(firstYear - first + 1, ranges);
  return `map-c${classes[Math.max(0, index - 1)]!.colour}`;
}

export interface CountryRow {
  country: string;
  year: number;
  adopted: boolean;
}

/** Every country that adopted, with its first year and whether it had adopted by `year`. */
export function countryRows(
  countries: DiffusionView['countries'],
  year: number | null,
): CountryRow[] {
  return [...countries]
    .sort((a, b) => a.year - b.year || (a.country < b.country ? -1 : 1))
    .map((c) => ({ country: c.country, year: c.year, adopted: year !== null && c.year <= year }));
}

// --- CSV --------------------------------------------------------------------------------------

export interface CsvTable {
  columns: string[];
  rows: CsvCell[][];
}

export function curveCsv(points: readonly CurvePoint[]): CsvTable {
  return {
    columns: ['year', 'new_adopters', 'cumulative', 'bass_fitted'],
    rows: points.map((p) => [p.year, p.adopters, p.cumulative, p.fitted]),
  };
}

export function countriesCsv(rows: readonly CountryRow[], year: number | null): CsvTable {
  return {
    columns: ['country', 'first_year', `adopted_by_${year ?? ''}`],
    rows: rows.map((r) => [r.country, r.year, r.adopted ? 1 : 0]),
  };
}

export function adoptersCsv(adopters: DiffusionView['adopters']): CsvTable {
  return {
    columns: ['id', 'label', 'country', 'tradition', 'year', 'via', 'href'],
    rows: adopters.map((a) => [a.id, a.label, a.country, a.tradition, a.year, a.via, a.href]),
  };
}

export function flowsCsv(flows: DiffusionView['countryFlows']): CsvTable {
  return { columns: ['from', 'to', 'count'], rows: flows.map((f) => [f.from, f.to, f.count]) };
}

export function ehaCsv(result: EhaResult): CsvTable {
  return {
    columns: ['term', 'estimate', 'se', 'z', 'p', 'odds_ratio'],
    rows: result.coefficients.map((c) => [c.term, c.estimate, c.se, c.z, c.p, c.oddsRatio]),
  };
}

// --- The adoption form --------------------------------------------------------------------------

export const RATING_VALUES = ['1', '2', '3', '4', '5'] as const;

export interface AdoptionDraft {
  organisationId: string;
  adoptedOn: string;
  sourceOrganisationId: string;
  /** Learned from the case itself (its countries become the flow's origin). */
  learnedFromCase: boolean;
  mechanism: string;
  adaptations: string;
  /** '' for not rated, else '1' … '5'. */
  ratings: Record<RogersAttribute, string>;
}

/** The fields of the form, as the API names them (for field errors). */
export const ADOPTION_FIELDS = [
  'organisationId',
  'adoptedOn',
  'sourceOrganisationId',
  'sourceCaseId',
  'mechanism',
  'adaptations',
  ...ROGERS_ATTRIBUTES.values,
] as const;
export type AdoptionField = (typeof ADOPTION_FIELDS)[number];

/** Today's date where the browser is, as YYYY-MM-DD. */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function emptyAdoptionDraft(
  organisationIds: readonly string[],
  today: string,
): AdoptionDraft {
  return {
    organisationId: organisationIds.length === 1 ? organisationIds[0]! : '',
    adoptedOn: today,
    sourceOrganisationId: '',
    learnedFromCase: false,
    mechanism: '',
    adaptations: '',
    ratings: Object.fromEntries(ROGERS_ATTRIBUTES.values.map((a) => [a, ''])) as Record<
      RogersAttribute,
      string
    >,
  };
}

/** The request body for the draft (checked with the AdoptionCreate schema before sending). */
export function adoptionBody(draft: AdoptionDraft, caseId: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    organisationId: draft.organisationId,
    caseId,
    adoptedOn: draft.adoptedOn,
    sourceCaseId: draft.learnedFromCase ? caseId : null,
    sourceOrganisationId: draft.sourceOrganisationId || null,
    mechanism: draft.mechanism,
    adaptations: draft.adaptations,
  };
  for (const a of ROGERS_ATTRIBUTES.values) {
    const r = draft.ratings[a];
    body[a] = r ? Number(r) : null;
  }
  return body;
}

export type AdoptionIssue =
  | { key: 'future' }
  | { key: 'beforeInnovation'; year: number | null }
  | { key: 'selfSource' }
  | { key: 'invalid' };

/**
 * What a field issue of a 400 answer means, for a translated message: the server's messages are
 * English, so they are read for their meaning here (see src/server/commands/diffusion.ts).
 */
export function adoptionIssue(issue: { path: string; message: string }): AdoptionIssue {
  const field = issue.path.split(/[.[/]/)[0];
  if (field === 'adoptedOn') {
    if (/after today|future/i.test(issue.message)) return { key: 'future' };
    const year = /before (\d{4})/.exec(issue.message)?.[1];
    if (/before/i.test(issue.message))
      return { key: 'beforeInnovation', year: year ? Number(year) : null };
  }
  if (field === 'sourceOrganisationId' && /itself/i.test(issue.message))
    return { key: 'selfSource' };
  return { key: 'invalid' };
}

// --- Numbers ----------------------------------------------------------------------------------

/** A decimal year such as the Bass peak (2014.3), without a thousands separator. */
export function formatDecimalYear(value: number, lang: string): string {
  return new Intl.NumberFormat(lang, {
    useGrouping: false,
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** A number with a fixed number of decimals in the interface language. */
export function formatFixed(value: number, lang: string, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  return new Intl.NumberFormat(lang, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A small parameter (Bass p and q) with three significant digits. */
export function formatSignificant(value: number, lang: string, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  return new Intl.NumberFormat(lang, { maximumSignificantDigits: digits }).format(value);
}

/** A p-value: three decimals, or "< 0.001". */
export function formatP(p: number, lang: string): string {
  if (!Number.isFinite(p)) return String(p);
  return p < 0.001 ? `< ${formatFixed(0.001, lang)}` : formatFixed(p, lang);
}
