/**
 * Indexed binary min-heap over node indices 0..capacity-1 with float keys and
 * decrease-key, used by Dijkstra's algorithm (Dijkstra 1959; Cormen et al.,
 * ch. 6). Keys live next to the node ids in heap order so sifting touches
 * contiguous memory. The order of equal keys is unspecified; callers that need
 * determinism (shortest-path DAGs) compare distances, not pop order.
 */

/** Heap state; manipulate it with the functions below. */
export interface IndexedHeap {
  size: number;
  /** heap slot → node */
  readonly nodes: Int32Array;
  /** heap slot → key */
  readonly keys: Float64Array;
  /** node → heap slot, or -1 when absent */
  readonly slot: Int32Array;
}

/**
 * Creates an empty heap for nodes 0..capacity-1.
 *
 * @example
 * const h = createIndexedHeap(4);
 * heapPushOrDecrease(h, 2, 1.5);
 * heapPopMin(h); // 2
 */
export function createIndexedHeap(capacity: number): IndexedHeap {
  return {
    size: 0,
    nodes: new Int32Array(capacity),
    keys: new Float64Array(capacity),
    slot: new Int32Array(capacity).fill(-1),
  };
}

function siftUp(h: IndexedHeap, pos: number, node: number, key: number): void {
  const { nodes, keys, slot } = h;
  while (pos > 0) {
    const parent = (pos - 1) >> 1;
    const pk = keys[parent]!;
    if (pk <= key) break;
    const p = nodes[parent]!;
    nodes[pos] = p;
    keys[pos] = pk;
    slot[p] = pos;
    pos = parent;
  }
  nodes[pos] = node;
  keys[pos] = key;
  slot[node] = pos;
}

function siftDown(h: IndexedHeap, pos: number, node: number, key: number): void {
  const { nodes, keys, slot } = h;
  const size = h.size;
  for (;;) {
    let child = 2 * pos + 1;
    if (child >= size) break;
    let ck = keys[child]!;
    const right = child + 1;
    if (right < size) {
      const rk = keys[right]!;
      if (rk < ck) {
        child = right;
        ck = rk;
      }
    }
    if (ck >= key) break;
    const c = nodes[child]!;
    nodes[pos] = c;
    keys[pos] = ck;
    slot[c] = pos;
    pos = child;
  }
  nodes[pos] = node;
  keys[pos] = key;
  slot[node] = pos;
}

/**
 * Inserts `node` with `key`, or lowers its key if it is queued with a larger one.
 *
 * @example
 * heapPushOrDecrease(h, 0, 3);
 * heapPushOrDecrease(h, 0, 1); // key is now 1
 */
export function heapPushOrDecrease(h: IndexedHeap, node: number, key: number): void {
  const pos = h.slot[node]!;
  if (pos < 0) siftUp(h, h.size++, node, key);
  else if (key < h.keys[pos]!) siftUp(h, pos, node, key);
}

/**
 * Removes and returns the node with the smallest key, or -1 when empty.
 *
 * @example
 * heapPopMin(h); // node index
 */
export function heapPopMin(h: IndexedHeap): number {
  if (h.size === 0) return -1;
  const top = h.nodes[0]!;
  h.slot[top] = -1;
  const last = --h.size;
  if (last > 0) siftDown(h, 0, h.nodes[last]!, h.keys[last]!);
  return top;
}

/**
 * Empties the heap (O(size)) so it can be reused for another source.
 *
 * @example
 * heapClear(h);
 */
export function heapClear(h: IndexedHeap): void {
  for (let i = 0; i < h.size; i++) h.slot[h.nodes[i]!] = -1;
  h.size = 0;
}
