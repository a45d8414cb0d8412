/**
 * The collaboration network read from the database: nodes and weighted ties for one mode and
 * one set of filters, holding only what the viewer may see (published cases, plus the drafts
 * the viewer may edit).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { NetworkMode, NetworkNodeKind, NetworkQuery, TieKind } from '../../shared/network.ts';
import { MODE_TIE_KINDS } from '../../shared/network.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import { isModerator } from '../commands/cases.ts';

export interface RawNode {
  id: string;
  label: string;
  kind: NetworkNodeKind;
  href: string | null;
  country: string | null;
  sector: string | null;
}

export interface RawEdge {
  source: string;
  target: string;
  weight: number;
  kinds: TieKind[];
}

export interface RawNetwork {
  mode: NetworkMode;
  tieKinds: TieKind[];
  nodes: RawNode[];
  edges: RawEdge[];
  /** Groups (organisations, cases) too large to expand into all pairs; left out of the ties. */
  skippedGroups: { label: string; size: number }[];
}

/** A group of more people than this (an organisation's members, a case's people) is not expanded into every pair. */
export const MAX_GROUP = 150;

/** The drafts the viewer may see: their own, their lead organisations', or all for moderators. */
export async function visibleDraftIds(db: Db, viewer: ActiveSession | null): Promise<string[]> {
  if (!viewer) return [];
  const found = await rows<{ id: string }>(
    db,
    isModerator(viewer)
      ? sql`select id from cases where status <> 'published' order by id`
      : sql`select c.id from cases c
            where c.status <> 'published'
              and (c.author_id = ${viewer.user.id}
                   or exists (select 1 from case_partners p
                              join organisation_members m on m.organisation_id = p.organisation_id
                              where p.case_id = c.id and p.role = 'lead' and m.user_id = ${viewer.user.id}))
            order by c.id`,
  );
  return found.map((r) => r.id);
}

/** The cases whose ties count: visible to the viewer and within the filters. */
function caseFilter(query: NetworkQuery, drafts: readonly string[]): SQL {
  const parts: SQL[] = [
    drafts.length
      ? sql`(c.status = 'published' or c.id in (${sql.join(
          drafts.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}))`
      : sql`c.status = 'published'`,
  ];
  const year = sql`coalesce(c.year_launched::int, extract(year from c.start_date)::int, extract(year from c.created_at)::int)`;
  if (query.yearFrom !== undefined) parts.push(sql`${year} >= ${query.yearFrom}`);
  if (query.yearTo !== undefined) parts.push(sql`${year} <= ${query.yearTo}`);
  if (query.country?.length)
    parts.push(
      sql`exists (select 1 from case_countries cc where cc.case_id = c.id and cc.country in (${sql.join(
        query.country.map((x) => sql`${x}`),
        sql`, `,
      )}))`,
    );
  if (query.sector?.length)
    parts.push(
      sql`c.sector in (${sql.join(
        query.sector.map((x) => sql`${x}`),
        sql`, `,
      )})`,
    );
  return sql.join(parts, sql` and `);
}

/** Accumulates undirected weighted ties, one per unordered pair. */
class TieSet {
  private ties = new Map<string, RawEdge>();
  add(a: string, b: string, kind: TieKind, weight = 1): void {
    if (a === b) return;
    const [s, t] = a < b ? [a, b] : [b, a];
    const key = `${s}\u0000${t}`;
    const tie = this.ties.get(key);
    if (!tie) this.ties.set(key, { source: s, target: t, weight, kinds: [kind] });
    else {
      tie.weight += weight;
      if (!tie.kinds.includes(kind)) tie.kinds.push(kind);
    }
  }
  /** Every pair of a group (a case's partners, an organisation's members). */
  addGroup(members: readonly string[], kind: TieKind): void {
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) this.add(members[i]!, members[j]!, kind);
  }
  list(): RawEdge[] {
    return [...this.ties.values()].sort((x, y) =>
      x.source === y.source ? cmp(x.target, y.target) : cmp(x.source, y.source),
    );
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The most frequent value (ties broken alphabetically), or null. */
function mode(counts: Map<string, number> | undefined): string | null {
  if (!counts) return null;
  let best: string | null = null;
  let n = 0;
  for (const [value, c] of counts)
    if (c > n || (c === n && best !== null && value < best)) [best, n] = [value, c];
  return best;
}

function count(map: Map<string, Map<string, number>>, id: string, value: string | null): void {
  if (value === null) return;
  let m = map.get(id);
  if (!m) map.set(id, (m = new Map()));
  m.set(value, (m.get(value) ?? 0) + 1);
}

/** A named partner's node id: its name, case and spacing folded, so the same name is one node. */
export function partnerNodeId(name: string): string {
  return `p:${name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

type PartnerRow = {
  case_id: string;
  name: string;
  organisation_id: string | null;
  org_name: string | null;
  kind: NetworkNodeKind | null;
  org_country: string | null;
  org_sector: string | null;
  case_sector: string | null;
  countries: string[] | null;
};

/**
 * Adoption ties: the adopting organisation and whom it learned from (an organisation, or the
 * lead partners of a case). Adoptions of visible cases or of tags, within the filters.
 */
async function adoptionTies(db: Db, where: SQL, query: NetworkQuery) {
  const parts: SQL[] = [
    sql`(a.case_id is null or exists (select 1 from cases c where c.id = a.case_id and ${where}))`,
  ];
  if (query.yearFrom !== undefined)
    parts.push(sql`extract(year from a.adopted_on)::int >= ${query.yearFrom}`);
  if (query.yearTo !== undefined)
    parts.push(sql`extract(year from a.adopted_on)::int <= ${query.yearTo}`);
  return rows<{
    adopter_id: string;
    adopter_name: string;
    adopter_kind: NetworkNodeKind;
    adopter_country: string;
    adopter_sector: string | null;
    source_org_id: string | null;
    source_name: string | null;
    source_kind: NetworkNodeKind | null;
    source_country: string | null;
    source_sector: string | null;
    source_countries: string[] | null;
  }>(
    db,
    sql`select o.id as adopter_id, o.name as adopter_name, o.kind as adopter_kind,
               o.country as adopter_country, o.sector as adopter_sector,
               coalesce(so.id, p.organisation_id) as source_org_id,
               coalesce(so.name, po.name, p.name) as source_name,
               coalesce(so.kind, po.kind) as source_kind,
               coalesce(so.country, po.country) as source_country,
               coalesce(so.sector, po.sector) as source_sector,
               (select array_agg(cc.country order by cc.country) from case_countries cc
                where cc.case_id = a.source_case_id) as source_countries
        from adoptions a
        join organisations o on o.id = a.organisation_id
        left join organisations so on so.id = a.source_organisation_id
        left join cases sc on sc.id = a.source_case_id and a.source_organisation_id is null
        left join case_partners p on p.case_id = sc.id and p.role = 'lead'
        left join organisations po on po.id = p.organisation_id
        where (a.source_organisation_id is not null
               or (a.source_case_id is not null and exists (select 1 from cases c where c.id = a.source_case_id and ${where})))
          and ${sql.join(parts, sql` and `)}`,
  );
}

async function organisationNetwork(db: Db, where: SQL, query: NetworkQuery): Promise<RawNetwork> {
  const kinds = query.tie?.length ? query.tie : MODE_TIE_KINDS.organisations;
  const partners = !kinds.includes('case')
    ? []
    : await rows<PartnerRow>(
        db,
        sql`select p.case_id, p.name, p.organisation_id, o.name as org_name, o.kind,
               o.country as org_country, o.sector as org_sector, c.sector as case_sector,
               (select array_agg(cc.country order by cc.country) from case_countries cc where cc.case_id = c.id) as countries
        from case_partners p
        join cases c on c.id = p.case_id
        left join organisations o on o.id = p.organisation_id
        where ${where}
        order by p.case_id, p.position`,
      );
  const nodes = new Map<string, RawNode>();
  const countries = new Map<string, Map<string, number>>();
  const sectors = new Map<string, Map<string, number>>();
  const byCase = new Map<string, string[]>();
  for (const p of partners) {
    const id = p.organisation_id ? `o:${p.organisation_id}` : partnerNodeId(p.name);
    if (!nodes.has(id))
      nodes.set(
        id,
        p.organisation_id
          ? {
              id,
              label: p.org_name ?? p.name,
              kind: p.kind ?? 'public_body',
              href: `/organisations/${p.organisation_id}`,
              country: p.org_country,
              sector: p.org_sector,
            }
          : { id, label: p.name, kind: 'partner', href: null, country: null, sector: null },
      );
    if (!p.organisation_id) {
      // A named partner's country and sector: those of its cases (single-country cases only).
      if (p.countries?.length === 1) count(countries, id, p.countries[0]!);
      count(sectors, id, p.case_sector);
    }
    const list = byCase.get(p.case_id) ?? [];
    if (!list.includes(id)) list.push(id);
    byCase.set(p.case_id, list);
  }
  for (const node of nodes.values())
    if (node.kind === 'partner') {
      node.country = mode(countries.get(node.id));
      node.sector = mode(sectors.get(node.id));
    }
  const ties = new TieSet();
  for (const members of byCase.values()) ties.addGroup(members, 'case');
  if (kinds.includes('adoption'))
    for (const a of await adoptionTies(db, where, query)) {
      const adopter = `o:${a.adopter_id}`;
      const source = a.source_org_id
        ? `o:${a.source_org_id}`
        : a.source_name
          ? partnerNodeId(a.source_name)
          : null;
      if (!source) continue;
      if (!nodes.has(adopter))
        nodes.set(adopter, {
          id: adopter,
          label: a.adopter_name,
          kind: a.adopter_kind,
          href: `/organisations/${a.adopter_id}`,
          country: a.adopter_country,
          sector: a.adopter_sector,
        });
      if (!nodes.has(source))
        nodes.set(
          source,
          a.source_org_id
            ? {
                id: source,
                label: a.source_name!,
                kind: a.source_kind ?? 'public_body',
                href: `/organisations/${a.source_org_id}`,
                country: a.source_country,
                sector: a.source_sector,
              }
            : {
                id: source,
                label: a.source_name!,
                kind: 'partner',
                href: null,
                country: a.source_countries?.length === 1 ? a.source_countries[0]! : null,
                sector: null,
              },
        );
      ties.add(adopter, source, 'adoption');
    }
  return {
    mode: 'organisations',
    tieKinds: [...kinds],
    nodes: [...nodes.values()].sort((a, b) => cmp(a.id, b.id)),
    edges: ties.list(),
    skippedGroups: [],
  };
}

async function countryNetwork(db: Db, where: SQL, query: NetworkQuery): Promise<RawNetwork> {
  const kinds = query.tie?.length ? query.tie : MODE_TIE_KINDS.countries;
  const found = !kinds.includes('case')
    ? []
    : await rows<{ case_id: string; country: string; sector: string | null }>(
        db,
        sql`select cc.case_id, cc.country, c.sector
        from case_countries cc join cases c on c.id = cc.case_id
        where ${where}
        order by cc.case_id, cc.country`,
      );
  const nodes = new Map<string, RawNode>();
  const sectors = new Map<string, Map<string, number>>();
  const byCase = new Map<string, string[]>();
  for (const r of found) {
    const id = `c:${r.country}`;
    if (!nodes.has(id))
      nodes.set(id, {
        id,
        label: r.country,
        kind: 'country',
        href: `/cases?country=${r.country}`,
        country: r.country,
        sector: null,
      });
    count(sectors, id, r.sector);
    const list = byCase.get(r.case_id) ?? [];
    list.push(id);
    byCase.set(r.case_id, list);
  }
  for (const node of nodes.values()) node.sector = mode(sectors.get(node.id));
  const ties = new TieSet();
  for (const members of byCase.values()) ties.addGroup(members, 'case');
  if (kinds.includes('adoption'))
    for (const a of await adoptionTies(db, where, query)) {
      const to = a.adopter_country;
      const from = a.source_country ? [a.source_country] : (a.source_countries ?? []);
      for (const c of [to, ...from])
        if (!nodes.has(`c:${c}`))
          nodes.set(`c:${c}`, {
            id: `c:${c}`,
            label: c,
            kind: 'country',
            href: `/cases?country=${c}`,
            country: c,
            sector: null,
          });
      for (const f of from) ties.add(`c:${f}`, `c:${to}`, 'adoption');
    }
  return {
    mode: 'countries',
    tieKinds: [...kinds],
    nodes: [...nodes.values()].sort((a, b) => cmp(a.id, b.id)),
    edges: ties.list(),
    skippedGroups: [],
  };
}

type PersonGroupRow = { group_id: string; group_label: string; user_id: string };

async function peopleNetwork(db: Db, where: SQL, query: NetworkQuery): Promise<RawNetwork> {
  const kinds = query.tie?.length ? query.tie : MODE_TIE_KINDS.people;
  const groups: { kind: TieKind; rows: PersonGroupRow[] }[] = [];
  if (kinds.includes('case'))
    groups.push({
      kind: 'case',
      // The people of a case: its author and the members of its partner organisations.
      rows: await rows<PersonGroupRow>(
        db,
        sql`select c.id as group_id, c.title as group_label, x.user_id
            from cases c
            join lateral (
              select c.author_id as user_id where c.author_id is not null
              union
              select m.user_id from case_partners p
              join organisation_members m on m.organisation_id = p.organisation_id
              where p.case_id = c.id
            ) x on true
            join users u on u.id = x.user_id and u.erased_at is null
            where ${where}
            order by c.id, x.user_id`,
      ),
    });
  if (kinds.includes('coding'))
    groups.push({
      kind: 'coding',
      rows: await rows<PersonGroupRow>(
        db,
        sql`select distinct c.id as group_id, c.title as group_label, k.coder_id as user_id
            from case_codes k
            join cases c on c.id = k.case_id
            join users u on u.id = k.coder_id and u.erased_at is null
            where ${where}
            order by c.id, k.coder_id`,
      ),
    });
  if (kinds.includes('membership')) {
    const parts: SQL[] = [sql`u.erased_at is null`];
    if (query.yearTo !== undefined)
      parts.push(sql`extract(year from m.created_at)::int <= ${query.yearTo}`);
    if (query.country?.length)
      parts.push(
        sql`o.country in (${sql.join(
          query.country.map((x) => sql`${x}`),
          sql`, `,
        )})`,
      );
    if (query.sector?.length)
      parts.push(
        sql`o.sector in (${sql.join(
          query.sector.map((x) => sql`${x}`),
          sql`, `,
        )})`,
      );
    groups.push({
      kind: 'membership',
      rows: await rows<PersonGroupRow>(
        db,
        sql`select o.id as group_id, o.name as group_label, m.user_id
            from organisation_members m
            join organisations o on o.id = m.organisation_id
            join users u on u.id = m.user_id
            where ${sql.join(parts, sql` and `)}
            order by o.id, m.user_id`,
      ),
    });
  }
  if (kinds.includes('group'))
    groups.push({
      kind: 'group',
      // Working groups: only public ones, whose members everyone may see.
      rows: await rows<PersonGroupRow>(
        db,
        sql`select g.id as group_id, g.name as group_label, m.user_id
            from group_members m
            join groups g on g.id = m.group_id and g.visibility = 'public'
            join users u on u.id = m.user_id and u.erased_at is null
            ${query.yearTo === undefined ? sql`` : sql`where extract(year from m.created_at)::int <= ${query.yearTo}`}
            order by g.id, m.user_id`,
      ),
    });
  const people = new Set<string>();
  const ties = new TieSet();
  const skippedGroups: RawNetwork['skippedGroups'] = [];
  for (const { kind, rows: found } of groups) {
    let i = 0;
    while (i < found.length) {
      const groupId = found[i]!.group_id;
      const label = found[i]!.group_label;
      const members: string[] = [];
      for (; i < found.length && found[i]!.group_id === groupId; i++) {
        const id = `u:${found[i]!.user_id}`;
        if (!members.includes(id)) members.push(id);
        people.add(id);
      }
      if (members.length > MAX_GROUP) skippedGroups.push({ label, size: members.length });
      else ties.addGroup(members, kind);
    }
  }
  // Each person's country and sector: those of the organisation they joined first.
  const ids = [...people].map((id) => id.slice(2));
  const details = ids.length
    ? await rows<{ id: string; name: string; country: string | null; sector: string | null }>(
        db,
        sql`select u.id, u.name, o.country, o.sector
            from users u
            left join lateral (
              select o.country, o.sector from organisation_members m
              join organisations o on o.id = m.organisation_id
              where m.user_id = u.id order by m.created_at, o.id limit 1
            ) o on true
            where u.id in (${sql.join(
              ids.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`,
      )
    : [];
  const nodes: RawNode[] = details
    .map((d) => ({
      id: `u:${d.id}`,
      label: d.name,
      kind: 'person' as const,
      href: null,
      country: d.country,
      sector: d.sector,
    }))
    .sort((a, b) => cmp(a.id, b.id));
  return { mode: 'people', tieKinds: [...kinds], nodes, edges: ties.list(), skippedGroups };
}

/** The network for one query, as the viewer may see it (`drafts`: from {@link visibleDraftIds}). */
export async function loadNetwork(
  db: Db,
  query: NetworkQuery,
  drafts: readonly string[],
): Promise<RawNetwork> {
  const where = caseFilter(query, drafts);
  if (query.nodes === 'people') return peopleNetwork(db, where, query);
  if (query.nodes === 'countries') return countryNetwork(db, where, query);
  return organisationNetwork(db, where, query);
}

/**
 * What the network is built from, as one string that changes with any write to it: case
 * revisions and deletions, organisations, memberships, codes, accounts, adoptions and working
 * groups (their visibility and members).
 */
export async function networkDataVersion(db: Db): Promise<string> {
  const [v] = await rows<Record<string, string | number | null>>(
    db,
    sql`select
          (select coalesce(max(revision), 0) from cases) as cases,
          (select count(*) from cases) as case_count,
          (select count(*) || '/' || coalesce(max(updated_at)::text, '') from organisations) as orgs,
          (select count(*) || '/' || coalesce(max(created_at)::text, '') from organisation_members) as members,
          (select count(*) || '/' || coalesce(max(created_at)::text, '') from case_codes) as codes,
          (select count(*) || '/' || coalesce(max(updated_at)::text, '') from users) as users,
          (select count(*) || '/' || coalesce(max(created_at)::text, '') from adoptions) as adoptions,
          (select count(*) || '/' || coalesce(max(updated_at)::text, '') from groups) as groups,
          (select count(*) || '/' || coalesce(max(created_at)::text, '') from group_members) as group_members`,
  );
  return Object.values(v!).join('|');
}
