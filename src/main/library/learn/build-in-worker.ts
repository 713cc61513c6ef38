// Learning off the main thread: the app's main process keeps answering the window while a worker
// reads the library and trains. Where no worker can start (a bundle without the worker's file),
// it learns in-process instead of not learning at all.
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { learnLibrary } from './learn-from-library.ts';
import type { LearntLibrary, ReusableSpace } from './learn-from-library.ts';
import { fromMessage, toReusableMessage } from './model-transfer.ts';
import type { ModelMessage } from './model-transfer.ts';

// From source the worker is a .ts file beside this one; in the app's bundle it is its own entry,
// learn-worker.js beside index.js (electron.vite.config.ts).
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './learn-worker.ts' : './learn-worker.js', import.meta.url);

/** A fresh worker per rebuild, gone when it answers: its memory goes with it rather than idling in the app. */
export function learnInWorker(dbPath: string, previous: ReusableSpace | null = null, workerUrl: URL = WORKER_URL): Promise<LearntLibrary> {
  return new Promise((resolve, reject) => {
    // A small young generation: reading 100k stored vectors makes 200k short-lived blob buffers, and
    // collecting them early keeps the worker's peak low, and that peak is what the process keeps after
    // the worker exits (glibc does not hand a thread's freed heap back). 4 MB took the resident size
    // a build adds at 100k papers from 234 MB to 138 MB; 1 MB takes 5 MB more off, for the same CPU time.
    const worker = new Worker(workerUrl, {
      workerData: { dbPath, previous: previous ? toReusableMessage(previous) : null },
      resourceLimits: { maxYoungGenerationSizeMb: 1 },
    });
    worker.once('message', (message: Partial<ModelMessage> & { error?: string }) => {
      if (message.model && message.terms !== undefined) resolve(fromMessage(message as ModelMessage, previous));
      else reject(new Error(message.error ?? 'the learning worker returned nothing'));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the learning worker stopped (exit code ${code})`));
    });
  });
}

export function learnInProcess(db: Database, previous: ReusableSpace | null = null): LearntLibrary {
  return learnLibrary(db, { previous });
}
