/**
 * The network worker thread: computes one network view per message, off the server's event
 * loop. Started by the pool in service.ts; in the bundled server it is
 * dist/server/network-worker.mjs.
 */
import { parentPort } from 'node:worker_threads';
import type { NetworkGrouping, NetworkView } from '../../shared/network.ts';
import type { WorkerReply } from '../workers/pool.ts';
import { computeNetworkView } from './compute.ts';
import type { RawNetwork } from './ties.ts';

export type NetworkJob = { raw: RawNetwork; group: NetworkGrouping };
export type NetworkResult = Omit<NetworkView, 'version'>;

parentPort?.on('message', (job: NetworkJob) => {
  const started = performance.now();
  let reply: WorkerReply<NetworkResult>;
  try {
    const view = computeNetworkView(job.raw, job.group);
    reply = { ok: true, result: { ...view, computedMs: Math.round(performance.now() - started) } };
  } catch (err) {
    reply = {
      ok: false,
      kind: 'internal',
      message: String((err as Error)?.message ?? err),
      path: '',
      code: 'internal',
    };
  }
  parentPort!.postMessage(reply);
});
