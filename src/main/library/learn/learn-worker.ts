// Worker-thread entry: opens the library (WAL lets it read beside the app's connection; it writes
// only the derived vectors of papers that lack one), learns the reader model, on the main thread's
// space when nothing it was packed from has changed, and hands it back without copying its arrays.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { learnLibrary } from './learn-from-library.ts';
import { fromReusableMessage, toMessage } from './model-transfer.ts';
import type { ReusableSpaceMessage } from './model-transfer.ts';

/** Sleeps this worker's thread for `ms` (Atomics.wait: the window's thread never runs this). */
const sleepThread = (ms: number) => {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

const { dbPath, previous } = workerData as { dbPath: string; previous: ReusableSpaceMessage | null };
const db = new Database(dbPath, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
try {
  // Storing a whole library's vectors gives way between batches: the window's searches come first.
  const learnt = learnLibrary(db, { previous: previous ? fromReusableMessage(previous) : null, afterBatch: sleepThread });
  const { message, transfer } = toMessage(learnt);
  parentPort?.postMessage(message, transfer);
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  db.close();
}
