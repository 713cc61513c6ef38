// Learning off the main thread: the app's main process keeps answering the window while a worker
// reads the library and trains. Where no worker can start (a bundle without the worker's file),
// it learns in-process instead of not learning at all.
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { learnFromLibrary } from './load-library-papers.ts';
import { fromMessage } from './model-transfer.ts';
import type { ModelMessage } from './model-transfer.ts';
import type { ReaderModel } from './reader-model.ts';

// From source the worker is a .ts file beside this one; in the app's bundle it is its own entry,
// learn-worker.js beside index.js (electron.vite.config.ts).
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './learn-worker.ts' : './learn-worker.js', import.meta.url);

export function learnInWorker(dbPath: string): Promise<ReaderModel> {
  return new Promise((resolve, reject) => {
    // A small young generation: reading 100k stored vectors makes 100k short-lived blob buffers, and
    // collecting them early keeps the worker's peak (which the process keeps after it exits) low:
    // 138 MB added to the app's resident size at 100k papers instead of 234 MB, for the same time.
    const worker = new Worker(WORKER_URL, { workerData: { dbPath }, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    worker.once('message', (message: Partial<ModelMessage> & { error?: string }) => {
      if (message.model && message.terms !== undefined) resolve(fromMessage({ model: message.model, terms: message.terms }));
      else reject(new Error(message.error ?? 'the learning worker returned nothing'));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the learning worker stopped (exit code ${code})`));
    });
  });
}

export function learnInProcess(db: Database): ReaderModel {
  return learnFromLibrary(db);
}
