import { randomUUID } from 'node:crypto';
import { SiftError } from '../../../../shared/api-errors.ts';
import type { ImportJobStatus } from '../../../../shared/contract/import-jobs-contract.ts';
import type { DigestFormat, ImportReport } from '../../../../shared/domain.ts';
import type { Clock } from '../../db/clock.ts';
import { assertDigestSize } from '../digest-size-limit.ts';
import { runImportWorker } from './run-import-worker.ts';
import type { ImportWorkerOutcome, RunningImport } from './run-import-worker.ts';

export interface ImportJobRequest {
  fileName: string;
  bytes: Uint8Array;
  format?: DigestFormat | undefined;
  into?: 'inbox' | 'to-read' | undefined;
}

export interface ImportJobs {
  /** Starts importing in a worker thread and returns at once with the job's id. */
  start(request: ImportJobRequest): string;
  status(jobId: string): ImportJobStatus;
  cancel(jobId: string): ImportJobStatus;
  /** The report when the job succeeds; its error (a SiftError) when it fails or is cancelled. */
  result(jobId: string): Promise<ImportReport>;
}

interface Job {
  status: ImportJobStatus;
  running: RunningImport;
  finished: Promise<ImportWorkerOutcome>;
}

/** Finished jobs kept for a late status call (a window polling every few hundred ms). */
const FINISHED_KEPT = 32;

/**
 * Imports running off the main thread, one worker each, over the library at `libraryPath`. The main
 * connection sees each commit through data_version, as it sees the CLI's; it never waits for a parse.
 */
export function createImportJobs(library: { path: string; clock: Clock }): ImportJobs {
  const jobs = new Map<string, Job>();
  const find = (jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job) throw new SiftError('not-found', 'No such import: it finished long ago or never started.');
    return job;
  };
  const forgetOldJobs = () => {
    const finished = [...jobs.entries()].filter(([, job]) => isFinished(job.status));
    for (const [jobId] of finished.slice(0, Math.max(0, finished.length - FINISHED_KEPT))) jobs.delete(jobId);
  };
  return {
    start(request) {
      assertDigestSize(request.fileName, request.bytes.length);
      const jobId = randomUUID();
      const status: ImportJobStatus = {
        jobId,
        file: request.fileName,
        state: 'reading',
        bytes: request.bytes.length,
        papersFound: null,
        fractionRead: null,
        papersWritten: 0,
        papersIndexed: 0,
        report: null,
        error: null,
      };
      const running = runImportWorker(
        { libraryPath: library.path, fileName: request.fileName, bytes: request.bytes, format: request.format, into: request.into ?? 'inbox', nowIso: library.clock.now().toISOString() },
        (progress) => {
          if (isFinished(status)) return;
          status.state = progress.phase === 'parsed' ? 'reading' : progress.phase;
          if (progress.phase === 'reading') {
            status.fractionRead = progress.fractionRead ?? null;
            return;
          }
          status.fractionRead = 1;
          status.papersFound = progress.papersFound;
          status.papersWritten = progress.papersWritten;
          status.papersIndexed = progress.papersIndexed;
        },
      );
      const finished = running.outcome.then((outcome) => {
        if (outcome.kind === 'done') {
          status.state = 'done';
          status.report = outcome.report;
        } else {
          status.state = outcome.cancelled ? 'cancelled' : 'failed';
          status.error = outcome.cancelled ? { type: 'conflict', message: `${request.fileName}: the import was cancelled; nothing was added to the library.` } : outcome.error;
        }
        forgetOldJobs();
        return outcome;
      });
      jobs.set(jobId, { status, running, finished });
      return jobId;
    },
    status: (jobId) => ({ ...find(jobId).status }),
    cancel(jobId) {
      const job = find(jobId);
      if (!isFinished(job.status)) job.running.cancel();
      return { ...job.status };
    },
    async result(jobId) {
      const outcome = await find(jobId).finished;
      if (outcome.kind === 'done') return outcome.report;
      const status = find(jobId).status;
      throw new SiftError(status.error?.type ?? outcome.error.type, status.error?.message ?? outcome.error.message);
    },
  };
}

function isFinished(status: ImportJobStatus): boolean {
  return status.state === 'done' || status.state === 'failed' || status.state === 'cancelled';
}
