// Worker-thread entry: opens the library (WAL lets it read beside the app's connection; it writes
// only the derived vectors of papers that lack one), learns the reader model and hands it back
// without copying its arrays.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { learnFromLibrary } from './load-library-papers.ts';
import { toMessage } from './model-transfer.ts';

const { dbPath } = workerData as { dbPath: string };
const db = new Database(dbPath, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
try {
  const { message, transfer } = toMessage(learnFromLibrary(db));
  parentPort?.postMessage(message, transfer);
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  db.close();
}
