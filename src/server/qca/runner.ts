import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { QcaDataSet, QcaParams, QcaReport } from '../../shared/qca.ts';
import { HttpError } from '../errors.ts';

export type WorkerRequest = { data: QcaDataSet; params: QcaParams };
export type WorkerReply =
  | { ok: true; report: QcaReport }
  | { ok: false; kind: 'input' | 'internal'; message: string; path: string; code: string };

type Job = {
  request: WorkerRequest;
  resolve: (r: QcaReport) => void;
  reject: (e: Error) => void;
  signal?: AbortSignal | undefined;
  timeoutMs: number;
};

/**
 * The worker: the bundled file beside a built server, or the TypeScript source (development and
 * tests), loaded through tsx's loader registered inside the new thread.
 */
function spawnWorker(): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./qca-worker.mjs', import.meta.url));
  const source = new URL('./worker.ts', import.meta.url).href;
  return new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`,
    { eval: true },
  );
}

/**
 * Runs QCA analyses in worker threads, so a heavy analysis never blocks the server's event loop.
 * At most `size` run at once (others wait in a short queue; beyond it the server is busy: 503).
 * An analysis that runs past its time limit, or whose request is given up, has its worker
 * terminated (and replaced when needed).
 */
export class QcaRunner {
  private idle: Worker[] = [];
  private busy = new Set<Worker>();
  private queue: Job[] = [];
  private closed = false;

  constructor(
    private readonly size = Math.max(1, Math.min(2, os.cpus().length - 1)),
    private readonly maxQueue = 8,
  ) {}

  run(
    request: WorkerRequest,
    options: { timeoutMs: number; signal?: AbortSignal },
  ): Promise<QcaReport> {
    if (this.closed) return Promise.reject(new HttpError(503, 'unavailable', 'Shutting down.'));
    if (this.queue.length >= this.maxQueue)
      return Promise.reject(
        new HttpError(503, 'busy', 'Too many analyses are running; try again in a moment.'),
      );
    return new Promise((resolve, reject) => {
      this.queue.push({
        request,
        resolve,
        reject,
        signal: options.signal,
        timeoutMs: options.timeoutMs,
      });
      this.next();
    });
  }

  private spawn(): Worker {
    const w = spawnWorker();
    w.unref();
    return w;
  }

  private next(): void {
    while (this.queue.length && this.busy.size < this.size) {
      const job = this.queue.shift()!;
      if (job.signal?.aborted) {
        job.reject(new HttpError(499, 'cancelled', 'The analysis was cancelled.'));
        continue;
      }
      const worker = this.idle.pop() ?? this.spawn();
      this.busy.add(worker);
      this.start(worker, job);
    }
  }

  private start(worker: Worker, job: Job): void {
    let settled = false;
    const finish = (keep: boolean) => {
      settled = true;
      clearTimeout(timer);
      job.signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      this.busy.delete(worker);
      if (keep && !this.closed) this.idle.push(worker);
      else void worker.terminate();
      this.next();
    };
    const onMessage = (reply: WorkerReply) => {
      if (settled) return;
      finish(true);
      if (reply.ok) job.resolve(reply.report);
      else if (reply.kind === 'input')
        job.reject(
          new HttpError(400, 'validation', `Cannot analyse: ${reply.message}`, [
            { path: reply.path, message: reply.message, code: reply.code },
          ]),
        );
      else job.reject(new Error(`QCA worker failed: ${reply.message}`));
    };
    const onError = (err: Error) => {
      if (settled) return;
      finish(false);
      job.reject(err);
    };
    const onAbort = () => {
      if (settled) return;
      finish(false);
      job.reject(new HttpError(499, 'cancelled', 'The analysis was cancelled.'));
    };
    const timer = setTimeout(() => {
      if (settled) return;
      finish(false);
      job.reject(
        new HttpError(
          408,
          'timeout',
          `The analysis took longer than ${Math.round(job.timeoutMs / 1000)} s and was stopped. Use fewer conditions or a stricter n.cut.`,
        ),
      );
    }, job.timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    job.signal?.addEventListener('abort', onAbort, { once: true });
    worker.postMessage(job.request);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0))
      job.reject(new HttpError(503, 'unavailable', 'Shutting down.'));
    await Promise.all([...this.idle, ...this.busy].map((w) => w.terminate()));
    this.idle = [];
    this.busy.clear();
  }
}
