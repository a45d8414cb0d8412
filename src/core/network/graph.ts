/**
 * Compact graph representation used by every network metric in this folder.
 *
 * Nodes are numbered 0..n-1 in input order. Adjacency is stored in CSR form
 * (compressed sparse rows): the neighbours of node `v` are
 * `targets[offsets[v] .. offsets[v + 1])`, with parallel `weights`. Neighbour
 * lists are sorted by node index so results do not depend on edge order.
 *
 * Semantics follow networkx's `Graph` / `DiGraph`: a repeated edge is merged
 * (the last weight wins), an undirected edge `a–b` equals `b–a`, an edge without
 * a weight has weight 1, and a self-loop appears once in its node's neighbour
 * list (so it counts twice in the degree of an undirected graph).
 */

/** A node as given by the caller: an id and free-form attributes. */
export interface NodeInput {
  readonly id: string;
  readonly attributes?: Readonly<Record<string, unknown>>;
}

/** An edge as given by the caller. `weight` defaults to 1. */
export interface EdgeInput {
  readonly source: string;
  readonly target: string;
  readonly weight?: number;
}

/** Input for {@link buildGraph}. */
export interface GraphInput {
  readonly directed?: boolean;
  readonly nodes: readonly NodeInput[];
  readonly edges: readonly EdgeInput[];
}

/** Immutable CSR graph. For undirected graphs the `in*` arrays are the `out*` arrays. */
export interface Graph {
  readonly directed: boolean;
  /** True when at least one edge carries an explicit weight. */
  readonly weighted: boolean;
  /** Number of nodes. */
  readonly n: number;
  /** Number of distinct edges (arcs when directed), self-loops included. */
  readonly m: number;
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly attributes: readonly Readonly<Record<string, unknown>>[];
  /** Successors (directed) or neighbours (undirected). Length n + 1. */
  readonly outOffsets: Int32Array;
  readonly outTargets: Int32Array;
  readonly outWeights: Float64Array;
  /** Predecessors (directed) or neighbours (undirected). Length n + 1. */
  readonly inOffsets: Int32Array;
  readonly inTargets: Int32Array;
  readonly inWeights: Float64Array;
  /** Edge list (one entry per distinct edge; for undirected edges source ≤ target). */
  readonly edgeSources: Int32Array;
  readonly edgeTargets: Int32Array;
  readonly edgeWeights: Float64Array;
}

/** Raised for structurally invalid graph input; `path` names the offending field. */
export class GraphInputError extends Error {
  readonly path: string;

  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'GraphInputError';
    this.path = path;
  }
}

function buildCsr(
  n: number,
  from: Int32Array,
  to: Int32Array,
  weights: Float64Array,
  count: number,
): { offsets: Int32Array; targets: Int32Array; weights: Float64Array } {
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < count; e++) offsets[from[e]! + 1]!++;
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(count);
  const w = new Float64Array(count);
  for (let e = 0; e < count; e++) {
    const slot = fill[from[e]!]!++;
    targets[slot] = to[e]!;
    w[slot] = weights[e]!;
  }
  // Sort each row by target (insertion sort: rows are short and mostly sorted).
  for (let v = 0; v < n; v++) {
    const start = offsets[v]!;
    const end = offsets[v + 1]!;
    for (let i = start + 1; i < end; i++) {
      const t = targets[i]!;
      const tw = w[i]!;
      let j = i - 1;
      while (j >= start && targets[j]! > t) {
        targets[j + 1] = targets[j]!;
        w[j + 1] = w[j]!;
        j--;
      }
      targets[j + 1] = t;
      w[j + 1] = tw;
    }
  }
  return { offsets, targets, weights: w };
}

/**
 * Builds a {@link Graph} from node and edge lists.
 *
 * Throws {@link GraphInputError} for duplicate node ids, unknown endpoints and
 * non-finite weights.
 *
 * @example
 * const g = buildGraph({ nodes: [{ id: 'a' }, { id: 'b' }], edges: [{ source: 'a', target: 'b' }] });
 * g.n; // 2
 * g.m; // 1
 */
export function buildGraph(input: GraphInput): Graph {
  const directed = input.directed === true;
  const n = input.nodes.length;
  const ids: string[] = new Array<string>(n);
  const index = new Map<string, number>();
  const attributes: Readonly<Record<string, unknown>>[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const node = input.nodes[i]!;
    if (index.has(node.id)) {
      throw new GraphInputError(`nodes[${i}].id`, `duplicate node id "${node.id}"`);
    }
    index.set(node.id, i);
    ids[i] = node.id;
    attributes[i] = node.attributes ?? {};
  }

  // Merge repeated edges (last weight wins), as networkx's add_edge does.
  const slotOf = new Map<number, number>();
  const src: number[] = [];
  const dst: number[] = [];
  const wts: number[] = [];
  let weighted = false;
  for (let e = 0; e < input.edges.length; e++) {
    const edge = input.edges[e]!;
    const s = index.get(edge.source);
    if (s === undefined) {
      throw new GraphInputError(`edges[${e}].source`, `unknown node id "${edge.source}"`);
    }
    const t = index.get(edge.target);
    if (t === undefined) {
      throw new GraphInputError(`edges[${e}].target`, `unknown node id "${edge.target}"`);
    }
    let w = 1;
    if (edge.weight !== undefined) {
      if (typeof edge.weight !== 'number' || !Number.isFinite(edge.weight)) {
        throw new GraphInputError(`edges[${e}].weight`, 'weight must be a finite number');
      }
      w = edge.weight;
      weighted = true;
    }
    const a = directed ? s : Math.min(s, t);
    const b = directed ? t : Math.max(s, t);
    const key = a * n + b;
    const slot = slotOf.get(key);
    if (slot === undefined) {
      slotOf.set(key, src.length);
      src.push(a);
      dst.push(b);
      wts.push(w);
    } else {
      wts[slot] = w;
    }
  }

  const m = src.length;
  const edgeSources = Int32Array.from(src);
  const edgeTargets = Int32Array.from(dst);
  const edgeWeights = Float64Array.from(wts);

  if (directed) {
    const out = buildCsr(n, edgeSources, edgeTargets, edgeWeights, m);
    const inn = buildCsr(n, edgeTargets, edgeSources, edgeWeights, m);
    return {
      directed,
      weighted,
      n,
      m,
      ids,
      index,
      attributes,
      outOffsets: out.offsets,
      outTargets: out.targets,
      outWeights: out.weights,
      inOffsets: inn.offsets,
      inTargets: inn.targets,
      inWeights: inn.weights,
      edgeSources,
      edgeTargets,
      edgeWeights,
    };
  }

  // Undirected: each edge is stored in both rows, a self-loop only once.
  let arcs = 0;
  for (let e = 0; e < m; e++) arcs += edgeSources[e] === edgeTargets[e] ? 1 : 2;
  const from = new Int32Array(arcs);
  const to = new Int32Array(arcs);
  const aw = new Float64Array(arcs);
  let k = 0;
  for (let e = 0; e < m; e++) {
    const a = edgeSources[e]!;
    const b = edgeTargets[e]!;
    const w = edgeWeights[e]!;
    from[k] = a;
    to[k] = b;
    aw[k++] = w;
    if (a !== b) {
      from[k] = b;
      to[k] = a;
      aw[k++] = w;
    }
  }
  const csr = buildCsr(n, from, to, aw, arcs);
  return {
    directed,
    weighted,
    n,
    m,
    ids,
    index,
    attributes,
    outOffsets: csr.offsets,
    outTargets: csr.targets,
    outWeights: csr.weights,
    inOffsets: csr.offsets,
    inTargets: csr.targets,
    inWeights: csr.weights,
    edgeSources,
    edgeTargets,
    edgeWeights,
  };
}

/**
 * Maps a per-node array to an object keyed by node id.
 *
 * @example
 * byNodeId(g, [1, 2]); // { a: 1, b: 2 }
 */
/**
 * Whether the arc from → to exists. Each node's out-targets are sorted, so this is a binary search.
 *
 * @example
 * const g = buildGraph({ directed: true, nodes: [{ id: 'a' }, { id: 'b' }], edges: [{ source: 'a', target: 'b' }] });
 * hasArc(g, 0, 1); // true
 * hasArc(g, 1, 0); // false
 */
export function hasArc(g: Graph, from: number, to: number): boolean {
  let lo = g.outOffsets[from]!;
  let hi = g.outOffsets[from + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = g.outTargets[mid]!;
    if (t === to) return true;
    if (t < to) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

export function byNodeId<T>(g: Graph, values: ArrayLike<T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (let i = 0; i < g.n; i++) out[g.ids[i]!] = values[i]!;
  return out;
}

/**
 * Reads a node attribute as a group label (strings and numbers; anything else is `null`).
 *
 * @example
 * nodeAttributeLabels(g, 'sector'); // ['public', 'private', null]
 */
export function nodeAttributeLabels(g: Graph, attribute: string): (string | null)[] {
  const labels: (string | null)[] = new Array<string | null>(g.n);
  for (let i = 0; i < g.n; i++) {
    const value = g.attributes[i]![attribute];
    labels[i] =
      typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
  }
  return labels;
}

/**
 * Converts node ids to node indices; throws {@link GraphInputError} for unknown ids.
 *
 * @example
 * indicesOf(g, ['b', 'a']); // Int32Array [1, 0]
 */
export function indicesOf(g: Graph, ids: readonly string[], path = 'nodes'): Int32Array {
  const out = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const v = g.index.get(ids[i]!);
    if (v === undefined) throw new GraphInputError(`${path}[${i}]`, `unknown node id "${ids[i]}"`);
    out[i] = v;
  }
  return out;
}

/**
 * The undirected graph underlying `g` (arc direction dropped; reciprocal arcs
 * become one edge whose weight is the sum of both). Returns `g` itself when it
 * is already undirected.
 *
 * @example
 * const u = toUndirected(directedGraph);
 * u.directed; // false
 */
export function toUndirected(g: Graph): Graph {
  if (!g.directed) return g;
  const weights = new Map<number, number>();
  const n = g.n;
  for (let e = 0; e < g.m; e++) {
    const s = g.edgeSources[e]!;
    const t = g.edgeTargets[e]!;
    const key = Math.min(s, t) * n + Math.max(s, t);
    weights.set(key, (weights.get(key) ?? 0) + g.edgeWeights[e]!);
  }
  const edges: EdgeInput[] = [];
  for (const [key, weight] of weights) {
    const s = Math.floor(key / n);
    edges.push({ source: g.ids[s]!, target: g.ids[key - s * n]!, weight });
  }
  const nodes: NodeInput[] = g.ids.map((id, i) => ({ id, attributes: g.attributes[i]! }));
  const u = buildGraph({ directed: false, nodes, edges });
  return { ...u, weighted: g.weighted };
}
