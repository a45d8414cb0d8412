import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINK_REL, mentionedUserIds, renderMarkdown } from './markdown.ts';

const ANA = '0b7e3c2a-4f1d-4c8e-9a6b-2d5f8e1c7a90';
const BO = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';

const TAGS = new Set(
  'p br em strong s a span code pre ul ol li blockquote hr h3 h4 h5 h6 table thead tbody tr th td'.split(
    ' ',
  ),
);
const ATTRIBUTES: Record<string, (value: string, tag: string) => boolean> = {
  // What a browser would follow: entities decoded, then whitespace and controls dropped.
  href: (value, tag) =>
    tag === 'a' && /^(?:https?:\/\/|mailto:|\/(?![/\\]))/i.test(withoutControls(value)),
  rel: (value, tag) => tag === 'a' && value === LINK_REL,
  title: (_value, tag) => tag === 'a',
  class: (value, tag) =>
    (tag === 'span' && value === 'mention') || (tag === 'code' && value.startsWith('language-')),
  'data-user': (value, tag) => tag === 'span' && /^[0-9a-f-]{36}$/.test(value),
  style: (value, tag) => /^t[hd]$/.test(tag) && /^text-align:(?:left|right|center)$/.test(value),
  start: (value, tag) => tag === 'ol' && /^\d+$/.test(value),
};

function withoutControls(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is dropped
  return value.replace(/[\u0000-\u0020]/g, '');
}

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Checks rendered HTML as a browser would see it: outside the tags there is no `<` or `>` (all
 * text is escaped), and every tag and attribute is on the allow-list with an allowed value.
 * Returns the problems found (none for safe output).
 */
function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+="[^"<>]*")*)\s*>/g;
  for (const [whole, , name, attrs] of html.matchAll(tag)) {
    const lower = name!.toLowerCase();
    if (!TAGS.has(lower)) problems.push(`tag ${whole}`);
    for (const [, attr, value] of attrs!.matchAll(/\s+([a-zA-Z-]+)="([^"]*)"/g)) {
      const allowed = ATTRIBUTES[attr!.toLowerCase()];
      if (!allowed?.(decodeEntities(value!), lower)) problems.push(`attribute ${attr}="${value}"`);
    }
  }
  const text = html.replace(tag, '');
  if (/[<>]/.test(text)) problems.push(`markup outside a tag: ${text}`);
  return problems;
}

/** The checks the brief names, spelled out on the raw output. */
function expectSafe(html: string): void {
  expect(unsafeParts(html)).toEqual([]);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(?:iframe|svg|img|object|embed|style|form|input|math)\b/i);
  // An attribute name, not text inside a quoted (escaped) attribute value.
  expect(html.replace(/="[^"]*"/g, '=""')).not.toMatch(/<[^>]*\son\w+\s*=/i);
  expect(html).not.toMatch(/(?:href|src)\s*=\s*["']?\s*(?:javascript|vbscript|data|file):/i);
}

describe('renderMarkdown: hostile input', () => {
  const hostile: [string, string][] = [
    ['a script element', '<script>alert(1)</script>'],
    ['an image with onerror', '<img src=x onerror=alert(1)>'],
    ['a javascript: link', '[x](javascript:alert(1))'],
    ['a mixed-case javascript: link', '[x](JaVaScRiPt:alert(1))'],
    ['a hex-entity javascript: link', '[x](jav&#x61;script:alert(1))'],
    ['a decimal-entity javascript: link', '[x](&#106;avascript:alert(1))'],
    ['a named-entity colon', '[x](javascript&colon;alert(1))'],
    ['a link with leading spaces', '[x](  javascript:alert(1))'],
    ['a link on the next line', '[x](\njavascript:alert(1))'],
    ['a bracketed destination with a tab', '[x](<java\tscript:alert(1)>)'],
    ['a bracketed destination with a space', '[x](< javascript:alert(1)>)'],
    ['a percent-encoded newline', '[x](java%0ascript:alert(1))'],
    ['a data: URL', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a data: image', '[x](data:image/png;base64,iVBORw0KGgo=)'],
    ['a file: URL', '[x](file:///etc/passwd)'],
    ['a vbscript: link', '[x](vbscript:msgbox(1))'],
    ['a protocol-relative link', '[x](//evil.example/)'],
    ['a backslash path', '[x](/\\evil.example/)'],
    ['a raw anchor', '<a href="javascript:alert(1)">x</a>'],
    ['an iframe', '<iframe src="https://evil.example/"></iframe>'],
    ['an svg with onload', '<svg onload=alert(1)>'],
    ['a javascript: autolink', '<javascript:alert(1)>'],
    ['a mixed-case autolink', '<JaVaScRiPt:alert(1)>'],
    ['a data: autolink', '<data:text/html,<script>alert(1)</script>>'],
    ['a mention with a script in its name', `@[<script>alert(1)</script>](user:${ANA})`],
    ['a mention with a quote in its name', `@[x" onclick="alert(1)](user:${ANA})`],
    ['a reference link to javascript:', '[x][r]\n\n[r]: javascript:alert(1)'],
    ['a reference link with a title', '[x]\n\n[x]: JAVASCRIPT:alert(1) "t"'],
    ['an image to javascript:', '![x](javascript:alert(1))'],
    [
      'an image with onerror in its title',
      '![x](https://e.example/a.png "x\\" onerror=\\"alert(1)")',
    ],
    ['a link title breaking out', '[x](https://e.example/ "a\\" onmouseover=\\"alert(1)")'],
    ['a code fence info string', '```"><script>alert(1)</script>\ncode\n```'],
    ['an HTML block', '<div onclick="alert(1)">\n\n*x*\n\n</div>'],
    ['an HTML comment', '<!-- x --><style>body{}</style>'],
    ['a table with markup', '| <b onmouseover=alert(1)> |\n|---|\n| x |'],
    ['a bare javascript: URL', 'go to javascript:alert(1) now'],
  ];

  it.each(hostile)('renders %s safely', (_name, input) => {
    expectSafe(renderMarkdown(input));
  });

  it('shows raw HTML as text', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    );
    expect(renderMarkdown('<img src=x onerror=alert(1)>')).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt;</p>\n',
    );
  });

  it('leaves a link with a forbidden destination as plain text', () => {
    expect(renderMarkdown('[x](javascript:alert(1))')).toBe('<p>[x](javascript:alert(1))</p>\n');
    expect(renderMarkdown('[x](jav&#x61;script:alert(1))')).not.toContain('<a');
    expect(renderMarkdown('[x][r]\n\n[r]: javascript:alert(1)')).not.toContain('<a');
  });

  it('escapes the name of a mention', () => {
    expect(renderMarkdown(`@[<b>Eve</b> & co](user:${ANA})`)).toBe(
      `<p><span class="mention" data-user="${ANA}">@&lt;b&gt;Eve&lt;/b&gt; &amp; co</span></p>\n`,
    );
  });

  it('stays safe for random mixtures of dangerous fragments', () => {
    const fragments = [
      '<',
      '>',
      '"',
      "'",
      '[',
      ']',
      '(',
      ')',
      '!',
      '@',
      '&',
      ';',
      ':',
      '/',
      '\\',
      '`',
      '*',
      '#',
      ' ',
      '\n',
      '\t',
      'javascript:',
      'JaVa',
      'script',
      'vbscript:',
      'data:',
      'file:',
      '&#x61;',
      '&#106;',
      '&colon;',
      'onerror=',
      'alert(1)',
      '<img',
      '<svg',
      '<script>',
      '<a href=',
      'https://e.example',
      'mailto:',
      'user:',
      ANA,
      '[x]: ',
      '%0a',
      '\u0000',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 40 }), (parts) => {
        const html = renderMarkdown(parts.join(''));
        expect(unsafeParts(html)).toEqual([]);
      }),
      { numRuns: 3000, seed: 20261127 },
    );
  });
});

describe('renderMarkdown: ordinary Markdown', () => {
  it('renders emphasis, strong text and strikethrough', () => {
    expect(renderMarkdown('*a* **b** ~~c~~')).toBe(
      '<p><em>a</em> <strong>b</strong> <s>c</s></p>\n',
    );
  });

  it('renders lists', () => {
    expect(renderMarkdown('- one\n- two')).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n');
    expect(renderMarkdown('3. three\n4. four')).toBe(
      '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>\n',
    );
  });

  it('renders code spans and blocks, escaping their content', () => {
    expect(renderMarkdown('use `a < b`')).toBe('<p>use <code>a &lt; b</code></p>\n');
    expect(renderMarkdown('```ts\nconst x = "<b>";\n```')).toBe(
      '<pre><code class="language-ts">const x = &quot;&lt;b&gt;&quot;;\n</code></pre>\n',
    );
  });

  it('renders an https link with rel="nofollow noopener noreferrer"', () => {
    const html = renderMarkdown('[the report](https://example.org/report?a=1&b=2 "Report")');
    expect(html).toBe(
      '<p><a href="https://example.org/report?a=1&amp;b=2" title="Report" ' +
        'rel="nofollow noopener noreferrer">the report</a></p>\n',
    );
    expectSafe(html);
  });

  it('renders mailto links, site paths and reference links', () => {
    expect(renderMarkdown('[write](mailto:wg@example.org)')).toBe(
      `<p><a href="mailto:wg@example.org" rel="${LINK_REL}">write</a></p>\n`,
    );
    expect(renderMarkdown('[the group](/groups/42)')).toBe(
      `<p><a href="/groups/42" rel="${LINK_REL}">the group</a></p>\n`,
    );
    expect(renderMarkdown('[x][r]\n\n[r]: https://example.org')).toBe(
      `<p><a href="https://example.org" rel="${LINK_REL}">x</a></p>\n`,
    );
  });

  it('links bare https URLs and e-mail addresses, but not bare domains', () => {
    expect(renderMarkdown('see https://example.org/x, or write to wg@example.org')).toBe(
      `<p>see <a href="https://example.org/x" rel="${LINK_REL}">https://example.org/x</a>, or ` +
        `write to <a href="mailto:wg@example.org" rel="${LINK_REL}">wg@example.org</a></p>\n`,
    );
    expect(renderMarkdown('notes.md and example.org')).toBe('<p>notes.md and example.org</p>\n');
    expect(renderMarkdown('ftp://example.org/file')).not.toContain('<a');
  });

  it('moves headings down two levels, to at most h6', () => {
    expect(renderMarkdown('# One\n## Two\n### Three\n#### Four\n###### Six')).toBe(
      '<h3>One</h3>\n<h4>Two</h4>\n<h5>Three</h5>\n<h6>Four</h6>\n<h6>Six</h6>\n',
    );
    expect(renderMarkdown('Title\n=====')).toBe('<h3>Title</h3>\n');
  });

  it('keeps single line breaks and renders quotes, rules and tables', () => {
    expect(renderMarkdown('a\nb')).toBe('<p>a<br>\nb</p>\n');
    expect(renderMarkdown('> quoted\n\n---')).toBe(
      '<blockquote>\n<p>quoted</p>\n</blockquote>\n<hr>\n',
    );
    const table = renderMarkdown('| a | b |\n|--:|---|\n| 1 | 2 |');
    expect(table).toContain('<th style="text-align:right">a</th>');
    expectSafe(table);
  });

  it('shows an image as a link to it, or as its alt text inside a link', () => {
    expect(renderMarkdown('![the chart](https://example.org/chart.png)')).toBe(
      `<p><a href="https://example.org/chart.png" rel="${LINK_REL}">the chart</a></p>\n`,
    );
    expect(renderMarkdown('![](https://example.org/chart.png)')).toBe(
      `<p><a href="https://example.org/chart.png" rel="${LINK_REL}">https://example.org/chart.png</a></p>\n`,
    );
    expect(renderMarkdown('[![logo](https://example.org/l.png)](https://example.org)')).toBe(
      `<p><a href="https://example.org" rel="${LINK_REL}">logo</a></p>\n`,
    );
  });
});

describe('mentions', () => {
  it('renders a mention as a span with the user id', () => {
    expect(renderMarkdown(`Thanks @[Ana Lima](user:${ANA})!`)).toBe(
      `<p>Thanks <span class="mention" data-user="${ANA}">@Ana Lima</span>!</p>\n`,
    );
  });

  it('lists the mentioned users once each, lower-case, in order', () => {
    const text = `@[Bo](user:${BO.toUpperCase()}) and @[Ana](user:${ANA}), again @[Bo](user:${BO})`;
    expect(mentionedUserIds(text)).toEqual([BO, ANA]);
    expect(renderMarkdown(text)).toContain(`data-user="${BO}"`);
  });

  it('ignores mentions with an invalid id, and leaves them as text', () => {
    const bad = [
      '@[Eve](user:42)',
      '@[Eve](user:00000000-0000-0000-0000-000000000000)',
      `@[Eve](user:${ANA.slice(0, -1)}x)`,
      `@[Eve](user:${ANA}0)`,
      `@[Eve](member:${ANA})`,
      `@[](user:${ANA})`,
      `@[   ](user:${ANA})`,
      `@[${'x'.repeat(101)}](user:${ANA})`,
    ];
    for (const text of bad) {
      expect(mentionedUserIds(text)).toEqual([]);
      const html = renderMarkdown(text);
      expect(html).not.toContain('mention');
      expectSafe(html);
    }
  });

  it('does not count mentions in code', () => {
    expect(mentionedUserIds(`\`@[Ana](user:${ANA})\`\n\n    @[Bo](user:${BO})`)).toEqual([]);
  });

  it('finds mentions in lists, quotes and links', () => {
    expect(mentionedUserIds(`- @[Ana](user:${ANA})\n\n> @[Bo](user:${BO})`)).toEqual([ANA, BO]);
    expect(mentionedUserIds(`[see @[Ana](user:${ANA})](https://example.org)`)).toEqual([ANA]);
  });
});
