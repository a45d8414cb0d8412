import { sql } from 'drizzle-orm';
import {
  Bitset,
  compareKeys,
  FacetIndex,
  type FacetValues,
  type SortKey,
} from '../../core/search/facet-index.ts';
import type { CaseFilters, CaseHit, FacetName, SnippetPart } from '../../shared/cases.ts';
import { FACET_NAMES } from '../../shared/cases.ts';
import {
  governanceTradition,
  type GovernanceTradition,
} from '../../shared/governance-traditions.ts';
import type { Db } from '../db/client.ts';
import { rows } from '../db/rows.ts';

/**
 * Each server's in-memory facet index of the *published* cases (drafts are never in it, so they
 * cannot show up in counts). It catches up with the database before every use: one cheap query
 * reads the highest case revision, and only the cases written since are reread. Case revisions
 * commit in order (see case-store.ts), so nothing is skipped, and several servers on one
 * PostgreSQL each see every committed write.
 */

type Row = {
  id: string;
  title: string;
  summary: string;
  illustrative: boolean;
  source: string | null;
  code_count: number;
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
};

/** What a search result shows of a case, kept in memory so a page of results needs no query. */
export type HitData = Omit<CaseHit, 'snippet'>;

/** A case matching a text query; `key` ([-rank, id]) orders by relevance and pages by keyset. */
export type RankedCase = { id: string; ordinal: number; key: SortKey };
export type TextMatches = { ranked: RankedCase[]; base: Bitset };

/** How long a server trusts its index before asking the database for newer revisions. */
export const FRESHNESS_MS = 50;

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
    coded: [r.code_count > 0 ? 'yes' : 'no'],
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
  private readonly hitData = new Map<string, HitData>();
  private checkedAt = -Infinity;
  private readonly textCache = new Map<
    string,
    TextMatches & { snippets: Map<string, SnippetPart[]> }
  >();

  private readonly answers = new Map<string, unknown>();
  private readonly cacheSize: number;

  constructor(
    private readonly db: Db,
    options: { cacheSize?: number } = {},
  ) {
    this.cacheSize = options.cacheSize ?? 1000;
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
  /** A write on this server: the next use reads the database instead of trusting the index. */
  invalidate(): void {
    this.checkedAt = -Infinity;
  }

  /** What a result list shows of a published case. */
  hit(id: string): HitData | undefined {
    return this.hitData.get(id);
  }

  async current(): Promise<FacetIndex<FacetName>> {
    // Writes through this server invalidate at once; other servers' writes show within FRESHNESS_MS.
    if (performance.now() - this.checkedAt < FRESHNESS_MS) return this.index;
    const checkedAt = performance.now();
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
    this.checkedAt = Math.max(this.checkedAt, checkedAt);
    return this.index;
  }

  private async catchUp(latest: number): Promise<void> {
    const since = this.applied;
    const deleted = await rows<{ case_id: string }>(
      this.db,
      sql`select case_id from case_deletions where revision > ${since} and revision <= ${latest}`,
    );
    for (const d of deleted) {
      this.forget(d.case_id);
    }
    const changed = await rows<Row>(
      this.db,
      sql`select c.id, c.title, c.summary, c.illustrative, c.source, c.status, c.level, c.sector, c.stage, c.maturity, c.innovation_types,
                 c.facets, c.technology, c.year_launched, c.governance_tradition, c.published_at,
                 c.revision,
                 (select array_agg(cc.country order by cc.position) from case_countries cc
                   where cc.case_id = c.id) as countries,
                 (select count(*)::int from case_codes k where k.case_id = c.id) as code_count
          from cases c
          where c.revision > ${since} and c.revision <= ${latest}
          order by c.revision`,
    );
    for (const r of changed) {
      if (r.status !== 'published') {
        this.forget(r.id);
        continue;
      }
      this.publishedAt.set(r.id, r.published_at ? new Date(r.published_at).getTime() : 0);
      this.index.put(r.id, valuesOf(r));
      this.hitData.set(r.id, {
        id: r.id,
        title: r.title,
        summary: r.summary,
        status: 'published',
        countries: r.countries ?? [],
        level: r.level as HitData['level'],
        sector: r.sector as HitData['sector'],
        maturity: r.maturity as HitData['maturity'],
        yearLaunched: r.year_launched,
        technology: r.technology,
        illustrative: r.illustrative,
        codeCount: r.code_count,
        source: r.source,
      });
    }
    this.applied = latest;
    this.textCache.clear();
    this.answers.clear();
  }

  private forget(id: string): void {
    this.index.remove(id);
    this.publishedAt.delete(id);
    this.hitData.delete(id);
  }

  /**
   * The published cases matching a text query: English stems or plain words (so Dutch and names
   * match too), best rank first, and as a bitset. Cached per query until the next case write.
   */
  async textMatches(q: string): Promise<TextMatches> {
    return this.textEntry(q);
  }

  private async textEntry(q: string) {
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
    const ranked: RankedCase[] = [];
    for (const r of found) {
      const ordinal = this.index.ordinal(r.id);
      if (ordinal !== undefined) ranked.push({ id: r.id, ordinal, key: [-Number(r.rank), r.id] });
    }
    ranked.sort((a, b) => compareKeys(a.key, b.key));
    const base = new Bitset(this.index.capacity);
    for (const r of ranked) base.set(r.ordinal);
    const entry = { ranked, base, snippets: new Map<string, SnippetPart[]>() };
    if (revision === this.applied) {
      this.textCache.set(q, entry);
      if (this.textCache.size > 200) this.textCache.delete(this.textCache.keys().next().value!);
    }
    return entry;
  }

  /** Highlighted passages of the given cases for a text query (cached with the query). */
  async snippets(q: string, ids: string[]): Promise<Map<string, SnippetPart[]>> {
    const entry = await this.textEntry(q);
    const missing = ids.filter((id) => !entry.snippets.has(id));
    if (missing.length) {
      const found = await rows<{ id: string; headline: string | null }>(
        this.db,
        sql`select c.id, ts_headline('english',
              c.summary || ' … ' || coalesce((select string_agg(s.body, ' … ') from case_sections s where s.case_id = c.id), ''),
              ${tsQuery(q)},
              ${`StartSel=${START}, StopSel=${STOP}, MaxWords=40, MinWords=18, MaxFragments=1`}) as headline
            from cases c where c.id in (${sql.join(
              missing.map((id) => sql`${id}`),
              sql`, `,
            )})`,
      );
      for (const r of found) entry.snippets.set(r.id, snippetParts(r.headline ?? ''));
    }
    return entry.snippets;
  }

  /**
   * A computed answer (a search page with its counts, a comparison), kept until the next case
   * write: the same search asked again costs a map lookup. Call after `current()`.
   */
  async answer<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.answers.get(key);
    if (hit !== undefined) {
      this.answers.delete(key);
      this.answers.set(key, hit);
      return hit as T;
    }
    const revision = this.applied;
    const value = await compute();
    if (this.cacheSize > 0 && revision === this.applied) {
      this.answers.set(key, value);
      if (this.answers.size > this.cacheSize)
        this.answers.delete(this.answers.keys().next().value!);
    }
    return value;
  }

  /** A bitset of the given ids in the index's ordinals. */
  bitsetOf(ids: Iterable<string>): Bitset {
    return this.index.bitsetOf(ids);
  }
}

const START = '\u0002';
const STOP = '\u0003';

/** Splits ts_headline output with our markers into highlighted parts. */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = headline.replace(/\s+/g, ' ').trim();
  while (rest.length) {
    const a = rest.indexOf(START);
    if (a < 0) {
      parts.push({ text: rest, hit: false });
      break;
    }
    if (a > 0) parts.push({ text: rest.slice(0, a), hit: false });
    const b = rest.indexOf(STOP, a + 1);
    const end = b < 0 ? rest.length : b;
    parts.push({ text: rest.slice(a + 1, end), hit: true });
    rest = b < 0 ? '' : rest.slice(b + 1);
  }
  return parts.filter((p) => p.text.length > 0);
}

/** The text query: English stems OR plain words, from web-search syntax ("quotes", -not, or). */
export function tsQuery(q: string) {
  return sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('simple', ${q}))`;
}
