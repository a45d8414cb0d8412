import type { QcaDataSet, QcaParams, QcaReport } from '../../shared/qca.ts';
import { WorkerPool, type WorkerReply } from '../workers/pool.ts';

export type WorkerRequest = { data: QcaDataSet; params: QcaParams };
export type QcaWorkerReply = WorkerReply<QcaReport>;

/** QCA analyses in worker threads (see WorkerPool): at most `size` at once, `maxQueue` waiting. */
export class QcaRunner extends WorkerPool<WorkerRequest, QcaReport> {
  constructor(size?: number, maxQueue?: number) {
    super({
      bundle: 'qca-worker',
      source: new URL('./worker.ts', import.meta.url),
      noun: 'analysis',
      inputPrefix: 'Cannot analyse',
      timeoutAdvice: 'Use fewer conditions or a stricter n.cut.',
      ...(size === undefined ? {} : { size }),
      ...(maxQueue === undefined ? {} : { maxQueue }),
    });
  }
}
