/**
 * A network as files other tools open: GraphML 1.0 (Brandes et al., graphml.graphdrawing.org),
 * GEXF 1.3 (gexf.net) and RFC 4180 CSV (a node table and an edge list). Gephi, Cytoscape,
 * igraph and networkx read the XML formats; spreadsheets and Gephi's import wizard read the CSV.
 *
 * Attributes are typed per key: `double` when every value given is a number, `boolean` when
 * every value is a boolean, `string` otherwise (or when no node has a value); `null` means the
 * node or edge has no value for that key, so no element is written for it. Types can also be
 * declared with `attributeTypes`.
 *
 * XML text and attribute values are escaped (&, <, >, ", ' and tab, line feed and carriage
 * return as character references, so they survive attribute-value normalisation); characters
 * that XML 1.0 cannot hold at all (C0 controls other than tab and line breaks, U+FFFE, U+FFFF
 * and unpaired surrogates) are replaced by U+FFFD. The writers return strings; encode them as
 * UTF-8, as their XML declarations say.
 */

import { toCsv, type CsvCell } from '../csv.ts';

/** An attribute value; `null` means the node or edge has none for that key. */
export type ExportAttributeValue = string | number | boolean | null;

/** Attribute types, named as GraphML's `attr.type` and GEXF's `type`. */
export type ExportAttributeType = 'string' | 'double' | 'boolean';

export interface ExportNode {
  readonly id: string;
  readonly label: string;
  readonly attributes?: Readonly<Record<string, ExportAttributeValue>>;
}

export interface ExportEdge {
  readonly source: string;
  readonly target: string;
  readonly weight: number;
  readonly attributes?: Readonly<Record<string, ExportAttributeValue>>;
}

export interface ExportNetwork {
  readonly directed: boolean;
  readonly nodes: readonly ExportNode[];
  readonly edges: readonly ExportEdge[];
  /**
   * Declared attribute types, which win over inference (e.g. `double` for a metric that is null
   * for every node). A declared key is written even when no node has a value for it.
   */
  readonly attributeTypes?: {
    readonly node?: Readonly<Record<string, ExportAttributeType>>;
    readonly edge?: Readonly<Record<string, ExportAttributeType>>;
  };
}

/** One attribute key with its type, in the order the files list them. */
export interface ExportAttributeColumn {
  readonly name: string;
  readonly type: ExportAttributeType;
}

/** Raised for a network that cannot be written; `path` names the offending field. */
export class NetworkExportError extends Error {
  readonly path: string;

  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'NetworkExportError';
    this.path = path;
  }
}

/** Attribute names that would collide with the fixed columns and keys of the formats. */
const RESERVED = {
  node: ['id', 'label'],
  edge: ['source', 'target', 'type', 'weight'],
} as const;

type Kind = keyof typeof RESERVED;

function typeOfValue(value: unknown): ExportAttributeType | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  return undefined;
}

function checkName(kind: Kind, name: string, path: string): void {
  if (name === '' || (RESERVED[kind] as readonly string[]).includes(name)) {
    throw new NetworkExportError(
      path,
      `the ${kind} attribute name ${JSON.stringify(name)} is empty or reserved ` +
        `(${RESERVED[kind].join(', ')} are written from the ${kind} itself)`,
    );
  }
}

function columnsOf(
  kind: Kind,
  items: readonly { readonly attributes?: Readonly<Record<string, ExportAttributeValue>> }[],
  declared: Readonly<Record<string, ExportAttributeType>> = {},
): ExportAttributeColumn[] {
  const plural = kind === 'node' ? 'nodes' : 'edges';
  // Key → the one type its values have had so far (null: none yet), 'string' once types mix.
  const seen = new Map<string, ExportAttributeType | null>();
  for (const key of Object.keys(declared)) {
    checkName(kind, key, `attributeTypes.${kind}.${key}`);
    seen.set(key, null);
  }
  items.forEach((item, i) => {
    for (const [key, value] of Object.entries(item.attributes ?? {})) {
      const path = `${plural}[${i}].attributes.${key}`;
      const type = typeOfValue(value);
      if (type === undefined) {
        throw new NetworkExportError(path, 'expected a string, a number, a boolean or null');
      }
      const before = seen.get(key);
      if (before === undefined) checkName(kind, key, path);
      if (before === undefined || before === null) seen.set(key, type);
      else if (type !== null && type !== before) seen.set(key, 'string');
      const want = declared[key];
      if (type !== null && want !== undefined && want !== 'string' && want !== type) {
        throw new NetworkExportError(path, `declared ${want}, got ${JSON.stringify(value)}`);
      }
    }
  });
  return [...seen].map(([name, type]) => ({ name, type: declared[name] ?? type ?? 'string' }));
}

/**
 * Checks a network for export and lists its node and edge attribute keys with their types.
 * Throws {@link NetworkExportError} for an empty or repeated node id, an edge whose end is not a
 * node, a weight that is not a finite number, an attribute value of another kind, a value that
 * contradicts its declared type, or an attribute named like a fixed column.
 *
 * @example
 * exportAttributeColumns({ directed: false, edges: [],
 *   nodes: [{ id: 'a', label: 'A', attributes: { size: 3, city: null } }] });
 * // { node: [{ name: 'size', type: 'double' }, { name: 'city', type: 'string' }], edge: [] }
 */
export function exportAttributeColumns(net: ExportNetwork): {
  node: ExportAttributeColumn[];
  edge: ExportAttributeColumn[];
} {
  const ids = new Set<string>();
  net.nodes.forEach((node, i) => {
    if (typeof node.id !== 'string' || node.id === '') {
      throw new NetworkExportError(`nodes[${i}].id`, 'expected a non-empty string');
    }
    if (ids.has(node.id)) {
      throw new NetworkExportError(
        `nodes[${i}].id`,
        `duplicate node id ${JSON.stringify(node.id)}`,
      );
    }
    ids.add(node.id);
  });
  net.edges.forEach((edge, i) => {
    for (const end of ['source', 'target'] as const) {
      if (!ids.has(edge[end])) {
        throw new NetworkExportError(
          `edges[${i}].${end}`,
          `unknown node id ${JSON.stringify(edge[end])}`,
        );
      }
    }
    if (typeof edge.weight !== 'number' || !Number.isFinite(edge.weight)) {
      throw new NetworkExportError(`edges[${i}].weight`, 'weight must be a finite number');
    }
  });
  return {
    node: columnsOf('node', net.nodes, net.attributeTypes?.node),
    edge: columnsOf('edge', net.edges, net.attributeTypes?.edge),
  };
}

/** A non-null value as text: numbers at full precision, booleans as true and false. */
function formatValue(value: string | number | boolean): string {
  return typeof value === 'string' ? value : String(value);
}

// ---------------------------------------------------------------------------------------------
// XML

const REPLACEMENT = '\uFFFD';

function xmlEntity(code: number): string | undefined {
  switch (code) {
    case 0x26:
      return '&amp;';
    case 0x3c:
      return '&lt;';
    case 0x3e:
      return '&gt;';
    case 0x22:
      return '&quot;';
    case 0x27:
      return '&apos;';
    case 0x09:
      return '&#9;';
    case 0x0a:
      return '&#10;';
    case 0x0d:
      return '&#13;';
    default:
      return undefined;
  }
}

/**
 * Escapes text for XML 1.0 element content or a quoted attribute value; characters XML 1.0
 * cannot hold (even as character references) become U+FFFD.
 *
 * @example
 * escapeXml('a < b & "c"\u0007'); // 'a &lt; b &amp; &quot;c&quot;\uFFFD'
 */
export function escapeXml(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let replacement: string | undefined;
    if (c < 0x20 || c === 0x26 || c === 0x3c || c === 0x3e || c === 0x22 || c === 0x27) {
      replacement = xmlEntity(c) ?? REPLACEMENT;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++; // a well-formed surrogate pair (emoji and other astral characters) stays
        continue;
      }
      replacement = REPLACEMENT;
    } else if (c === 0xfffe || c === 0xffff) {
      replacement = REPLACEMENT;
    }
    if (replacement !== undefined) {
      out += text.slice(from, i) + replacement;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Escaped node ids, refusing ids that only differed in characters XML cannot hold. */
function xmlIds(nodes: readonly ExportNode[]): Map<string, string> {
  const escaped = new Map<string, string>();
  const owner = new Map<string, string>();
  nodes.forEach((node, i) => {
    const x = escapeXml(node.id);
    const other = owner.get(x);
    if (other !== undefined) {
      throw new NetworkExportError(
        `nodes[${i}].id`,
        `${JSON.stringify(node.id)} and ${JSON.stringify(other)} are the same id once characters ` +
          'XML cannot hold are replaced',
      );
    }
    owner.set(x, node.id);
    escaped.set(node.id, x);
  });
  return escaped;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * GraphML 1.0: a `<key>` for the node label, the edge weight and every attribute (with
 * `attr.name` and `attr.type`), then one `<node>` and `<edge>` per node and edge with a `<data>`
 * element for each value that is not null. Key ids are `label`, `weight`, `n0`, `n1`, … and
 * `e0`, `e1`, … (Gephi reads the keys named `label` and `weight` as the label and the weight).
 *
 * @example
 * toGraphML({ directed: false, nodes: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }],
 *   edges: [{ source: 'a', target: 'b', weight: 1 }] });
 * // '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns" …'
 */
export function toGraphML(net: ExportNetwork): string {
  const columns = exportAttributeColumns(net);
  const ids = xmlIds(net.nodes);
  const lines: string[] = [
    XML_DECLARATION,
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"' +
      ` xmlns:xsi="${XSI}"` +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns' +
      ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
  ];
  const key = (id: string, kind: Kind, column: ExportAttributeColumn): string =>
    `  <key id="${id}" for="${kind}" attr.name="${escapeXml(column.name)}"` +
    ` attr.type="${column.type}"/>`;
  columns.node.forEach((c, k) => lines.push(key(`n${k}`, 'node', c)));
  lines.push('  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>');
  columns.edge.forEach((c, k) => lines.push(key(`e${k}`, 'edge', c)));
  lines.push(`  <graph id="G" edgedefault="${net.directed ? 'directed' : 'undirected'}">`);

  const data = (
    prefix: string,
    cols: readonly ExportAttributeColumn[],
    attributes: Readonly<Record<string, ExportAttributeValue>> = {},
  ): void => {
    cols.forEach((c, k) => {
      const value = attributes[c.name];
      if (value === null || value === undefined) return;
      lines.push(`      <data key="${prefix}${k}">${escapeXml(formatValue(value))}</data>`);
    });
  };
  for (const node of net.nodes) {
    lines.push(`    <node id="${ids.get(node.id)!}">`);
    lines.push(`      <data key="label">${escapeXml(node.label)}</data>`);
    data('n', columns.node, node.attributes);
    lines.push('    </node>');
  }
  for (const edge of net.edges) {
    lines.push(`    <edge source="${ids.get(edge.source)!}" target="${ids.get(edge.target)!}">`);
    lines.push(`      <data key="weight">${String(edge.weight)}</data>`);
    data('e', columns.edge, edge.attributes);
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/**
 * GEXF 1.3: `<attributes class="node">` and `<attributes class="edge">` declare the attributes
 * (ids `0`, `1`, … per class, `title` = the key), nodes carry `label` and `<attvalues>`, edges
 * carry `id`, `weight` and `<attvalues>`; `defaultedgetype` says whether the graph is directed.
 *
 * @example
 * toGEXF({ directed: true, nodes: [{ id: 'a', label: 'A' }], edges: [] });
 * // '<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" … version="1.3">…'
 */
export function toGEXF(net: ExportNetwork): string {
  const columns = exportAttributeColumns(net);
  const ids = xmlIds(net.nodes);
  const lines: string[] = [
    XML_DECLARATION,
    `<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="${XSI}"` +
      ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>',
    '    <creator>Connective</creator>',
    '  </meta>',
    `  <graph defaultedgetype="${net.directed ? 'directed' : 'undirected'}" mode="static">`,
  ];
  for (const kind of ['node', 'edge'] as const) {
    if (columns[kind].length === 0) continue;
    lines.push(`    <attributes class="${kind}" mode="static">`);
    columns[kind].forEach((c, k) =>
      lines.push(`      <attribute id="${k}" title="${escapeXml(c.name)}" type="${c.type}"/>`),
    );
    lines.push('    </attributes>');
  }

  /** The element's closing part: `/>` without values, else the `<attvalues>` block and its end tag. */
  const attvalues = (
    tag: string,
    cols: readonly ExportAttributeColumn[],
    attributes: Readonly<Record<string, ExportAttributeValue>> = {},
  ): string[] => {
    const values: string[] = [];
    cols.forEach((c, k) => {
      const value = attributes[c.name];
      if (value === null || value === undefined) return;
      values.push(`          <attvalue for="${k}" value="${escapeXml(formatValue(value))}"/>`);
    });
    if (values.length === 0) return [];
    return ['        <attvalues>', ...values, '        </attvalues>', `      </${tag}>`];
  };
  const element = (open: string, rest: string[]): void => {
    if (rest.length === 0) lines.push(`${open}/>`);
    else lines.push(`${open}>`, ...rest);
  };

  lines.push('    <nodes>');
  for (const node of net.nodes) {
    element(
      `      <node id="${ids.get(node.id)!}" label="${escapeXml(node.label)}"`,
      attvalues('node', columns.node, node.attributes),
    );
  }
  lines.push('    </nodes>', '    <edges>');
  net.edges.forEach((edge, i) => {
    element(
      `      <edge id="${i}" source="${ids.get(edge.source)!}" target="${ids.get(edge.target)!}"` +
        ` weight="${String(edge.weight)}"`,
      attvalues('edge', columns.edge, edge.attributes),
    );
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// CSV

function attributeCells(
  cols: readonly ExportAttributeColumn[],
  attributes: Readonly<Record<string, ExportAttributeValue>> = {},
): CsvCell[] {
  return cols.map((c) => attributes[c.name] ?? null);
}

/**
 * The node table as CSV: `id,label` and one column per node attribute (empty cells for null).
 *
 * @example
 * toNodeCsv({ directed: false, edges: [], nodes: [{ id: 'a', label: 'A', attributes: { size: 2 } }] });
 * // 'id,label,size\r\na,A,2\r\n'
 */
export function toNodeCsv(net: ExportNetwork): string {
  const { node } = exportAttributeColumns(net);
  return toCsv(
    ['id', 'label', ...node.map((c) => c.name)],
    net.nodes.map((n) => [n.id, n.label, ...attributeCells(node, n.attributes)]),
  );
}

/**
 * The edge list as CSV: `source,target,weight,type` (`directed` or `undirected`, as Gephi's
 * import wizard reads it) and one column per edge attribute.
 *
 * @example
 * toEdgeCsv({ directed: false, nodes: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }],
 *   edges: [{ source: 'a', target: 'b', weight: 2 }] });
 * // 'source,target,weight,type\r\na,b,2,undirected\r\n'
 */
export function toEdgeCsv(net: ExportNetwork): string {
  const { edge } = exportAttributeColumns(net);
  const type = net.directed ? 'directed' : 'undirected';
  return toCsv(
    ['source', 'target', 'weight', 'type', ...edge.map((c) => c.name)],
    net.edges.map((e) => [
      e.source,
      e.target,
      e.weight,
      type,
      ...attributeCells(edge, e.attributes),
    ]),
  );
}
