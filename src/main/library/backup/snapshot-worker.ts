// Worker-thread entry: copies the library through its own read-only connection and checks the copy,
// so the app's main thread keeps answering the window during the seconds a large backup takes.
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { finishSnapshot } from './finish-snapshot.ts';
import type { SnapshotJob, SnapshotWorkerMessage } from './snapshot-worker-protocol.ts';

const job = workerData as SnapshotJob;
const send = (message: SnapshotWorkerMessage) => parentPort?.postMessage(message);

// All pages in one step after the first: the copy is then one read transaction, which WAL lets the
// app's writes run beside, instead of a copy that every write by the app's connection restarts.
const ALL_PAGES = 2 ** 31 - 1;

async function run(): Promise<void> {
  send({ kind: 'stage', stage: 'copying' });
  const reader = new BetterSqlite3(job.libraryPath, { readonly: true, fileMustExist: true });
  try {
    await reader.backup(job.partialPath, { progress: () => ALL_PAGES });
  } finally {
    reader.close();
  }
  send({ kind: 'stage', stage: 'checking' });
  send({ kind: 'finished', check: finishSnapshot(job.partialPath, job.finalPath, job) });
}

run().catch((error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  send({ kind: 'failed', message: error instanceof Error ? error.message : String(error), code: typeof code === 'string' ? code : null });
});
