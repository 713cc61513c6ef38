// The import worker thread: parses a digest and writes it through its own connection to the library
// (WAL lets the main connection keep reading meanwhile; it sees the commit through data_version).
// Started by run-import-worker.ts; the same importDigest the CLI runs in-process.
import { parentPort } from 'node:worker_threads';
import { SiftError } from '../../../../shared/api-errors.ts';
import { openLibrary } from '../../db/open-library.ts';
import { importDigest } from '../import-digest.ts';
import type { ImportWorkerJob, ImportWorkerMessage } from './import-worker-protocol.ts';

function post(message: ImportWorkerMessage): void {
  parentPort?.postMessage(message);
}

function run(job: ImportWorkerJob): void {
  const cancelFlag = new Int32Array(job.cancelFlag);
  const isCancelled = () => Atomics.load(cancelFlag, 0) === 1;
  const now = new Date(job.nowIso);
  let db: ReturnType<typeof openLibrary> | null = null;
  try {
    // The main thread opened (and migrated) this library already; here it is only opened.
    db = openLibrary(job.libraryPath, { beforeMigrate: () => undefined });
    const report = importDigest(
      db,
      { fileName: job.fileName, bytes: job.bytes, format: job.format, into: job.into },
      { now: () => new Date(now) },
      { onProgress: (progress) => post({ kind: 'progress', progress }), isCancelled, indexForSearch: true },
    );
    post({ kind: 'done', report });
  } catch (error) {
    const apiError =
      error instanceof SiftError
        ? { type: error.type, message: error.message }
        : { type: 'internal' as const, message: `Sift hit an unexpected error while importing ${job.fileName}: ${error instanceof Error ? error.message : String(error)}` };
    post({ kind: 'failed', error: apiError, cancelled: isCancelled() });
  } finally {
    db?.close();
    parentPort?.close();
  }
}

// Started ahead of time (run-import-worker.ts keeps one ready, its modules loaded); one job, then it ends.
parentPort?.once('message', (job: ImportWorkerJob) => run(job));
