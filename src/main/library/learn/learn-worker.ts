// Worker-thread entry: opens the library read-only (WAL lets it read beside the app's connection),
// learns the reader model and hands its typed arrays back without copying them.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { loadLibraryPapers } from './load-library-papers.ts';
import { learnReaderModel } from './reader-model.ts';
import { transferListOf } from './model-transfer.ts';

const { dbPath } = workerData as { dbPath: string };
const db = new Database(dbPath, { readonly: true, fileMustExist: true });
try {
  const model = learnReaderModel(loadLibraryPapers(db));
  parentPort?.postMessage({ model }, transferListOf(model));
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  db.close();
}
