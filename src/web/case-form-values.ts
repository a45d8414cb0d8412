import { NARRATIVE_SECTIONS, type NarrativeSection } from '../shared/case-vocabulary.ts';
import type { CaseDetail } from '../shared/cases.ts';

/** A case as the form holds it: text for every field, lists for the multi-selects and rows. */
export interface PartnerRow {
  key: number;
  name: string;
  role: string;
  organisationId: string | null;
}
export interface OutcomeRow {
  key: number;
  dimension: string;
  evidence: string;
  note: string;
}
export interface LinkRow {
  key: number;
  url: string;
  label: string;
}

export interface CaseFormValues {
  title: string;
  summary: string;
  status: string;
  countries: string[];
  level: string;
  sector: string;
  yearLaunched: string;
  startDate: string;
  endDate: string;
  ongoing: boolean;
  stage: string;
  maturity: string;
  facets: string[];
  innovationTypes: string[];
  citizenRoles: string[];
  participation: string;
  experimentation: string;
  governanceTradition: string;
  technology: string;
  tags: string;
  licence: string;
  links: LinkRow[];
  sections: Record<NarrativeSection, string>;
  partners: PartnerRow[];
  outcomes: OutcomeRow[];
  resources: string[];
  illustrative: boolean;
}

let nextKey = 1;
/** A key for a new repeatable row (React needs stable keys while rows are added and removed). */
export function rowKey(): number {
  nextKey += 1;
  return nextKey;
}

export function formValues(detail?: CaseDetail): CaseFormValues {
  const sections = Object.fromEntries(
    NARRATIVE_SECTIONS.values.map((s) => [s, detail?.sections[s] ?? '']),
  ) as Record<NarrativeSection, string>;
  return {
    title: detail?.title ?? '',
    summary: detail?.summary ?? '',
    status: detail?.status ?? 'draft',
    countries: detail ? [...detail.countries] : [],
    level: detail?.level ?? '',
    sector: detail?.sector ?? '',
    yearLaunched: detail?.yearLaunched?.toString() ?? '',
    startDate: detail?.startDate ?? '',
    endDate: detail?.endDate ?? '',
    ongoing: detail?.ongoing ?? false,
    stage: detail?.stage ?? '',
    maturity: detail?.maturity ?? '',
    facets: detail ? [...detail.facets] : [],
    innovationTypes: detail ? [...detail.innovationTypes] : [],
    citizenRoles: detail ? [...detail.citizenRoles] : [],
    participation: detail?.participation ?? '',
    experimentation: detail?.experimentation ?? '',
    governanceTradition: detail?.governanceTradition ?? '',
    technology: detail?.technology ?? '',
    tags: detail?.tags.join(', ') ?? '',
    licence: detail?.licence ?? '',
    links: (detail?.links ?? []).map((l) => ({ key: rowKey(), url: l.url, label: l.label })),
    sections,
    partners: (detail?.partners ?? []).map((p) => ({
      key: rowKey(),
      name: p.name,
      role: p.role,
      organisationId: p.organisationId,
    })),
    outcomes: (detail?.outcomes ?? []).map((o) => ({
      key: rowKey(),
      dimension: o.dimension,
      evidence: o.evidence,
      note: o.note,
    })),
    resources: detail ? [...detail.resources] : [],
    illustrative: detail?.illustrative ?? false,
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function yearValue(s: string): number | string | null {
  const v = s.trim();
  if (v === '') return null;
  // A non-number stays text, so that validation reports it.
  return /^\d+$/.test(v) ? Number(v) : v;
}

/**
 * What the form sends: empty optional fields become null and tags are split on commas. The
 * result is checked with the shared CaseCreate schema.
 *
 * @example
 * caseInput({ ...formValues(), title: 'Open data', tags: 'Data, data, ai' }).tags; // ['data', 'ai']
 */
export function caseInput(v: CaseFormValues) {
  const tags: string[] = [];
  for (const raw of v.tags.split(',')) {
    const tag = raw.trim().toLowerCase();
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  const sections: Partial<Record<NarrativeSection, string>> = {};
  for (const s of NARRATIVE_SECTIONS.values) {
    if (v.sections[s].trim()) sections[s] = v.sections[s];
  }
  return {
    title: v.title,
    summary: v.summary,
    status: v.status,
    countries: v.countries,
    level: orNull(v.level),
    sector: orNull(v.sector),
    yearLaunched: yearValue(v.yearLaunched),
    startDate: orNull(v.startDate),
    endDate: v.ongoing ? null : orNull(v.endDate),
    ongoing: v.ongoing,
    stage: orNull(v.stage),
    maturity: orNull(v.maturity),
    facets: v.facets,
    innovationTypes: v.innovationTypes,
    citizenRoles: v.citizenRoles,
    participation: orNull(v.participation),
    experimentation: orNull(v.experimentation),
    governanceTradition: orNull(v.governanceTradition),
    technology: orNull(v.technology),
    tags,
    links: v.links.map((l) => ({ url: l.url.trim(), label: l.label })),
    licence: orNull(v.licence),
    sections,
    // Rows are sent as they are (an empty row is reported at its place, not dropped), so error
    // paths such as partners.2.name point at the row on screen.
    partners: v.partners.map((p) => ({
      name: p.name,
      role: p.role,
      organisationId: p.organisationId,
    })),
    outcomes: v.outcomes.map((o) => ({
      dimension: o.dimension,
      evidence: o.evidence,
      note: o.note,
    })),
    resources: v.resources,
    illustrative: v.illustrative,
  };
}

/** The id of the input that shows an error at `path` (`['partners', 0, 'name']`). */
export function fieldId(path: readonly PropertyKey[]): string {
  return ['case', ...path.map(String)].join('-');
}
