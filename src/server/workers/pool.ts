import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { HttpError } from '../errors.ts';

/** What a worker thread answers: the result, or an input problem (400) or an internal failure. */
export type WorkerReply<Result> =
  | { ok: true; result: Result }
  | { ok: false; kind: 'input' | 'internal'; message: string; path: string; code: string };

/** What the pool runs: the worker's entry and the words its errors use. */
export interface WorkerPoolOptions {
  /** The bundled worker beside a built server (dist/server/NAME.mjs). */
  bundle: string;
  /** The TypeScript source of the worker, for development and tests. */
  source: URL;
  /** "analysis", "network computation": used in the busy, cancelled and timeout messages. */
  noun: string;
  /** 400 messages start with this ("Cannot analyse"). */
  inputPrefix: string;
  /** Advice added to the timeout message. */
  timeoutAdvice: string;
  size?: number;
  maxQueue?: number;
}

type Job<Request, Result> = {
  request: Request;
  resolve: (r: Result) => void;
  reject: (e: Error) => void;
  signal?: AbortSignal | undefined;
  timeoutMs: number;
};

/**
 * The worker: the bundled file beside a built server, or the TypeScript source (development and
 * tests), loaded through tsx's loader registered inside the new thread.
 */
function spawnWorker(options: WorkerPoolOptions): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL(`./${options.bundle}.mjs`, import.meta.url));
  return new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(options.source.href)}); });`,
    { eval: true },
  );
}

/** Cores left for the server itself: at most two workers, at least one. */
export const defaultPoolSize = () => Math.max(1, Math.min(2, os.cpus().length - 1));

/**
 * Runs heavy computations in worker threads, so they never block the server's event loop.
 * At most `size` run at once (others wait in a short queue; beyond it the server is busy: 503).
 * A job that runs past its time limit, or whose request is given up, has its worker terminated
 * (and replaced when needed).
 */
export class WorkerPool<Request, Result> {
  private idle: Worker[] = [];
  private busy = new Set<Worker>();
  private queue: Job<Request, Result>[] = [];
  private closed = false;
  private readonly size: number;
  private readonly maxQueue: number;

  constructor(private readonly options: WorkerPoolOptions) {
    this.size = options.size ?? defaultPoolSize();
    this.maxQueue = options.maxQueue ?? 8;
  }

  run(request: Request, options: { timeoutMs: number; signal?: AbortSignal }): Promise<Result> {
    if (this.closed) return Promise.reject(new HttpError(503, 'unavailable', 'Shutting down.'));
    if (this.queue.length >= this.maxQueue)
      return Promise.reject(
        new HttpError(
          503,
          'busy',
          `Too many ${this.options.noun}s are running; try again in a moment.`,
        ),
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

  private cancelled(): HttpError {
    return new HttpError(499, 'cancelled', `The ${this.options.noun} was cancelled.`);
  }

  private next(): void {
    while (this.queue.length && this.busy.size < this.size) {
      const job = this.queue.shift()!;
      if (job.signal?.aborted) {
        job.reject(this.cancelled());
        continue;
      }
      let worker = this.idle.pop();
      if (!worker) {
        worker = spawnWorker(this.options);
        worker.unref();
      }
      this.busy.add(worker);
      this.start(worker, job);
    }
  }

  private start(worker: Worker, job: Job<Request, Result>): void {
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
    const onMessage = (reply: WorkerReply<Result>) => {
      if (settled) return;
      finish(true);
      if (reply.ok) job.resolve(reply.result);
      else if (reply.kind === 'input')
        job.reject(
          new HttpError(400, 'validation', `${this.options.inputPrefix}: ${reply.message}`, [
            { path: reply.path, message: reply.message, code: reply.code },
          ]),
        );
      else job.reject(new Error(`${this.options.noun} worker failed: ${reply.message}`));
    };
    const onError = (err: Error) => {
      if (settled) return;
      finish(false);
      job.reject(err);
    };
    const onAbort = () => {
      if (settled) return;
      finish(false);
      job.reject(this.cancelled());
    };
    const timer = setTimeout(() => {
      if (settled) return;
      finish(false);
      job.reject(
        new HttpError(
          408,
          'timeout',
          `The ${this.options.noun} took longer than ${Math.round(job.timeoutMs / 1000)} s and was stopped. ${this.options.timeoutAdvice}`,
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
