/**
 * The network view for a viewer and a query: read the ties (only what the viewer may see),
 * compute in a worker thread, cache per data version. The same query at the same version (and
 * the same visible drafts) is answered from the cache, and concurrent requests for it share one
 * computation.
 */
import { createHash } from 'node:crypto';
import type { NetworkQuery, NetworkView } from '../../shared/network.ts';
import { MODE_TIE_KINDS } from '../../shared/network.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { badRequest } from '../errors.ts';
import { WorkerPool } from '../workers/pool.ts';
import { loadNetwork, networkDataVersion, visibleDraftIds } from './ties.ts';
import type { NetworkJob, NetworkResult } from './worker.ts';

/** A bigger network is refused with advice to narrow the filters. */
export const NETWORK_MAX_NODES = 20_000;
export const NETWORK_TIME_LIMIT_MS = 120_000;
const CACHE_SIZE = 32;

/** The query with defaults filled and lists sorted, so equal questions share a cache entry. */
function canonical(query: NetworkQuery) {
  const sorted = (xs: readonly string[] | undefined) => (xs?.length ? [...xs].sort() : []);
  return {
    nodes: query.nodes,
    tie: query.tie?.length ? sorted(query.tie) : [...MODE_TIE_KINDS[query.nodes]].sort(),
    yearFrom: query.yearFrom ?? null,
    yearTo: query.yearTo ?? null,
    country: sorted(query.country),
    sector: sorted(query.sector),
    group: query.group,
  };
}

export class NetworkService {
  private readonly pool: WorkerPool<NetworkJob, NetworkResult>;
  private readonly cache = new Map<string, Promise<NetworkView>>();
  /** Computations done (not answered from the cache): for tests and the benchmark. */
  computations = 0;

  constructor(
    private readonly db: Db,
    options: { size?: number } = {},
  ) {
    this.pool = new WorkerPool<NetworkJob, NetworkResult>({
      bundle: 'network-worker',
      source: new URL('./worker.ts', import.meta.url),
      noun: 'network computation',
      inputPrefix: 'Cannot compute the network',
      timeoutAdvice: 'Narrow the network with filters.',
      ...(options.size === undefined ? {} : { size: options.size }),
    });
  }

  async view(viewer: ActiveSession | null, query: NetworkQuery): Promise<NetworkView> {
    const [version, drafts] = await Promise.all([
      networkDataVersion(this.db),
      visibleDraftIds(this.db, viewer),
    ]);
    const q = canonical(query);
    const key = createHash('sha256')
      .update(JSON.stringify([version, q, drafts]))
      .digest('base64url');
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const computing = this.compute(query, drafts, version);
    this.cache.set(key, computing);
    computing.catch(() => this.cache.delete(key));
    while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return computing;
  }

  private async compute(
    query: NetworkQuery,
    drafts: readonly string[],
    version: string,
  ): Promise<NetworkView> {
    const raw = await loadNetwork(this.db, query, drafts);
    if (raw.nodes.length > NETWORK_MAX_NODES)
      throw badRequest('The network is too large to draw.', [
        {
          path: 'nodes',
          message: `has ${raw.nodes.length} nodes, more than ${NETWORK_MAX_NODES}; narrow it with a country, sector or time window`,
        },
      ]);
    this.computations++;
    const result = await this.pool.run(
      { raw, group: query.group },
      { timeoutMs: NETWORK_TIME_LIMIT_MS },
    );
    return { ...result, version: createHash('sha256').update(version).digest('hex').slice(0, 16) };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
