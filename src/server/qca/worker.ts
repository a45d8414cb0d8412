/**
 * The QCA worker thread: runs one analysis per message, off the server's event loop. Started by
 * runner.ts; in the bundled server it is dist/server/qca-worker.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { runAnalysis } from '../../core/qca/analysis.ts';
import { QcaInputError, QcaLimitError } from '../../core/qca/errors.ts';
import type { QcaReport } from '../../shared/qca.ts';
import type { QcaWorkerReply, WorkerRequest } from './runner.ts';

parentPort?.on('message', (job: WorkerRequest) => {
  const started = performance.now();
  let reply: QcaWorkerReply;
  try {
    const report = runAnalysis(job.data, job.params);
    // The core's report has R QCA's shape, which QcaReport describes.
    reply = {
      ok: true,
      result: {
        ...report,
        elapsedMs: Math.round(performance.now() - started),
      } as unknown as QcaReport,
    };
  } catch (err) {
    const known = err instanceof QcaInputError || err instanceof QcaLimitError;
    const located = err instanceof QcaInputError ? err : null;
    reply = {
      ok: false,
      kind: known ? 'input' : 'internal',
      message: known ? (err as Error).message : String((err as Error)?.message ?? err),
      path: located?.path ?? (err instanceof QcaLimitError ? 'params.conditions' : 'data'),
      code: located?.code ?? (err instanceof QcaLimitError ? 'limit' : 'invalid'),
    };
  }
  parentPort!.postMessage(reply);
});
