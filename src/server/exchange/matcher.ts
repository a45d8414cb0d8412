/**
 * Each server keeps every open offer and request in two in-memory matching indexes (the pure
 * `MatchIndex` of src/core), loaded once and then kept current by revision: before answering,
 * it asks the database for the exchange's revision (one row) and, when it moved, loads only the
 * items written or deleted since. Several servers on one database stay correct this way.
 */
import { sql } from 'drizzle-orm';
import {
  MatchIndex,
  type ExchangeItem as CoreItem,
  type PartyKind,
} from '../../core/exchange/index.ts';
import type { ExchangeList, MatchList, MatchPart } from '../../shared/exchange.ts';
import { AnswerCache } from './answer-cache.ts';
import type { Db, Tx } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import { notify } from '../notifications/notify.ts';
import { itemVisible, type ItemRow } from '../commands/exchange.ts';

type Scope = {
  visibility: 'public' | 'organisation' | 'space';
  organisationId: string | null;
  spaceId: string | null;
  createdBy: string | null;
};

/** What the index needs of an item row (the full row of commands/exchange.ts has more). */
type LoadedRow = Pick<
  ItemRow,
  | 'id'
  | 'side'
  | 'kind'
  | 'status'
  | 'title'
  | 'description'
  | 'sectors'
  | 'country'
  | 'region'
  | 'remote'
  | 'available_from'
  | 'available_until'
  | 'hours_per_week'
  | 'duration_weeks'
  | 'amount'
  | 'currency'
  | 'capacity'
  | 'visibility'
  | 'organisation_id'
  | 'organisation_kind'
  | 'organisation_country'
  | 'space_id'
  | 'created_by'
>;

/** The organisations and spaces a signed-in viewer belongs to. */
export type ViewerScope = { userId: string; organisations: string[]; spaces: string[] };

/** A cache key part that changes whenever what the viewer may see could. */
export function scopeKey(revision: number, scope: ViewerScope | null): string {
  if (!scope) return `${revision}|-`;
  return `${revision}|${scope.userId}|${[...scope.organisations].sort().join(',')}|${[...scope.spaces].sort().join(',')}`;
}

export type FoundMatch = { id: string; score: number; parts: MatchPart[] };

const num = (v: string | number | null) => (v === null ? null : Number(v));

/** The matcher's view of an item: its party is the organisation behind it, else its creator. */
export function toCoreItem(r: LoadedRow): CoreItem {
  return {
    id: r.id,
    side: r.side,
    kind: r.kind,
    title: r.title,
    description: r.description,
    sectors: r.sectors,
    country: r.country,
    region: r.region,
    remote: r.remote,
    availableFrom: r.available_from,
    availableUntil: r.available_until,
    hoursPerWeek: num(r.hours_per_week),
    durationWeeks: r.duration_weeks,
    amount: num(r.amount),
    currency: r.currency,
    capacity: r.capacity,
    partyKey: r.organisation_id ? `o:${r.organisation_id}` : `u:${r.created_by ?? r.id}`,
    partyKind: (r.organisation_kind ?? 'person') as PartyKind,
    partyCountry: r.organisation_country ?? r.country,
  };
}

export class ExchangeMatcher {
  private readonly offers = new MatchIndex('offer');
  private readonly requests = new MatchIndex('request');
  private readonly scopes = new Map<string, Scope>();
  private revision = -1;
  private loading: Promise<void> | null = null;

  /** Answers of match and list requests, keyed on revision and viewer scope. */
  readonly matchAnswers: AnswerCache<MatchList>;
  readonly listAnswers: AnswerCache<ExchangeList>;

  constructor(
    private readonly options: { notifyThreshold: number; cacheSize?: number; today?: () => string },
  ) {
    this.matchAnswers = new AnswerCache(options.cacheSize ?? 0);
    this.listAnswers = new AnswerCache(options.cacheSize ?? 0);
  }

  private today(): string {
    return this.options.today?.() ?? new Date().toISOString().slice(0, 10);
  }

  /** Brings the indexes up to the database's revision (one small query when nothing changed). */
  async refresh(db: Db): Promise<void> {
    const [r] = await rows<{ revision: string | number }>(
      db,
      sql`select revision from exchange_revision where id = 1`,
    );
    await this.catchUp(db, Number(r!.revision));
  }

  /** Brings the indexes up to `revision`, read from the database by the caller. */
  async catchUp(db: Db, revision: number): Promise<void> {
    if (revision === this.revision) return;
    this.loading ??= this.load(db, revision).finally(() => {
      this.loading = null;
    });
    await this.loading;
    // A load that started for an older revision may have finished: go again if needed.
    if (this.revision < revision) await this.catchUp(db, revision);
  }

  private async load(db: Db, revision: number) {
    const since = this.revision;
    // Everything up to `revision` has committed (the counter row is locked until commit), and
    // these reads come after reading it, so they see all of it; a later row seen too is harmless.
    const changed = await rows<LoadedRow>(
      db,
      sql`select i.id, i.side, i.kind, i.status, i.title, i.description, i.sectors, i.country,
                 i.region, i.remote, i.available_from::text, i.available_until::text,
                 i.hours_per_week, i.duration_weeks, i.amount, i.currency, i.capacity,
                 i.visibility, i.organisation_id, o.kind as organisation_kind,
                 o.country as organisation_country, i.space_id, i.created_by
          from exchange_items i left join organisations o on o.id = i.organisation_id
          where i.rev > ${since}`,
    );
    const gone = await rows<{ id: string }>(
      db,
      sql`select id from exchange_tombstones where rev > ${since}`,
    );
    for (const row of changed) {
      this.offers.remove(row.id);
      this.requests.remove(row.id);
      this.scopes.delete(row.id);
      if (row.status !== 'open') continue;
      (row.side === 'offer' ? this.offers : this.requests).upsert(toCoreItem(row));
      this.scopes.set(row.id, {
        visibility: row.visibility,
        organisationId: row.organisation_id,
        spaceId: row.space_id,
        createdBy: row.created_by,
      });
    }
    for (const { id } of gone) {
      this.offers.remove(id);
      this.requests.remove(id);
      this.scopes.delete(id);
    }
    this.revision = Math.max(this.revision, revision);
  }

  /** How many open offers and requests the indexes hold (for tests and the benchmark). */
  get size() {
    return { offers: this.offers.size, requests: this.requests.size };
  }

  /** Who may see which indexed item: public ones, one's own, and those of one's organisations and spaces. */
  private visibleTo(scope: ViewerScope | null) {
    if (!scope) return (id: string) => this.scopes.get(id)?.visibility === 'public';
    const orgs = new Set(scope.organisations);
    const spaces = new Set(scope.spaces);
    return (id: string) => {
      const s = this.scopes.get(id);
      if (!s) return false;
      if (s.visibility === 'public' || s.createdBy === scope.userId) return true;
      return s.visibility === 'organisation' ? orgs.has(s.organisationId!) : spaces.has(s.spaceId!);
    };
  }

  /**
   * The best items on the other side for `row`, among those the viewer may see. `revision` is the
   * exchange's revision, read in the same query as `row` and the viewer's scope.
   */
  async topMatches(
    db: Db,
    row: ItemRow,
    scope: ViewerScope | null,
    revision: number,
    limit: number,
  ): Promise<FoundMatch[]> {
    await this.catchUp(db, revision);
    const index = row.side === 'request' ? this.offers : this.requests;
    return index
      .topMatches(toCoreItem(row), { limit, today: this.today(), visible: this.visibleTo(scope) })
      .map((m) => ({ id: m.item.id, score: m.score, parts: m.parts as MatchPart[] }));
  }

  /**
   * Tells the people behind open items that a new (or changed) item matches theirs strongly —
   * only those who may see the new item. Runs in the writing transaction, so the notification
   * exists exactly when the item does. The caller refreshed the indexes just before.
   */
  async notifyStrongMatches(tx: Tx, row: ItemRow): Promise<void> {
    const index = row.side === 'request' ? this.offers : this.requests;
    const found = index.topMatches(toCoreItem(row), {
      limit: 20,
      today: this.today(),
      minScore: this.options.notifyThreshold,
    });
    for (const m of found) {
      const owner = this.scopes.get(m.item.id)?.createdBy;
      if (!owner) continue;
      const [seen] = await rows<{ ok: boolean }>(
        tx,
        sql`select true as ok from exchange_items i where i.id = ${row.id} and ${itemVisible('i', owner)}`,
      );
      if (!seen) continue;
      await notify(tx, {
        userId: owner,
        kind: row.side === 'offer' ? 'exchange.match.offer' : 'exchange.match.request',
        params: {
          title: row.title,
          mine: m.item.title,
          score: String(Math.round(m.score * 100)),
        },
        link: `/exchange/${m.item.id}`,
      });
    }
  }
}
