/**
 * Diffusion: adoption records, who adopted an innovation when (by country or organisation),
 * Bass fits, flows, event-history analysis and adoption suggestions.
 */
import { sql, type SQL } from 'drizzle-orm';
import { riskSet, type RiskUnit } from '../../core/diffusion/risk-set.ts';
import { neighbours } from '../../shared/country-borders.ts';
import type {
  Adoption,
  AdoptionCreate,
  AdoptionSuggestion,
  DiffusionUnit,
  DiffusionView,
  EhaCovariate,
  InnovationRef,
} from '../../shared/diffusion.ts';
import {
  governanceTradition,
  type GovernanceTradition,
} from '../../shared/governance-traditions.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import { adoptions } from '../db/schema/index.ts';
import { badRequest, conflict, forbidden, isUniqueViolation, notFound } from '../errors.ts';
import { recordAudit } from './audit.ts';
import { isModerator } from './cases.ts';
import { getMembership } from './organisations.ts';
import { partnerNodeId } from '../network/ties.ts';

type Viewer = ActiveSession | null;

// ---- adoption records ----

/** The first year of a published case: its launch year, else its start date's year. */
async function publishedCase(db: Db, id: string) {
  const [c] = await rows<{ id: string; title: string; year: number | null }>(
    db,
    sql`select id, title,
               coalesce(year_launched::int, extract(year from start_date)::int) as year
        from cases where id = ${id} and status = 'published'`,
  );
  return c ?? null;
}

export async function recordAdoption(db: Db, viewer: ActiveSession, input: AdoptionCreate) {
  const [org] = await rows<{ id: string }>(
    db,
    sql`select id from organisations where id = ${input.organisationId}`,
  );
  if (!org)
    throw badRequest('The organisation does not exist.', [
      { path: 'organisationId', message: 'is not an organisation on the platform' },
    ]);
  if (
    !isModerator(viewer) &&
    (await getMembership(db, input.organisationId, viewer.user.id)) === null
  )
    throw forbidden('Only members of the organisation may record what it adopted.');

  const adoptedYear = Number(input.adoptedOn.slice(0, 4));
  const today = new Date().toISOString().slice(0, 10);
  if (input.adoptedOn > today)
    throw badRequest('An adoption cannot be in the future.', [
      { path: 'adoptedOn', message: `is after today (${today})` },
    ]);
  let innovationYear: number | null;
  if (input.caseId !== null) {
    const c = await publishedCase(db, input.caseId);
    if (!c)
      throw badRequest('The case does not exist or is not published.', [
        { path: 'caseId', message: 'is not a published case' },
      ]);
    innovationYear = c.year;
  } else {
    const [t] = await rows<{ cases: number; year: number | null }>(
      db,
      sql`select count(*)::int as cases,
                 min(coalesce(c.year_launched::int, extract(year from c.start_date)::int)) as year
          from case_tags t join cases c on c.id = t.case_id
          where lower(t.tag) = ${input.tag} and c.status = 'published'`,
    );
    if (!t || t.cases === 0)
      throw badRequest('No published case has this tag.', [
        { path: 'tag', message: 'is not the tag of any published case' },
      ]);
    innovationYear = t.year;
  }
  if (innovationYear !== null && adoptedYear < innovationYear)
    throw badRequest('The adoption is dated before the innovation existed.', [
      {
        path: 'adoptedOn',
        message: `is before ${innovationYear}, the year the innovation began`,
      },
    ]);
  if (input.sourceCaseId !== null && !(await publishedCase(db, input.sourceCaseId)))
    throw badRequest('The source case does not exist or is not published.', [
      { path: 'sourceCaseId', message: 'is not a published case' },
    ]);
  if (input.sourceOrganisationId !== null) {
    const [s] = await rows<{ id: string }>(
      db,
      sql`select id from organisations where id = ${input.sourceOrganisationId}`,
    );
    if (!s)
      throw badRequest('The source organisation does not exist.', [
        { path: 'sourceOrganisationId', message: 'is not an organisation on the platform' },
      ]);
  }
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(adoptions)
        .values({ ...input, recordedBy: viewer.user.id })
        .returning({ id: adoptions.id });
      await recordAudit(tx, {
        actorId: viewer.user.id,
        action: 'adoption.record',
        targetType: 'adoption',
        targetId: row!.id,
        details: { organisationId: input.organisationId },
      });
      return row!.id;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict(
        'duplicate_adoption',
        'This organisation has already recorded adopting this innovation.',
      );
    throw err;
  }
}

type AdoptionRow = {
  id: string;
  organisation_id: string;
  organisation_name: string;
  organisation_country: string;
  case_id: string | null;
  case_title: string | null;
  tag: string | null;
  adopted_on: string;
  source_case_id: string | null;
  source_case_title: string | null;
  source_organisation_id: string | null;
  source_organisation_name: string | null;
  source_organisation_country: string | null;
  mechanism: Adoption['mechanism'];
  adaptations: string;
  relative_advantage: number | null;
  compatibility: number | null;
  complexity: number | null;
  trialability: number | null;
  observability: number | null;
  created_at: string | Date;
  member: boolean;
};

/** Adoption records (of published cases only), filtered by innovation or organisation. */
export async function listAdoptions(
  db: Db,
  viewer: Viewer,
  filter: { id?: string; case?: string; tag?: string; organisation?: string },
): Promise<Adoption[]> {
  const parts: SQL[] = [
    sql`(a.case_id is null or exists (select 1 from cases c where c.id = a.case_id and c.status = 'published'))`,
  ];
  if (filter.id) parts.push(sql`a.id = ${filter.id}`);
  if (filter.case) parts.push(sql`a.case_id = ${filter.case}`);
  if (filter.tag) parts.push(sql`a.tag = ${filter.tag.toLowerCase()}`);
  if (filter.organisation) parts.push(sql`a.organisation_id = ${filter.organisation}`);
  const uid = viewer?.user.id ?? null;
  const found = await rows<AdoptionRow>(
    db,
    sql`select a.id, a.organisation_id, o.name as organisation_name, o.country as organisation_country,
               a.case_id, c.title as case_title, a.tag, a.adopted_on::text as adopted_on,
               a.source_case_id, sc.title as source_case_title,
               a.source_organisation_id, so.name as source_organisation_name,
               so.country as source_organisation_country,
               a.mechanism, a.adaptations, a.relative_advantage, a.compatibility, a.complexity,
               a.trialability, a.observability, a.created_at,
               exists (select 1 from organisation_members m
                       where m.organisation_id = a.organisation_id and m.user_id = ${uid}) as member
        from adoptions a
        join organisations o on o.id = a.organisation_id
        left join cases c on c.id = a.case_id
        left join cases sc on sc.id = a.source_case_id and sc.status = 'published'
        left join organisations so on so.id = a.source_organisation_id
        where ${sql.join(parts, sql` and `)}
        order by a.adopted_on, a.id
        limit 2000`,
  );
  const moderator = isModerator(viewer);
  return found.map((r) => ({
    id: r.id,
    organisation: {
      id: r.organisation_id,
      name: r.organisation_name,
      country: r.organisation_country,
    },
    caseId: r.case_id,
    caseTitle: r.case_title,
    tag: r.tag,
    adoptedOn: r.adopted_on,
    sourceCase:
      r.source_case_id && r.source_case_title
        ? { id: r.source_case_id, title: r.source_case_title }
        : null,
    sourceOrganisation: r.source_organisation_id
      ? {
          id: r.source_organisation_id,
          name: r.source_organisation_name!,
          country: r.source_organisation_country!,
        }
      : null,
    mechanism: r.mechanism,
    adaptations: r.adaptations,
    relativeAdvantage: r.relative_advantage,
    compatibility: r.compatibility,
    complexity: r.complexity,
    trialability: r.trialability,
    observability: r.observability,
    createdAt: new Date(r.created_at).toISOString(),
    canDelete: moderator || r.member,
  }));
}

export async function deleteAdoption(db: Db, viewer: ActiveSession, id: string) {
  const [a] = await rows<{ organisation_id: string }>(
    db,
    sql`select organisation_id from adoptions where id = ${id}`,
  );
  if (!a) throw notFound('Adoption');
  if (!isModerator(viewer) && (await getMembership(db, a.organisation_id, viewer.user.id)) === null)
    throw forbidden('Only members of the organisation may remove what it adopted.');
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from adoptions where id = ${id}`);
    await recordAudit(tx, {
      actorId: viewer.user.id,
      action: 'adoption.delete',
      targetType: 'adoption',
      targetId: id,
    });
  });
}

// ---- who adopted when ----

/** The published cases of an innovation, as a SQL condition on `c`. */
function innovationCases(ref: InnovationRef): SQL {
  const published = sql`c.status = 'published'`;
  if (ref.case) return sql`${published} and c.id = ${ref.case}`;
  if (ref.tag)
    return sql`${published} and exists (select 1 from case_tags t where t.case_id = c.id and lower(t.tag) = ${ref.tag})`;
  if (ref.technology)
    return sql`${published} and lower(c.technology) = ${ref.technology.toLowerCase()}`;
  return published;
}

/** Adoption records of an innovation, as a SQL condition on `a`. */
function innovationAdoptions(ref: InnovationRef): SQL {
  const ofCases = sql`a.case_id in (select c.id from cases c where ${innovationCases(ref)})`;
  if (ref.tag) return sql`(a.tag = ${ref.tag} or ${ofCases})`;
  if (ref.case || ref.technology) return ofCases;
  return sql`(a.tag is not null or ${ofCases})`;
}

type Event = {
  id: string;
  label: string;
  country: string | null;
  year: number;
  via: 'case' | 'adoption';
  href: string | null;
};

/** Every adoption event of an innovation for the unit: cases (by their countries or leads) and records. */
async function adoptionEvents(db: Db, ref: InnovationRef, unit: DiffusionUnit): Promise<Event[]> {
  const caseYear = sql`coalesce(c.year_launched::int, extract(year from c.start_date)::int)`;
  const events: Event[] = [];
  if (unit === 'country') {
    const found = await rows<{ country: string; year: number }>(
      db,
      sql`select cc.country, min(${caseYear}) as year
          from cases c join case_countries cc on cc.case_id = c.id
          where ${innovationCases(ref)} and ${caseYear} is not null
          group by cc.country`,
    );
    for (const r of found)
      events.push({
        id: r.country,
        label: r.country,
        country: r.country,
        year: r.year,
        via: 'case',
        href: `/cases?country=${r.country}`,
      });
  } else {
    // An organisation adopted a case it leads (the first partner when none is marked lead).
    const found = await rows<{
      organisation_id: string | null;
      name: string;
      org_name: string | null;
      org_country: string | null;
      countries: string[] | null;
      year: number;
    }>(
      db,
      sql`select p.organisation_id, p.name, o.name as org_name, o.country as org_country,
                 (select array_agg(cc.country order by cc.country) from case_countries cc where cc.case_id = c.id) as countries,
                 ${caseYear} as year
          from cases c
          join case_partners p on p.case_id = c.id
            and (p.role = 'lead' or (p.position = (select min(position) from case_partners q where q.case_id = c.id)
                                     and not exists (select 1 from case_partners q where q.case_id = c.id and q.role = 'lead')))
          left join organisations o on o.id = p.organisation_id
          where ${innovationCases(ref)} and ${caseYear} is not null`,
    );
    for (const r of found)
      events.push({
        id: r.organisation_id ? `o:${r.organisation_id}` : partnerNodeId(r.name),
        label: r.org_name ?? r.name,
        country: r.org_country ?? (r.countries?.length === 1 ? r.countries[0]! : null),
        year: r.year,
        via: 'case',
        href: r.organisation_id ? `/organisations/${r.organisation_id}` : null,
      });
  }
  const recorded = await rows<{
    organisation_id: string;
    name: string;
    country: string;
    year: number;
  }>(
    db,
    sql`select a.organisation_id, o.name, o.country, extract(year from a.adopted_on)::int as year
        from adoptions a join organisations o on o.id = a.organisation_id
        where ${innovationAdoptions(ref)}`,
  );
  for (const r of recorded)
    events.push(
      unit === 'country'
        ? {
            id: r.country,
            label: r.country,
            country: r.country,
            year: r.year,
            via: 'adoption',
            href: `/cases?country=${r.country}`,
          }
        : {
            id: `o:${r.organisation_id}`,
            label: r.name,
            country: r.country,
            year: r.year,
            via: 'adoption',
            href: `/organisations/${r.organisation_id}`,
          },
    );
  return events;
}

/** Each unit's first adoption (a case before a record in the same year). */
function firstAdoptions(events: readonly Event[]): Event[] {
  const first = new Map<string, Event>();
  for (const e of events) {
    const seen = first.get(e.id);
    if (
      !seen ||
      e.year < seen.year ||
      (e.year === seen.year && e.via === 'case' && seen.via !== 'case')
    )
      first.set(e.id, e);
  }
  return [...first.values()].sort((a, b) => a.year - b.year || (a.label < b.label ? -1 : 1));
}

/** Cumulative adopters per year from the first to the last year with an adoption. */
export function adoptionCurve(years: readonly number[]) {
  if (years.length === 0) return [];
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  const curve: DiffusionView['curve'] = [];
  let cumulative = 0;
  for (let year = lo; year <= hi; year++) {
    const adopters = years.filter((y) => y === year).length;
    cumulative += adopters;
    curve.push({ year, adopters, cumulative });
  }
  return curve;
}

export type BassFitter = (curve: DiffusionView['curve']) => DiffusionView['bass'];

export async function diffusionView(
  db: Db,
  ref: InnovationRef,
  unit: DiffusionUnit,
  fitBass: BassFitter,
): Promise<DiffusionView> {
  if (ref.case && !(await publishedCase(db, ref.case))) throw notFound('Case');
  const adopters = firstAdoptions(await adoptionEvents(db, ref, unit));
  const curve = adoptionCurve(adopters.map((a) => a.year));
  const countries = firstAdoptions(
    unit === 'country' ? adopters : await adoptionEvents(db, ref, 'country'),
  ).map((a) => ({ country: a.id, year: a.year }));
  const flows = await rows<{ to_country: string; from_countries: string[] | null }>(
    db,
    sql`select o.country as to_country,
               case when a.source_organisation_id is not null
                    then array[so.country]
                    else (select array_agg(cc.country order by cc.country) from case_countries cc
                          join cases sc on sc.id = cc.case_id and sc.status = 'published'
                          where cc.case_id = a.source_case_id) end as from_countries
        from adoptions a
        join organisations o on o.id = a.organisation_id
        left join organisations so on so.id = a.source_organisation_id
        where ${innovationAdoptions(ref)}
          and (a.source_organisation_id is not null or a.source_case_id is not null)`,
  );
  const countryFlows = new Map<string, number>();
  const traditionFlows = new Map<string, number>();
  for (const f of flows)
    for (const from of f.from_countries ?? []) {
      const key = `${from}>${f.to_country}`;
      countryFlows.set(key, (countryFlows.get(key) ?? 0) + 1);
      const a = governanceTradition(from);
      const b = governanceTradition(f.to_country);
      if (a && b) traditionFlows.set(`${a}>${b}`, (traditionFlows.get(`${a}>${b}`) ?? 0) + 1);
    }
  const list = (m: Map<string, number>) =>
    [...m]
      .map(([k, count]) => {
        const [from, to] = k.split('>') as [string, string];
        return { from, to, count };
      })
      .sort((x, y) => y.count - x.count || (x.from + x.to < y.from + y.to ? -1 : 1));
  return {
    unit,
    curve,
    bass: fitBass(curve),
    adopters: adopters.map((a) => ({
      ...a,
      tradition: a.country ? governanceTradition(a.country) : null,
    })),
    countries,
    countryFlows: list(countryFlows),
    traditionFlows: list(traditionFlows),
  };
}

// ---- event-history analysis ----

export type EhaInput = {
  rows: ReturnType<typeof riskSet>;
  covariates: EhaCovariate[];
  reference: GovernanceTradition | undefined;
  units: number;
  firstYear: number;
  lastYear: number;
};

/**
 * The unit-year risk set of countries for an innovation: every country with a published case
 * in the library is at risk from the innovation's first year to the last year with an adoption.
 */
export async function ehaRiskSet(
  db: Db,
  ref: InnovationRef,
  covariates: EhaCovariate[],
  reference?: GovernanceTradition,
): Promise<EhaInput> {
  const adopted = new Map(
    firstAdoptions(await adoptionEvents(db, ref, 'country')).map((a) => [a.id, a.year]),
  );
  if (adopted.size === 0)
    throw badRequest('Nobody has adopted this innovation yet.', [
      { path: 'case', message: 'has no adoptions to analyse' },
    ]);
  const universe = await rows<{ country: string }>(
    db,
    sql`select distinct cc.country from case_countries cc join cases c on c.id = cc.case_id
        where c.status = 'published' order by cc.country`,
  );
  // Network neighbours: countries tied by a published case that covers both.
  const ties = await rows<{ a: string; b: string }>(
    db,
    sql`select distinct x.country as a, y.country as b
        from case_countries x join case_countries y on y.case_id = x.case_id and y.country <> x.country
        join cases c on c.id = x.case_id and c.status = 'published'`,
  );
  const network = new Map<string, string[]>();
  for (const t of ties) network.set(t.a, [...(network.get(t.a) ?? []), t.b]);
  // Coded drivers and barriers: the share of a country's coded cases with the factor so coded.
  const factorTerms = covariates.filter((c) =>
    c.includes(':'),
  ) as `${'driver' | 'barrier'}:${string}`[];
  const shares = new Map<string, Record<string, number>>();
  for (const term of factorTerms) {
    const [direction, factor] = term.split(':') as [string, string];
    const found = await rows<{ country: string; share: number }>(
      db,
      sql`select cc.country,
                 avg(case when exists (select 1 from case_codes k where k.case_id = c.id
                                       and k.factor = ${factor} and k.direction = ${direction})
                          then 1.0 else 0.0 end)::float8 as share
          from cases c join case_countries cc on cc.case_id = c.id
          where c.status = 'published' and exists (select 1 from case_codes k where k.case_id = c.id)
          group by cc.country`,
    );
    for (const r of found)
      shares.set(r.country, { ...shares.get(r.country), [term]: Number(r.share) });
  }
  const units: RiskUnit[] = universe.map(({ country }) => ({
    id: country,
    adoptedIn: adopted.get(country) ?? null,
    group: governanceTradition(country),
    neighbours: neighbours(country),
    networkNeighbours: network.get(country) ?? [],
    values: Object.fromEntries(factorTerms.map((t) => [t, shares.get(country)?.[t] ?? 0])),
  }));
  const years = [...adopted.values()];
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years);
  return {
    rows: riskSet(units, firstYear, lastYear),
    covariates,
    reference,
    units: units.length,
    firstYear,
    lastYear,
  };
}

// ---- suggestions ----

/**
 * Innovations (cases) that organisations like this one adopted — same sector, level of
 * government or governance tradition, or tied to it in the collaboration network — and that it
 * has not adopted or led itself. Only published cases; ranked by the number of similar adopters
 * and how similar they are.
 */
export async function adoptionSuggestions(
  db: Db,
  organisationId: string,
): Promise<AdoptionSuggestion[]> {
  const [org] = await rows<{
    id: string;
    sector: string | null;
    level: string | null;
    country: string;
  }>(db, sql`select id, sector, level, country from organisations where id = ${organisationId}`);
  if (!org) throw notFound('Organisation');
  const tradition = governanceTradition(org.country);
  // Who adopted which published case: adoption records, and lead partners of the case itself.
  const adopted = await rows<{
    case_id: string;
    title: string;
    organisation_id: string;
    name: string;
    sector: string | null;
    level: string | null;
    country: string;
  }>(
    db,
    sql`select x.case_id, c.title, o.id as organisation_id, o.name, o.sector, o.level, o.country
        from (select a.case_id, a.organisation_id from adoptions a where a.case_id is not null
              union
              select p.case_id, p.organisation_id from case_partners p
              where p.organisation_id is not null and p.role = 'lead') x
        join cases c on c.id = x.case_id and c.status = 'published'
        join organisations o on o.id = x.organisation_id`,
  );
  const mine = new Set(adopted.filter((a) => a.organisation_id === org.id).map((a) => a.case_id));
  // Network neighbours: organisations that partnered with it in a published case.
  const tied = new Set(
    (
      await rows<{ id: string }>(
        db,
        sql`select distinct q.organisation_id as id
            from case_partners p join case_partners q on q.case_id = p.case_id
            join cases c on c.id = p.case_id and c.status = 'published'
            where p.organisation_id = ${org.id} and q.organisation_id is not null
              and q.organisation_id <> ${org.id}`,
      )
    ).map((r) => r.id),
  );
  const byCase = new Map<string, AdoptionSuggestion>();
  for (const a of adopted) {
    if (a.organisation_id === org.id || mine.has(a.case_id)) continue;
    const reasons: AdoptionSuggestion['adopters'][number]['reasons'] = [];
    if (org.sector && a.sector === org.sector) reasons.push('sector');
    if (org.level && a.level === org.level) reasons.push('level');
    if (tradition && governanceTradition(a.country) === tradition) reasons.push('tradition');
    if (tied.has(a.organisation_id)) reasons.push('network');
    if (reasons.length === 0) continue;
    const s = byCase.get(a.case_id) ?? {
      caseId: a.case_id,
      title: a.title,
      adopters: [],
      score: 0,
    };
    if (!s.adopters.some((x) => x.id === a.organisation_id)) {
      s.adopters.push({ id: a.organisation_id, name: a.name, reasons });
      s.score += reasons.length;
    }
    byCase.set(a.case_id, s);
  }
  return [...byCase.values()]
    .sort((x, y) => y.score - x.score || (x.title < y.title ? -1 : 1))
    .slice(0, 20);
}
