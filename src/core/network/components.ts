/**
 * Connected components (weak components for directed graphs) by breadth-first
 * search, and strongly connected components by Tarjan's (1972) algorithm.
 */
import type { Graph } from './graph.ts';

/**
 * Component label (0, 1, …, in order of each component's first node) for every
 * node; arc direction is ignored.
 *
 * @example
 * componentLabels(g); // Int32Array [0, 0, 1]
 */
export function componentLabels(g: Graph): Int32Array {
  const n = g.n;
  const label = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let next = 0;
  for (let s = 0; s < n; s++) {
    if (label[s]! >= 0) continue;
    const c = next++;
    label[s] = c;
    queue[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = queue[head++]!;
      for (let e = g.outOffsets[v]!; e < g.outOffsets[v + 1]!; e++) {
        const w = g.outTargets[e]!;
        if (label[w]! < 0) {
          label[w] = c;
          queue[tail++] = w;
        }
      }
      if (g.directed) {
        for (let e = g.inOffsets[v]!; e < g.inOffsets[v + 1]!; e++) {
          const w = g.inTargets[e]!;
          if (label[w]! < 0) {
            label[w] = c;
            queue[tail++] = w;
          }
        }
      }
    }
  }
  return label;
}

function groupByLabel(label: Int32Array): number[][] {
  const groups: number[][] = [];
  for (let v = 0; v < label.length; v++) {
    const c = label[v]!;
    while (groups.length <= c) groups.push([]);
    groups[c]!.push(v);
  }
  return groups;
}

/**
 * Connected components as lists of node indices (weakly connected for directed
 * graphs), each list ascending, components ordered by their first node.
 *
 * @example
 * // a–b, c isolated
 * connectedComponents(g); // [[0, 1], [2]]
 */
export function connectedComponents(g: Graph): number[][] {
  return groupByLabel(componentLabels(g));
}

/**
 * True when every node can reach every other ignoring direction (false for n = 0).
 *
 * @example
 * isConnected(path); // true
 */
export function isConnected(g: Graph): boolean {
  if (g.n === 0) return false;
  const label = componentLabels(g);
  for (let v = 0; v < g.n; v++) if (label[v] !== 0) return false;
  return true;
}

/**
 * Strongly connected components (Tarjan 1972, iterative), as lists of node
 * indices. Undirected graphs give their connected components.
 *
 * @example
 * // a→b→a, b→c
 * stronglyConnectedComponents(g); // [[2], [0, 1]]
 */
export function stronglyConnectedComponents(g: Graph): number[][] {
  if (!g.directed) return connectedComponents(g);
  const n = g.n;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let stackTop = 0;
  let counter = 0;
  const out: number[][] = [];
  for (let root = 0; root < n; root++) {
    if (index[root]! >= 0) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = g.outOffsets[root]!;
    index[root] = low[root] = counter++;
    stack[stackTop++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth]!;
      const e = callEdge[depth]!;
      if (e < g.outOffsets[v + 1]!) {
        callEdge[depth] = e + 1;
        const w = g.outTargets[e]!;
        if (index[w]! < 0) {
          index[w] = low[w] = counter++;
          stack[stackTop++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = g.outOffsets[w]!;
        } else if (onStack[w] === 1 && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      if (low[v] === index[v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack[--stackTop]!;
          onStack[w] = 0;
          comp.push(w);
        } while (w !== v);
        comp.sort((a, b) => a - b);
        out.push(comp);
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
    }
  }
  return out;
}
