/**
 * How responsive organisations are to the needs they are responsible for. Definitions (also on
 * the page): days are counted from a need's posting to the first time it reached a status;
 * medians are over the needs that reached it; "answered within 30 days" counts needs
 * acknowledged or declined within 30 days of posting, out of the needs posted at least 30 days
 * before the moment of the figures. Merged and hidden needs do not count.
 */
import { sql, type SQL } from 'drizzle-orm';
import type {
  Responsiveness,
  ResponsivenessFigures,
  ResponsivenessRanking,
} from '../../shared/needs.ts';
import type { Db } from '../db/client.ts';
import { rows } from '../db/rows.ts';
import { notFound } from '../errors.ts';

const days = (at: SQL) => sql`extract(epoch from (${at} - n.created_at)) / 86400.0`;
const median = (at: SQL) =>
  sql`percentile_cont(0.5) within group (order by ${days(at)}) filter (where ${at} is not null)`;

function aggregates(asOf: string) {
  const answered = sql`least(n.acknowledged_at, n.declined_at)`;
  const due = sql`n.created_at <= ${asOf}::timestamptz - interval '30 days'`;
  return sql`count(*)::int as needs,
    ${median(sql`n.acknowledged_at`)} as to_acknowledged,
    ${median(sql`n.addressed_at`)} as to_addressed,
    ${median(sql`n.resolved_at`)} as to_resolved,
    (count(*) filter (where ${due} and ${answered} <= n.created_at + interval '30 days'))::int as answered,
    (count(*) filter (where ${due}))::int as due`;
}

type AggregateRow = {
  needs: number;
  to_acknowledged: number | string | null;
  to_addressed: number | string | null;
  to_resolved: number | string | null;
  answered: number;
  due: number;
};

const num = (v: number | string | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);

function figures(r: AggregateRow) {
  return {
    needs: r.needs,
    medianDaysToAcknowledged: num(r.to_acknowledged),
    medianDaysToAddressed: num(r.to_addressed),
    medianDaysToResolved: num(r.to_resolved),
    answeredWithin30Days: r.answered,
    dueFor30Days: r.due,
    shareAnsweredWithin30Days: r.due ? r.answered / r.due : null,
  };
}

const counted = (asOf: string) =>
  sql`n.merged_into_id is null and n.hidden_at is null and n.created_at <= ${asOf}::timestamptz`;

async function figuresFor(db: Db, scope: SQL, asOf: string): Promise<ResponsivenessFigures> {
  const [all] = await rows<AggregateRow>(
    db,
    sql`select ${aggregates(asOf)} from needs n where ${counted(asOf)} and ${scope}`,
  );
  const months = await rows<AggregateRow & { month: string }>(
    db,
    sql`select to_char(date_trunc('month', n.created_at at time zone 'UTC'), 'YYYY-MM') as month, ${aggregates(asOf)}
        from needs n where ${counted(asOf)} and ${scope}
        group by 1 order by 1`,
  );
  return {
    ...figures(all!),
    byMonth: months.map((m) => ({
      month: m.month,
      needs: m.needs,
      answeredWithin30Days: m.answered,
      dueFor30Days: m.due,
      medianDaysToAcknowledged: num(m.to_acknowledged),
    })),
  };
}

/** The figures of one organisation (the needs it is responsible for). */
export async function organisationResponsiveness(
  db: Db,
  organisationId: string,
  asOf = new Date(),
): Promise<Responsiveness> {
  const [org] = await rows<{ id: string; name: string }>(
    db,
    sql`select id, name from organisations where id = ${organisationId}`,
  );
  if (!org) throw notFound('Organisation');
  const at = asOf.toISOString();
  return {
    organisation: org,
    figures: await figuresFor(db, sql`n.responsible_organisation_id = ${organisationId}`, at),
    asOf: at,
  };
}

/** The figures over every need with a responsible organisation, and per organisation. */
export async function responsivenessRanking(
  db: Db,
  asOf = new Date(),
): Promise<ResponsivenessRanking> {
  const at = asOf.toISOString();
  const per = await rows<AggregateRow & { id: string; name: string }>(
    db,
    sql`select o.id, o.name, ${aggregates(at)}
        from needs n join organisations o on o.id = n.responsible_organisation_id
        where ${counted(at)}
        group by o.id, o.name order by count(*) desc, o.name limit 200`,
  );
  return {
    overall: await figuresFor(db, sql`n.responsible_organisation_id is not null`, at),
    organisations: per.map((r) => ({
      organisation: { id: r.id, name: r.name },
      figures: figures(r),
    })),
    asOf: at,
  };
}

/**
 * Responsiveness figures are aggregates over every need: each server recomputes them at most
 * every `ttlMs` (the answer says as of when), and concurrent requests share one computation.
 */
export class ResponsivenessCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();
  constructor(private readonly ttlMs: number) {}

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return compute();
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const value = compute();
    this.entries.set(key, { at: Date.now(), value });
    value.catch(() => this.entries.delete(key));
    if (this.entries.size > 1000) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
