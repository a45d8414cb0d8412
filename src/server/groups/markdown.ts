/**
 * Markdown of working-group threads, rendered to HTML that is safe to put into a page as it is.
 *
 * Rendering is done by markdown-it (CommonMark with GitHub-style tables and strikethrough), set up
 * so that safety does not depend on a later sanitiser:
 * - raw HTML is never passed through: `<script>` or `<img onerror>` in a post shows as text;
 * - a link (inline, reference, autolink or a bare URL that linkify finds) is made only for an
 *   `http:`, `https:` or `mailto:` URL, or a site-relative path starting with one `/`; every
 *   other destination (`javascript:`, `vbscript:`, `data:`, `file:`, protocol-relative `//host`,
 *   and obfuscated forms: markdown-it decodes entities and escapes before the check, and the
 *   check is an allow-list, so `jav&#x61;script:` or `java\tscript:` never match) leaves the
 *   Markdown as plain text;
 * - every link gets `rel="nofollow noopener noreferrer"`;
 * - images are not shown (no tracking pixels, no layout hijacking): `![alt](src)` becomes a link
 *   to its source with the alt text (or the URL when there is none) as its text, or just the alt
 *   text inside another link, where a nested link is not valid HTML;
 * - headings are moved down two levels (`#` → `<h3>`, `##` → `<h4>`, deeper ones `<h6>`), so a
 *   post never competes with the page's own `<h1>` and `<h2>`;
 * - single line breaks are kept (`breaks: true`), as people expect from a comment box.
 *
 * Mentions: `@[Display name](user:<uuid>)` renders as
 * `<span class="mention" data-user="<uuid>">@Display name</span>`. The name is plain text (at
 * most 100 characters, no brackets or line breaks) and the id a UUID (RFC 9562 form, versions
 * 1–8). Anything else, like `@[x](user:42)`, stays text.
 */
import markdownIt from 'markdown-it';
import type { MarkdownIt, StateInline, Token } from 'markdown-it';

/** The `rel` of every link in rendered user content. */
export const LINK_REL = 'nofollow noopener noreferrer';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
// Sticky: matched exactly at the parser's position.
const MENTION = new RegExp(`@\\[([^\\[\\]\\r\\n]{1,100})\\]\\(user:(${UUID})\\)`, 'iy');

/** The allow-list: absolute http(s) and mailto URLs, and paths on this site (`/x`, not `//x`). */
function isAllowedLink(url: string): boolean {
  return /^(?:https?:\/\/|mailto:)/i.test(url) || /^\/(?![/\\])/.test(url);
}

/** Inline rule for `@[Display name](user:<uuid>)`, tried at every `@`. */
function mention(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
  MENTION.lastIndex = state.pos;
  const match = MENTION.exec(state.src);
  if (!match || MENTION.lastIndex > state.posMax) return false;
  const name = match[1]!.trim();
  if (name === '') return false;
  if (!silent) {
    const token = state.push('mention', 'span', 0);
    token.meta = { user: match[2]!.toLowerCase(), name };
  }
  state.pos = MENTION.lastIndex;
  return true;
}

function isInsideLink(tokens: readonly Token[], idx: number): boolean {
  let depth = 0;
  for (const token of tokens.slice(0, idx)) {
    if (token.type === 'link_open') depth++;
    else if (token.type === 'link_close') depth--;
  }
  return depth > 0;
}

function createRenderer(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: true, typographer: false, breaks: true });
  md.validateLink = isAllowedLink;
  md.inline.ruler.before('link', 'mention', mention);
  md.core.ruler.push('demote_headings', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'heading_open' || token.type === 'heading_close')
        token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 2)}`;
    }
  });

  const escape = md.utils.escapeHtml;
  md.renderer.rules.mention = (tokens, idx) => {
    const { user, name } = tokens[idx]!.meta as { user: string; name: string };
    return `<span class="mention" data-user="${escape(user)}">@${escape(name)}</span>`;
  };
  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    tokens[idx]!.attrSet('rel', LINK_REL);
    return self.renderToken(tokens, idx, options);
  };
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    if (isInsideLink(tokens, idx)) return escape(alt);
    const src = String(token.attrGet('src') ?? '');
    return `<a href="${escape(src)}" rel="${LINK_REL}">${escape(alt || src)}</a>`;
  };
  return md;
}

const md = createRenderer();

/**
 * Renders a post's Markdown to safe HTML (see the module comment for what is allowed).
 *
 * @example
 * renderMarkdown('**Hi** [site](https://example.org) <script>');
 * // '<p><strong>Hi</strong> <a href="https://example.org" rel="nofollow noopener noreferrer">site</a> &lt;script&gt;</p>\n'
 */
export function renderMarkdown(markdown: string): string {
  return md.render(markdown);
}

/**
 * The users mentioned in a post, each once, lower-case, in order of first mention. Mentions in
 * code spans and code blocks are not mentions (they are not rendered as such either).
 *
 * @example
 * mentionedUserIds('Thanks @[Ana](user:0b7e3c2a-4f1d-4c8e-9a6b-2d5f8e1c7a90)!');
 * // ['0b7e3c2a-4f1d-4c8e-9a6b-2d5f8e1c7a90']
 */
export function mentionedUserIds(markdown: string): string[] {
  const ids = new Set<string>();
  const visit = (tokens: readonly Token[]): void => {
    for (const token of tokens) {
      if (token.type === 'mention') ids.add((token.meta as { user: string }).user);
      if (token.children) visit(token.children);
    }
  };
  visit(md.parse(markdown, {}));
  return [...ids];
}
