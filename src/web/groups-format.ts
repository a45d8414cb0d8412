/**
 * Small pure helpers of the working-group pages: file sizes and the upload limit, addresses
 * pasted for the library, mentions in Markdown, the order of a thread's posts, months of
 * activity and the policy–academia mix in words.
 */

/** The largest document the library takes (the server's limit too): 10 MiB. */
export const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

/** What the file input suggests; the server judges by content, not by name. */
export const UPLOAD_ACCEPT =
  '.pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.png,.jpg,.jpeg,.txt,.csv,.md,application/pdf,image/png,image/jpeg,text/plain,text/csv,text/markdown';

/**
 * A size in bytes as people read it: bytes, KiB or MiB (binary units, as the limit is).
 *
 * @example
 * formatFileSize(2_621_440, 'en'); // '2.5 MiB'
 * formatFileSize(2_621_440, 'nl'); // '2,5 MiB'
 */
export function formatFileSize(bytes: number, lang: string): string {
  const number = (n: number, digits: number) =>
    new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(n);
  if (bytes < 1024) return `${number(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 0)} KiB`;
  return `${number(bytes / (1024 * 1024), 1)} MiB`;
}

export type UploadProblem = 'empty' | 'mismatch' | 'forbiddenType';

/**
 * What is wrong with a refused upload, from the server's message (its 400 names no code): an
 * empty file, a name that claims another type, or a type that is not allowed.
 */
export function uploadProblem(message: string): UploadProblem {
  if (/is empty/i.test(message)) return 'empty';
  if (/is named \.\w+ but its content/i.test(message)) return 'mismatch';
  return 'forbiddenType';
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The id in a pasted address of this site (`…/cases/<id>`) or the bare id; null otherwise.
 *
 * @example
 * idFromAddress('https://connective.eu/cases/0d1e…-…', 'cases'); // '0d1e…-…'
 * idFromAddress('/qca/analyses/0d1e…-…', 'qca/analyses'); // '0d1e…-…'
 */
export function idFromAddress(text: string, path: string): string | null {
  const value = text.trim();
  const bare = new RegExp(`^${UUID.source}$`, 'i');
  if (bare.test(value)) return value.toLowerCase();
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const inPath = new RegExp(`(?:^|/)${escaped}/(${UUID.source})(?:[/?#]|$)`, 'i').exec(value);
  return inPath ? inPath[1]!.toLowerCase() : null;
}

/**
 * The Markdown that mentions a member: `@[Name](user:<id>)`. The name loses brackets and line
 * breaks and is cut at 100 characters, as the server's renderer wants.
 *
 * @example
 * mentionMarkdown('Ana [NL]', 'c0ffee00-0000-4000-8000-000000000001');
 * // '@[Ana NL](user:c0ffee00-0000-4000-8000-000000000001)'
 */
export function mentionMarkdown(name: string, userId: string): string {
  const clean =
    name
      .replace(/[[\]\r\n]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 100)
      .trim() || '?';
  return `@[${clean}](user:${userId})`;
}

/**
 * `text` put in place of `value`'s selection (`start`–`end`), with a space before it when it
 * would touch a word and one after; the caret goes after it.
 *
 * @example
 * insertAtCursor('Hello world', 6, 6, '@[Ana](user:…)');
 * // { value: 'Hello @[Ana](user:…) world', caret: 21 }
 */
export function insertAtCursor(
  value: string,
  start: number,
  end: number,
  text: string,
): { value: string; caret: number } {
  const from = Math.max(0, Math.min(start, value.length));
  const to = Math.max(from, Math.min(end, value.length));
  const before = value.slice(0, from);
  const after = value.slice(to);
  const lead = before === '' || /\s$/.test(before) ? '' : ' ';
  const trail = after.startsWith(' ') ? '' : ' ';
  const inserted = `${lead}${text}${trail}`;
  return { value: before + inserted + after, caret: before.length + inserted.length };
}

/** A post in thread order: how deep it sits and which post it answers. */
export interface PlacedPost<P> {
  post: P;
  depth: number;
  parent: P | null;
}

/**
 * A thread's posts in reading order: each reply right after the post it answers (and that
 * post's earlier replies), replies in the order they were written. A reply whose post is not
 * in the list is shown as a post of its own.
 *
 * @example
 * threadOrder([{ id: 'a', parentId: null }, { id: 'b', parentId: null }, { id: 'c', parentId: 'a' }])
 *   .map((p) => `${p.post.id}${p.depth}`); // ['a0', 'c1', 'b0']
 */
export function threadOrder<P extends { id: string; parentId: string | null }>(
  posts: readonly P[],
): PlacedPost<P>[] {
  const byId = new Map(posts.map((p) => [p.id, p]));
  const children = new Map<string | null, P[]>();
  for (const post of posts) {
    const parent = post.parentId !== null && byId.has(post.parentId) ? post.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), post]);
  }
  const out: PlacedPost<P>[] = [];
  const seen = new Set<string>();
  const visit = (parent: P | null, depth: number) => {
    for (const post of children.get(parent?.id ?? null) ?? []) {
      if (seen.has(post.id)) continue;
      seen.add(post.id);
      out.push({ post, depth, parent });
      visit(post, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/**
 * Every month from the first of `rows` (`YYYY-MM`) to the last, or to `until` when given (months
 * after it are left out: a meeting planned for next year is not activity yet), zero where
 * nothing happened.
 *
 * @example
 * fillMonths([{ month: '2026-01', posts: 2, votes: 0, meetings: 1 },
 *             { month: '2026-03', posts: 1, votes: 4, meetings: 0 }]).map((r) => r.month);
 * // ['2026-01', '2026-02', '2026-03']
 */
export function fillMonths<
  R extends { month: string; posts: number; votes: number; meetings: number },
>(
  rows: readonly R[],
  until?: string,
): { month: string; posts: number; votes: number; meetings: number }[] {
  const valid = rows.filter(
    (r) => /^\d{4}-\d{2}$/.test(r.month) && (until === undefined || r.month <= until),
  );
  if (valid.length === 0) return [];
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const byMonth = new Map(valid.map((r) => [r.month, r]));
  const first = Math.min(...valid.map((r) => index(r.month)));
  const last = until ? index(until) : Math.max(...valid.map((r) => index(r.month)));
  const out = [];
  for (let i = first; i <= last; i += 1) {
    const month = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    const row = byMonth.get(month);
    out.push({
      month,
      posts: row?.posts ?? 0,
      votes: row?.votes ?? 0,
      meetings: row?.meetings ?? 0,
    });
  }
  return out;
}

/** The month (`YYYY-MM`) of an instant, in UTC (as the server counts activity). */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** A month (`YYYY-MM`) in words: "March 2026", "maart 2026". */
export function formatMonth(month: string, lang: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)),
  );
}

/** A share (0–1) as a whole percentage in the language. */
export function formatShare(share: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export type MixPhrase =
  | { key: 'mixNone' }
  | { key: 'mixBoth' | 'mixPolicyOnly' | 'mixAcademiaOnly' | 'mixNeither'; params: MixParams };
type MixParams = {
  policy: number;
  academia: number;
  together: number;
  members: number;
  share: string;
};

/**
 * The policy–academia mix of a group in words: which sentence to say, with its numbers.
 *
 * @example
 * mixPhrase({ policy: 2, academia: 1, share: 0.75 }, 4, 'en');
 * // { key: 'mixBoth', params: { policy: 2, academia: 1, together: 3, members: 4, share: '75%' } }
 */
export function mixPhrase(
  mix: { policy: number; academia: number; share: number | null },
  members: number,
  lang: string,
): MixPhrase {
  if (members === 0) return { key: 'mixNone' };
  const together = mix.policy + mix.academia;
  const params = {
    policy: mix.policy,
    academia: mix.academia,
    together,
    members,
    share: formatShare(mix.share ?? together / members, lang),
  };
  if (mix.policy > 0 && mix.academia > 0) return { key: 'mixBoth', params };
  if (mix.policy > 0) return { key: 'mixPolicyOnly', params };
  if (mix.academia > 0) return { key: 'mixAcademiaOnly', params };
  return { key: 'mixNeither', params };
}

/**
 * Library items by collection, collections in alphabetical order (in the language), items in
 * the order given.
 */
export function byCollection<I extends { collection: string }>(
  items: readonly I[],
  lang: string,
): { collection: string; items: I[] }[] {
  const groups = new Map<string, I[]>();
  for (const item of items)
    groups.set(item.collection, [...(groups.get(item.collection) ?? []), item]);
  const collator = new Intl.Collator(lang);
  return [...groups.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([collection, list]) => ({ collection, items: list }));
}
