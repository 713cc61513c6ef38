// The learning process's entry: started by the app for one rebuild (launch-learn-process.ts), it opens
// the library (WAL lets it read beside the app's connection; it writes only the derived vectors of
// papers that lack one), learns the reader model, on the app's space when nothing it was packed from
// has changed, writes it to the file it was given and exits: 0 with the model written, 1 with the
// reason written beside it (an exit code reaches the app from a Node child and from Electron's utility
// process alike, where a last message may not). Everything it allocated goes
// back to the system with it, which a worker thread's heap inside the app's process does not.
import os from 'node:os';
import Database from 'better-sqlite3';
import { learnLibrary } from './learn-from-library.ts';
import fs from 'node:fs';
import { readSpaceFile, writeModelFile } from './model-file.ts';
import { errorFileOf, parseLearnJob } from './learn-job.ts';

let canBlock = true;
/**
 * Sleeps this process between batches of stored vectors (at most half a core for a whole library).
 * A process whose main thread may not block (Chromium's rule, which an Electron utility process may
 * keep) skips the sleep: its low priority still puts the window first, and the write lock is free
 * between batches anyway (papers are read and tokenised outside the write transaction).
 */
const sleep = (ms: number) => {
  if (ms <= 0 || !canBlock) return;
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  } catch {
    canBlock = false;
  }
};

function main(): number {
  const job = parseLearnJob(process.argv[2]);
  try {
    // The window's work comes first on a small machine: learning is background work.
    try {
      os.setPriority(10);
    } catch {
      // Not permitted here: learn at normal priority.
    }
    let previous = null;
    try {
      previous = job.previousFile ? readSpaceFile(job.previousFile) : null;
    } catch {
      // The app replaced that space meanwhile: pack the vectors again.
    }
    const db = new Database(job.dbPath, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      // Storing a whole library's vectors gives way between batches: the window's searches come first.
      writeModelFile(job.modelFile, learnLibrary(db, { previous, afterBatch: sleep }));
    } finally {
      db.close();
    }
    return 0;
  } catch (error) {
    fs.writeFileSync(errorFileOf(job.modelFile), error instanceof Error ? error.message : String(error));
    return 1;
  }
}

process.exit(main());
