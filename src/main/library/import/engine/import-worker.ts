// The import worker thread: parses a digest and writes it through its own connection to the library
// (WAL lets the main connection keep reading meanwhile; it sees the commit through data_version).
// Started by run-import-worker.ts; the same importDigest the CLI runs in-process.
import { parentPort } from 'node:worker_threads';
import { SiftError } from '../../../../shared/api-errors.ts';
import { openLibrary } from '../../db/open-library.ts';
import { importDigest } from '../import-digest.ts';
import { previewDigest } from '../preview-digest.ts';
import type { ImportWorkerJob, ImportWorkerMessage, PreviewWorkerJob, PreviewWorkerMessage } from './import-worker-protocol.ts';

function post(message: ImportWorkerMessage | PreviewWorkerMessage): void {
  parentPort?.postMessage(message);
}

function failure(error: unknown, fileName: string) {
  return error instanceof SiftError
    ? { type: error.type, message: error.message }
    : { type: 'internal' as const, message: `Sift hit an unexpected error while importing ${fileName}: ${error instanceof Error ? error.message : String(error)}` };
}

/** Reads the file and counts what is new, on a read-only connection: nothing is written. */
function preview(job: PreviewWorkerJob): void {
  let db: ReturnType<typeof openLibrary> | null = null;
  try {
    db = openLibrary(job.libraryPath, { readonly: true });
    const now = new Date(job.nowIso);
    post({ kind: 'preview', preview: previewDigest(db, job.fileName, job.bytes, job.format, { now: () => new Date(now) }) });
  } catch (error) {
    post({ kind: 'failed', error: failure(error, job.fileName), cancelled: false });
  } finally {
    db?.close();
    parentPort?.close();
  }
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
    post({ kind: 'failed', error: failure(error, job.fileName), cancelled: isCancelled() });
  } finally {
    db?.close();
    parentPort?.close();
  }
}

// Started ahead of time (run-import-worker.ts keeps one ready, its modules loaded); one job, then it ends.
parentPort?.once('message', (job: ImportWorkerJob | PreviewWorkerJob) => ('kind' in job && job.kind === 'preview' ? preview(job) : run(job as ImportWorkerJob)));
