import { csvCell } from '../csv.ts';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../qca/csv.ts';
import {
  escapeXml,
  exportAttributeColumns,
  NetworkExportError,
  toEdgeCsv,
  toGEXF,
  toGraphML,
  toNodeCsv,
} from './export.ts';
import type { ExportNetwork } from './export.ts';

// ---------------------------------------------------------------------------------------------
// A strict little XML 1.0 reader for the tests (no XML parser is installed): it refuses text
// that is not well-formed (unknown or malformed references, `<` in attribute values, characters
// XML cannot hold, mismatched or unclosed tags, repeated attributes, content after the root) and
// applies the spec's line-end and attribute-value normalisation, so a value that comes back
// intact has survived what a real parser does to it.

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function isNameChar(c: string | undefined, first: boolean): boolean {
  if (c === undefined) return false;
  const letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === ':';
  return first ? letter : letter || (c >= '0' && c <= '9') || c === '.' || c === '-';
}

function parseXml(text: string): XmlElement {
  // for…of walks code points, so an unpaired surrogate shows up on its own and is refused.
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!isXmlChar(cp)) throw new Error(`U+${cp.toString(16)} is not an XML 1.0 character`);
  }
  let i = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${i}: ${JSON.stringify(text.slice(i, i + 30))}`);
  };
  const skipSpace = (): boolean => {
    const start = i;
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i++;
    return i > start;
  };
  const readName = (): string => {
    const start = i;
    if (!isNameChar(text[i], true)) fail('expected a name');
    while (isNameChar(text[i], false)) i++;
    return text.slice(start, i);
  };
  const reference = (ref: string): string => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (ref in named) return named[ref]!;
    if (ref[0] !== '#') return fail(`unknown entity &${ref};`);
    const hex = ref[1] === 'x';
    const digits = ref.slice(hex ? 2 : 1);
    const allowed = hex ? '0123456789abcdefABCDEF' : '0123456789';
    if (digits === '' || [...digits].some((d) => !allowed.includes(d))) fail(`bad &${ref};`);
    const cp = Number.parseInt(digits, hex ? 16 : 10);
    if (!isXmlChar(cp)) fail(`&${ref}; is not an XML 1.0 character`);
    return String.fromCodePoint(cp);
  };
  const decode = (raw: string, inAttribute: boolean): string => {
    let out = '';
    for (let j = 0; j < raw.length; j++) {
      const c = raw[j]!;
      if (c === '&') {
        const semi = raw.indexOf(';', j);
        if (semi < 0) fail('& without ;');
        out += reference(raw.slice(j + 1, semi));
        j = semi;
      } else if (c === '\r' || (inAttribute && (c === '\n' || c === '\t'))) {
        // Line ends become \n; in attribute values every literal whitespace becomes a space.
        if (c === '\r' && raw[j + 1] === '\n') j++;
        out += inAttribute ? ' ' : '\n';
      } else {
        out += c;
      }
    }
    return out;
  };
  const readElement = (): XmlElement => {
    if (text[i] !== '<') fail('expected <');
    i++;
    const name = readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      const spaced = skipSpace();
      if (text.startsWith('/>', i)) {
        i += 2;
        return { name, attributes, children: [] };
      }
      if (text[i] === '>') {
        i++;
        break;
      }
      if (!spaced) fail('expected a space before an attribute');
      const attribute = readName();
      skipSpace();
      if (text[i] !== '=') fail('expected =');
      i++;
      skipSpace();
      const quote = text[i];
      if (quote !== '"' && quote !== "'") fail('expected a quoted value');
      const end = text.indexOf(quote!, i + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = text.slice(i + 1, end);
      if (raw.includes('<')) fail('< in an attribute value');
      if (attribute in attributes) fail(`repeated attribute ${attribute}`);
      attributes[attribute] = decode(raw, true);
      i = end + 1;
    }
    const children: (XmlElement | string)[] = [];
    for (;;) {
      if (i >= text.length) fail(`<${name}> is never closed`);
      if (text.startsWith('</', i)) {
        i += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        skipSpace();
        if (text[i] !== '>') fail('expected >');
        i++;
        return { name, attributes, children };
      }
      if (text[i] === '<') {
        children.push(readElement());
      } else {
        const start = i;
        while (i < text.length && text[i] !== '<') i++;
        const raw = text.slice(start, i);
        if (raw.includes(']]>')) fail(']]> in text');
        children.push(decode(raw, false));
      }
    }
  };

  if (text.startsWith('<?xml ')) {
    const end = text.indexOf('?>');
    if (end < 0) fail('unterminated XML declaration');
    i = end + 2;
  }
  skipSpace();
  const root = readElement();
  skipSpace();
  if (i !== text.length) fail('content after the root element');
  return root;
}

/** Child elements named `name` (all child elements without a name). */
function kids(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name),
  );
}

function only(element: XmlElement, name: string): XmlElement {
  const found = kids(element, name);
  expect(found, `<${element.name}> has one <${name}>`).toHaveLength(1);
  return found[0]!;
}

function textOf(element: XmlElement): string {
  return element.children.filter((c) => typeof c === 'string').join('');
}

/** GraphML read back: key id → [for, attr.name, attr.type], nodes and edges with their data. */
function readGraphML(xml: string) {
  const root = parseXml(xml);
  expect(root.name).toBe('graphml');
  expect(root.attributes.xmlns).toBe('http://graphml.graphdrawing.org/xmlns');
  const keys = new Map(
    kids(root, 'key').map((k) => [
      k.attributes.id!,
      { for: k.attributes.for, name: k.attributes['attr.name'], type: k.attributes['attr.type'] },
    ]),
  );
  const graph = only(root, 'graph');
  const data = (element: XmlElement): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const d of kids(element, 'data')) {
      const key = keys.get(d.attributes.key!);
      expect(key, `key ${d.attributes.key} is declared`).toBeDefined();
      expect(key!.for).toBe(element.name);
      out[key!.name!] = textOf(d);
    }
    return out;
  };
  return {
    keys,
    edgedefault: graph.attributes.edgedefault,
    nodes: kids(graph, 'node').map((n) => ({ id: n.attributes.id!, data: data(n) })),
    edges: kids(graph, 'edge').map((e) => ({
      source: e.attributes.source!,
      target: e.attributes.target!,
      data: data(e),
    })),
  };
}

/** GEXF read back: declared attributes per class, nodes and edges with their values by title. */
function readGEXF(xml: string) {
  const root = parseXml(xml);
  expect(root.name).toBe('gexf');
  expect(root.attributes.xmlns).toBe('http://gexf.net/1.3');
  expect(root.attributes.version).toBe('1.3');
  const graph = only(root, 'graph');
  const declared: Record<string, Map<string, { title: string; type: string }>> = {};
  for (const block of kids(graph, 'attributes')) {
    declared[block.attributes.class!] = new Map(
      kids(block, 'attribute').map((a) => [
        a.attributes.id!,
        { title: a.attributes.title!, type: a.attributes.type! },
      ]),
    );
  }
  const values = (element: XmlElement, kind: string): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const block of kids(element, 'attvalues')) {
      for (const v of kids(block, 'attvalue')) {
        const attribute = declared[kind]?.get(v.attributes.for!);
        expect(attribute, `attribute ${v.attributes.for} is declared`).toBeDefined();
        out[attribute!.title] = v.attributes.value!;
      }
    }
    return out;
  };
  return {
    declared,
    defaultedgetype: graph.attributes.defaultedgetype,
    nodes: kids(only(graph, 'nodes'), 'node').map((n) => ({
      id: n.attributes.id!,
      label: n.attributes.label!,
      values: values(n, 'node'),
    })),
    edges: kids(only(graph, 'edges'), 'edge').map((e) => ({
      id: e.attributes.id!,
      source: e.attributes.source!,
      target: e.attributes.target!,
      weight: e.attributes.weight!,
      values: values(e, 'edge'),
    })),
  };
}

function exportError(fn: () => unknown): NetworkExportError {
  try {
    fn();
  } catch (error) {
    if (error instanceof NetworkExportError) return error;
    throw error;
  }
  throw new Error('expected a NetworkExportError');
}

// ---------------------------------------------------------------------------------------------

const small: ExportNetwork = {
  directed: false,
  nodes: [
    { id: 'a', label: 'Alpha', attributes: { sector: 'health', size: 2, public: true } },
    { id: 'b', label: 'Beta', attributes: { sector: null, size: 0.5, public: false } },
  ],
  edges: [{ source: 'a', target: 'b', weight: 3, attributes: { kind: 'case' } }],
};

/** Labels a file must carry through intact (or with XML's impossible characters replaced). */
const HOSTILE = [
  '<script>alert("pwned")</script>',
  'Smith & Sons <b>',
  'quotes " and \' apostrophes',
  'tab\there, line\nbreak, carriage\rreturn, CRLF\r\nend',
  'bell\u0007 null\u0000 escape\u001b form feed\u000c',
  'emoji 🤝🏽 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, ß, 東京',
  'lone surrogates \ud800 and \udfff, non-characters \ufffe\uffff',
  ']]> and --> and <!-- and <![CDATA[x]]>',
  '&amp; already escaped &#60;',
];

/** What a reader gets back: XML 1.0's forbidden characters replaced by U+FFFD. */
function xmlSafe(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += isXmlChar(cp) ? ch : '\uFFFD';
  }
  return out;
}

function hostileNetwork(directed: boolean): ExportNetwork {
  return {
    directed,
    nodes: HOSTILE.map((label, i) => ({
      id: `${label} #${i}`,
      label,
      attributes: { note: label },
    })),
    edges: HOSTILE.slice(1).map((label, i) => ({
      source: `${HOSTILE[i]} #${i}`,
      target: `${label} #${i + 1}`,
      weight: i + 1,
      attributes: { why: label },
    })),
  };
}

describe('toGraphML', () => {
  it('writes keys with names and types, then every node and edge with its data', () => {
    expect(toGraphML(small)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
        '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
        '  <key id="n0" for="node" attr.name="sector" attr.type="string"/>',
        '  <key id="n1" for="node" attr.name="size" attr.type="double"/>',
        '  <key id="n2" for="node" attr.name="public" attr.type="boolean"/>',
        '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
        '  <key id="e0" for="edge" attr.name="kind" attr.type="string"/>',
        '  <graph id="G" edgedefault="undirected">',
        '    <node id="a">',
        '      <data key="label">Alpha</data>',
        '      <data key="n0">health</data>',
        '      <data key="n1">2</data>',
        '      <data key="n2">true</data>',
        '    </node>',
        '    <node id="b">',
        '      <data key="label">Beta</data>',
        '      <data key="n1">0.5</data>',
        '      <data key="n2">false</data>',
        '    </node>',
        '    <edge source="a" target="b">',
        '      <data key="weight">3</data>',
        '      <data key="e0">case</data>',
        '    </edge>',
        '  </graph>',
        '</graphml>',
        '',
      ].join('\n'),
    );
  });

  it('says whether edges are directed', () => {
    expect(readGraphML(toGraphML({ ...small, directed: true })).edgedefault).toBe('directed');
    expect(readGraphML(toGraphML(small)).edgedefault).toBe('undirected');
  });

  it('carries hostile ids, labels and values through a strict XML reader', () => {
    const net = hostileNetwork(true);
    const xml = toGraphML(net);
    expect(xml).not.toContain('<script>');
    const back = readGraphML(xml);
    expect(back.nodes.map((n) => n.id)).toEqual(net.nodes.map((n) => xmlSafe(n.id)));
    expect(back.nodes.map((n) => n.data.label)).toEqual(HOSTILE.map(xmlSafe));
    expect(back.nodes.map((n) => n.data.note)).toEqual(HOSTILE.map(xmlSafe));
    expect(back.edges.map((e) => [e.source, e.target, e.data.why])).toEqual(
      net.edges.map((e) => [
        xmlSafe(e.source),
        xmlSafe(e.target),
        xmlSafe(e.attributes!.why as string),
      ]),
    );
    // Tabs and line breaks survive, in element text and in attribute values alike.
    expect(back.nodes[3]!.data.label).toBe(HOSTILE[3]);
    expect(back.nodes[3]!.id).toBe(`${HOSTILE[3]} #3`);
    expect(back.nodes[5]!.data.label).toBe(HOSTILE[5]);
  });

  it('writes an empty network as a valid document with no nodes', () => {
    const back = readGraphML(toGraphML({ directed: false, nodes: [], edges: [] }));
    expect(back.nodes).toEqual([]);
    expect(back.edges).toEqual([]);
    expect([...back.keys.keys()]).toEqual(['label', 'weight']);
  });

  it('keeps isolates and self-loops, and writes weights at full precision', () => {
    const net: ExportNetwork = {
      directed: false,
      nodes: [
        { id: 'x', label: 'X' },
        { id: 'y', label: 'Y' },
        { id: 'alone', label: 'Alone' },
      ],
      edges: [
        { source: 'x', target: 'y', weight: 0.1 + 0.2 },
        { source: 'y', target: 'y', weight: 1e21 },
        { source: 'x', target: 'alone', weight: -2.5e-8 },
      ],
    };
    const back = readGraphML(toGraphML(net));
    expect(back.nodes.map((n) => n.id)).toEqual(['x', 'y', 'alone']);
    expect(back.edges.map((e) => Number(e.data.weight))).toEqual([0.1 + 0.2, 1e21, -2.5e-8]);
    expect(back.edges[0]!.data.weight).toBe('0.30000000000000004');
    const isolated = readGraphML(toGraphML({ ...net, edges: net.edges.slice(0, 2) }));
    expect(isolated.nodes.map((n) => n.id)).toContain('alone');
  });
});

describe('toGEXF', () => {
  it('declares attributes per class and writes attvalues, labels and weights', () => {
    expect(toGEXF(small)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
        '  <meta>',
        '    <creator>Connective</creator>',
        '  </meta>',
        '  <graph defaultedgetype="undirected" mode="static">',
        '    <attributes class="node" mode="static">',
        '      <attribute id="0" title="sector" type="string"/>',
        '      <attribute id="1" title="size" type="double"/>',
        '      <attribute id="2" title="public" type="boolean"/>',
        '    </attributes>',
        '    <attributes class="edge" mode="static">',
        '      <attribute id="0" title="kind" type="string"/>',
        '    </attributes>',
        '    <nodes>',
        '      <node id="a" label="Alpha">',
        '        <attvalues>',
        '          <attvalue for="0" value="health"/>',
        '          <attvalue for="1" value="2"/>',
        '          <attvalue for="2" value="true"/>',
        '        </attvalues>',
        '      </node>',
        '      <node id="b" label="Beta">',
        '        <attvalues>',
        '          <attvalue for="1" value="0.5"/>',
        '          <attvalue for="2" value="false"/>',
        '        </attvalues>',
        '      </node>',
        '    </nodes>',
        '    <edges>',
        '      <edge id="0" source="a" target="b" weight="3">',
        '        <attvalues>',
        '          <attvalue for="0" value="case"/>',
        '        </attvalues>',
        '      </edge>',
        '    </edges>',
        '  </graph>',
        '</gexf>',
        '',
      ].join('\n'),
    );
  });

  it('says whether edges are directed', () => {
    expect(readGEXF(toGEXF({ ...small, directed: true })).defaultedgetype).toBe('directed');
    expect(readGEXF(toGEXF(small)).defaultedgetype).toBe('undirected');
  });

  it('carries hostile ids, labels and values through a strict XML reader', () => {
    const net = hostileNetwork(false);
    const xml = toGEXF(net);
    expect(xml).not.toContain('<script>');
    const back = readGEXF(xml);
    expect(back.nodes.map((n) => n.id)).toEqual(net.nodes.map((n) => xmlSafe(n.id)));
    expect(back.nodes.map((n) => n.label)).toEqual(HOSTILE.map(xmlSafe));
    expect(back.nodes.map((n) => n.values.note)).toEqual(HOSTILE.map(xmlSafe));
    expect(back.edges.map((e) => [e.source, e.target, e.values.why])).toEqual(
      net.edges.map((e) => [
        xmlSafe(e.source),
        xmlSafe(e.target),
        xmlSafe(e.attributes!.why as string),
      ]),
    );
    // Attribute values keep tabs and line breaks (literal ones would be normalised to spaces).
    expect(back.nodes[3]!.label).toBe(HOSTILE[3]);
  });

  it('writes an empty network, isolates and weights at full precision', () => {
    const empty = readGEXF(toGEXF({ directed: true, nodes: [], edges: [] }));
    expect(empty.nodes).toEqual([]);
    expect(empty.edges).toEqual([]);
    expect(empty.declared).toEqual({});
    const back = readGEXF(
      toGEXF({
        directed: false,
        nodes: [
          { id: 'x', label: 'X' },
          { id: 'y', label: 'Y' },
          { id: 'alone', label: 'Alone' },
        ],
        edges: [{ source: 'x', target: 'y', weight: 1 / 3 }],
      }),
    );
    expect(back.nodes.map((n) => n.id)).toEqual(['x', 'y', 'alone']);
    expect(back.edges).toEqual([
      { id: '0', source: 'x', target: 'y', weight: String(1 / 3), values: {} },
    ]);
    expect(Number(back.edges[0]!.weight)).toBe(1 / 3);
  });
});

describe('exportAttributeColumns', () => {
  it('infers double, boolean and string per key; mixed or all-null keys are strings', () => {
    const columns = exportAttributeColumns({
      directed: false,
      nodes: [
        { id: 'a', label: 'A', attributes: { n: 1, b: true, s: 'x', mixed: 1, none: null } },
        {
          id: 'b',
          label: 'B',
          attributes: { n: null, b: false, s: null, mixed: 'two', none: null },
        },
        { id: 'c', label: 'C', attributes: { later: 2.5 } },
      ],
      edges: [{ source: 'a', target: 'b', weight: 1, attributes: { flag: false } }],
    });
    expect(columns.node).toEqual([
      { name: 'n', type: 'double' },
      { name: 'b', type: 'boolean' },
      { name: 's', type: 'string' },
      { name: 'mixed', type: 'string' },
      { name: 'none', type: 'string' },
      { name: 'later', type: 'double' },
    ]);
    expect(columns.edge).toEqual([{ name: 'flag', type: 'boolean' }]);
  });

  it('lets declared types win, and declares keys no node has a value for', () => {
    const net: ExportNetwork = {
      directed: false,
      nodes: [{ id: 'a', label: 'A', attributes: { eigenvector: null, code: 7 } }],
      edges: [],
      attributeTypes: { node: { eigenvector: 'double', code: 'string', extra: 'boolean' } },
    };
    expect(exportAttributeColumns(net).node).toEqual([
      { name: 'eigenvector', type: 'double' },
      { name: 'code', type: 'string' },
      { name: 'extra', type: 'boolean' },
    ]);
    const back = readGraphML(toGraphML(net));
    expect(back.keys.get('n0')).toEqual({ for: 'node', name: 'eigenvector', type: 'double' });
    expect(back.nodes[0]!.data).toEqual({ label: 'A', code: '7' });
  });

  it('refuses what no reader could take back, naming the field', () => {
    const node = (id: string) => ({ id, label: id });
    const cases: [ExportNetwork, string][] = [
      [{ directed: false, nodes: [node('a'), node('a')], edges: [] }, 'nodes[1].id'],
      [{ directed: false, nodes: [node('')], edges: [] }, 'nodes[0].id'],
      [
        { directed: false, nodes: [node('a')], edges: [{ source: 'a', target: 'z', weight: 1 }] },
        'edges[0].target',
      ],
      [
        {
          directed: false,
          nodes: [node('a')],
          edges: [{ source: 'a', target: 'a', weight: Number.NaN }],
        },
        'edges[0].weight',
      ],
      [
        { directed: false, nodes: [{ ...node('a'), attributes: { label: 'x' } }], edges: [] },
        'nodes[0].attributes.label',
      ],
      [
        {
          directed: false,
          nodes: [node('a')],
          edges: [{ source: 'a', target: 'a', weight: 1, attributes: { weight: 2 } }],
        },
        'edges[0].attributes.weight',
      ],
      [
        {
          directed: false,
          nodes: [{ ...node('a'), attributes: { size: 'big' } }],
          edges: [],
          attributeTypes: { node: { size: 'double' } },
        },
        'nodes[0].attributes.size',
      ],
      [
        {
          directed: false,
          nodes: [{ ...node('a'), attributes: { when: new Date(0) as unknown as string } }],
          edges: [],
        },
        'nodes[0].attributes.when',
      ],
    ];
    for (const [net, path] of cases) {
      expect(exportError(() => exportAttributeColumns(net)).path).toBe(path);
      for (const write of [toGraphML, toGEXF, toNodeCsv, toEdgeCsv]) {
        expect(() => write(net)).toThrow(NetworkExportError);
      }
    }
  });

  it('refuses ids that XML would make identical', () => {
    const net: ExportNetwork = {
      directed: false,
      nodes: [
        { id: 'a\u0001', label: 'one' },
        { id: 'a\u0002', label: 'two' },
      ],
      edges: [],
    };
    expect(exportError(() => toGraphML(net)).path).toBe('nodes[1].id');
    expect(exportError(() => toGEXF(net)).path).toBe('nodes[1].id');
    // CSV holds any character, so the same network is fine there.
    expect(toNodeCsv(net)).toBe('id,label\r\na\u0001,one\r\na\u0002,two\r\n');
  });
});

describe('escapeXml', () => {
  it('escapes markup and whitespace and replaces what XML 1.0 cannot hold', () => {
    expect(escapeXml(`<a href='x'>"&"</a>`)).toBe(
      '&lt;a href=&apos;x&apos;&gt;&quot;&amp;&quot;&lt;/a&gt;',
    );
    expect(escapeXml('\t\n\r')).toBe('&#9;&#10;&#13;');
    expect(escapeXml('\u0000\u0008\u000b\u000c\u001f\ufffe\uffff')).toBe('\ufffd'.repeat(7));
    expect(escapeXml('😀\ud83d')).toBe('😀\ufffd');
    expect(escapeXml('\udc00😀')).toBe('\ufffd😀');
    expect(escapeXml('plain text, é, ✓')).toBe('plain text, é, ✓');
  });
});

describe('toNodeCsv and toEdgeCsv', () => {
  it('write a header and one CRLF-ended record per node and per edge', () => {
    expect(toNodeCsv(small)).toBe(
      'id,label,sector,size,public\r\na,Alpha,health,2,true\r\nb,Beta,,0.5,false\r\n',
    );
    expect(toEdgeCsv(small)).toBe('source,target,weight,type,kind\r\na,b,3,undirected,case\r\n');
    expect(toEdgeCsv({ ...small, directed: true })).toContain('a,b,3,directed,case\r\n');
  });

  it('writes only the headers for an empty network, and lists isolates', () => {
    const empty: ExportNetwork = { directed: false, nodes: [], edges: [] };
    expect(toNodeCsv(empty)).toBe('id,label\r\n');
    expect(toEdgeCsv(empty)).toBe('source,target,weight,type\r\n');
    const isolates: ExportNetwork = { ...empty, nodes: [{ id: 'x', label: 'X' }] };
    expect(toNodeCsv(isolates)).toBe('id,label\r\nx,X\r\n');
    expect(toEdgeCsv(isolates)).toBe('source,target,weight,type\r\n');
  });

  it('defuses cells a spreadsheet would run as formulas, in values, ids and headers', () => {
    const net: ExportNetwork = {
      directed: false,
      nodes: [
        { id: '=1+1', label: '+SUM(A1:A9)', attributes: { '@cmd': '-2', n: -2 } },
        { id: '\tx', label: '\rcmd', attributes: { '@cmd': '@A1', n: null } },
      ],
      edges: [{ source: '=1+1', target: '\tx', weight: -1, attributes: {} }],
    };
    expect(toNodeCsv(net)).toBe(
      `id,label,'@cmd,n\r\n'=1+1,'+SUM(A1:A9),'-2,-2\r\n'\tx,"'\rcmd",'@A1,\r\n`,
    );
    // Numbers are numbers: a negative weight keeps its sign and no apostrophe.
    expect(toEdgeCsv(net)).toBe(`source,target,weight,type\r\n'=1+1,'\tx,-1,undirected\r\n`);
  });

  it('quotes by RFC 4180, so a CSV reader gets every value back', () => {
    const net = hostileNetwork(false);
    const nodes = parseCsv(toNodeCsv(net), 'nodes.csv');
    expect(nodes.header).toEqual(['id', 'label', 'note']);
    expect(nodes.records.map((r) => r.cells[1])).toEqual(
      // The reader normalises nothing; only the formula guard changes a value.
      HOSTILE.map((s) => ('=+-@\t\r'.includes(s[0]!) ? `'${s}` : s)),
    );
    const edges = parseCsv(toEdgeCsv(net), 'edges.csv');
    expect(edges.records.map((r) => r.cells.slice(0, 3))).toEqual(
      net.edges.map((e) => [e.source, e.target, String(e.weight)]),
    );
  });

  it('writes numbers at full precision without a locale', () => {
    expect(csvCell(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvCell(1234567.891)).toBe('1234567.891');
    expect(csvCell(1e21)).toBe('1e+21');
    expect(csvCell(-0.000001)).toBe('-0.000001');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });
});
