import { sql } from 'drizzle-orm';
import type { Bitset } from '../../core/search/facet-index.ts';
import { FacetIndex, type FacetValues } from '../../core/search/facet-index.ts';
import type { CaseFilters, FacetName } from '../../shared/cases.ts';
import { FACET_NAMES } from '../../shared/cases.ts';
import {
  governanceTradition,
  type GovernanceTradition,
} from '../../shared/governance-traditions.ts';
import type { Db } from '../db/client.ts';

/**
 * Each server's in-memory facet index of the *published* cases (drafts are never in it, so they
 * cannot show up in counts). It catches up with the database before every use: one cheap query
 * reads the highest case revision, and only the cases written since are reread. Case revisions
 * commit in order (see case-store.ts), so nothing is skipped, and several servers on one
 * PostgreSQL each see every committed write.
 */

type Row = {
  id: string;
  status: string;
  level: string | null;
  sector: string | null;
  stage: string | null;
  maturity: string | null;
  innovation_types: string[];
  facets: string[];
  technology: string | null;
  year_launched: number | null;
  governance_tradition: string | null;
  published_at: string | Date | null;
  revision: string | number;
  countries: string[] | null;
  coded: boolean;
};

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const r = (await db.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}

const list = (v: string | null | undefined) => (v ? [v] : []);

/** The traditions a case belongs to: its override, or those of its countries. */
export function caseTraditions(
  countries: readonly string[],
  override: string | null,
): GovernanceTradition[] {
  if (override) return [override as GovernanceTradition];
  const out = new Set<GovernanceTradition>();
  for (const c of countries) {
    const t = governanceTradition(c);
    if (t) out.add(t);
  }
  return [...out];
}

function valuesOf(r: Row): FacetValues<FacetName> {
  const countries = r.countries ?? [];
  return {
    country: countries,
    tradition: caseTraditions(countries, r.governance_tradition),
    level: list(r.level),
    sector: list(r.sector),
    stage: list(r.stage),
    maturity: list(r.maturity),
    innovationType: r.innovation_types ?? [],
    facet: r.facets ?? [],
    technology: list(r.technology),
    year: r.year_launched == null ? [] : [String(r.year_launched)],
    coded: [r.coded ? 'yes' : 'no'],
  };
}

/** The index's filters from the API's: the year range becomes the years it covers. */
export function indexFilters(
  f: CaseFilters,
  yearsPresent: Iterable<string>,
): Partial<Record<FacetName, string[]>> {
  const out: Partial<Record<FacetName, string[]>> = {
    country: f.country,
    tradition: f.tradition,
    level: f.level,
    sector: f.sector,
    stage: f.stage,
    maturity: f.maturity,
    innovationType: f.innovationType,
    facet: f.facet,
    technology: f.technology,
    coded: f.coded ? [f.coded] : undefined,
  };
  if (f.yearFrom !== undefined || f.yearTo !== undefined) {
    const from = f.yearFrom ?? -Infinity;
    const to = f.yearTo ?? Infinity;
    // An empty range still filters: a value no case has.
    out.year = [...yearsPresent].filter((y) => Number(y) >= from && Number(y) <= to);
    if (out.year.length === 0) out.year = ['none'];
  }
  return out;
}

export class CaseIndex {
  private readonly index: FacetIndex<FacetName>;
  private readonly publishedAt = new Map<string, number>();
  private applied = -1;
  private catchingUp: Promise<void> | null = null;
  private readonly textCache = new Map<string, Map<string, number>>();

  constructor(private readonly db: Db) {
    this.index = new FacetIndex<FacetName>({
      facets: FACET_NAMES,
      sorts: {
        // Newest first: published most recently, then id.
        newest: (d) => [-(this.publishedAt.get(d.id) ?? 0), d.id],
        // Year launched, latest first; cases without a year last.
        year: (d) => {
          const y = d.values.year[0];
          return y === undefined ? [1, 0, d.id] : [0, -Number(y), d.id];
        },
      },
    });
  }

  /** The highest revision the index reflects. */
  get revision(): number {
    return this.applied;
  }

  /** Brings the index up to date with every committed case write, then returns it. */
  async current(): Promise<FacetIndex<FacetName>> {
    const [head] = await rows<{ c: string | number | null; d: string | number | null }>(
      this.db,
      sql`select (select max(revision) from cases) as c, (select max(revision) from case_deletions) as d`,
    );
    const latest = Math.max(Number(head?.c ?? 0), Number(head?.d ?? 0));
    // One catch-up at a time; a request that wants a later revision waits, then runs its own.
    while (this.applied < latest) {
      this.catchingUp ??= this.catchUp(latest).finally(() => {
        this.catchingUp = null;
      });
      await this.catchingUp;
    }
    return this.index;
  }

  private async catchUp(latest: number): Promise<void> {
    const since = this.applied;
    const deleted = await rows<{ case_id: string }>(
      this.db,
      sql`select case_id from case_deletions where revision > ${since} and revision <= ${latest}`,
    );
    for (const d of deleted) {
      this.index.remove(d.case_id);
      this.publishedAt.delete(d.case_id);
    }
    const changed = await rows<Row>(
      this.db,
      sql`select c.id, c.status, c.level, c.sector, c.stage, c.maturity, c.innovation_types,
                 c.facets, c.technology, c.year_launched, c.governance_tradition, c.published_at,
                 c.revision,
                 (select array_agg(cc.country order by cc.position) from case_countries cc
                   where cc.case_id = c.id) as countries,
                 exists (select 1 from case_codes k where k.case_id = c.id) as coded
          from cases c
          where c.revision > ${since} and c.revision <= ${latest}
          order by c.revision`,
    );
    for (const r of changed) {
      if (r.status !== 'published') {
        this.index.remove(r.id);
        this.publishedAt.delete(r.id);
        continue;
      }
      this.publishedAt.set(r.id, r.published_at ? new Date(r.published_at).getTime() : 0);
      this.index.put(r.id, valuesOf(r));
    }
    this.applied = latest;
    this.textCache.clear();
  }

  /**
   * The published cases matching a text query with their rank: English stems or plain words
   * (so Dutch and names match too). Cached per query until the next case write.
   */
  async textMatches(q: string): Promise<Map<string, number>> {
    const revision = this.applied;
    const cached = this.textCache.get(q);
    if (cached) {
      this.textCache.delete(q);
      this.textCache.set(q, cached);
      return cached;
    }
    const found = await rows<{ id: string; rank: number }>(
      this.db,
      sql`select id, ts_rank(search, ${tsQuery(q)}) as rank from cases
          where status = 'published' and search @@ ${tsQuery(q)}`,
    );
    const out = new Map(found.map((r) => [r.id, Number(r.rank)]));
    if (revision === this.applied) {
      this.textCache.set(q, out);
      if (this.textCache.size > 200) this.textCache.delete(this.textCache.keys().next().value!);
    }
    return out;
  }

  /** A bitset of the given ids in the index's ordinals. */
  bitsetOf(ids: Iterable<string>): Bitset {
    return this.index.bitsetOf(ids);
  }
}

/** The text query: English stems OR plain words, from web-search syntax ("quotes", -not, or). */
export function tsQuery(q: string) {
  return sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('simple', ${q}))`;
}
