import type { CaseCode, CaseDetail } from '../../shared/cases.ts';
import type { GovernanceTradition } from '../../shared/governance-traditions.ts';
import type { FullCase } from '../commands/case-store.ts';

/** The key that identifies a coder across cases: the user id, or the name of an imported coder. */
export const coderKeyOf = (code: { coderId: string | null; coderName: string }) =>
  code.coderId ?? `name:${code.coderName}`;

export function presentCode(k: FullCase['codes'][number]): CaseCode {
  return {
    id: k.id,
    factor: k.factor,
    direction: k.direction,
    evidence: k.evidence,
    coderKey: coderKeyOf(k),
    coderName: k.coderName,
    createdAt: k.createdAt,
  } satisfies CaseCode;
}

export function presentCase(
  c: FullCase,
  extra: { canEdit: boolean; traditions: GovernanceTradition[] },
): CaseDetail {
  return {
    id: c.id,
    title: c.title,
    summary: c.summary,
    status: c.status,
    countries: c.countries,
    level: c.level,
    sector: c.sector,
    yearLaunched: c.yearLaunched,
    startDate: c.startDate,
    endDate: c.endDate,
    ongoing: c.ongoing,
    stage: c.stage,
    maturity: c.maturity,
    facets: c.facets,
    innovationTypes: c.innovationTypes,
    citizenRoles: c.citizenRoles,
    participation: c.participation,
    experimentation: c.experimentation,
    governanceTradition: c.governanceTradition,
    traditions: extra.traditions,
    technology: c.technology,
    tags: c.tags,
    links: c.links,
    licence: c.licence,
    sections: c.sections,
    partners: c.partners,
    outcomes: c.outcomes,
    resources: c.resources,
    illustrative: c.illustrative,
    provenance: c.provenance,
    codes: c.codes.map(presentCode),
    author: c.authorId ? { id: c.authorId, name: c.authorName ?? '' } : null,
    canEdit: extra.canEdit,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    publishedAt: c.publishedAt,
  } satisfies CaseDetail;
}
