import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SnapshotCheck } from './finish-snapshot.ts';
import type { SnapshotJob, SnapshotStage, SnapshotWorkerMessage } from './snapshot-worker-protocol.ts';

/**
 * The worker's script: `snapshot-worker.ts` beside this module from source (the CLI, `serve`, the
 * tests); in the desktop app `snapshot-worker.js` beside the bundled main process
 * (electron.vite.config.ts builds it as its own entry), while this module may sit in a shared chunk
 * one folder down (out/main/chunks/). The names are variables so the bundler leaves them alone.
 */
function workerScript(): URL {
  if (import.meta.url.endsWith('.ts')) return new URL('./snapshot-worker.ts', import.meta.url);
  const candidates = ['./snapshot-worker.js', '../snapshot-worker.js'].map((name) => new URL(name, import.meta.url));
  return candidates.find((url) => fs.existsSync(fileURLToPath(url))) ?? (candidates[0] as URL);
}

/** The worker could not run at all (no script in this bundle): the caller takes the snapshot in place. */
export class SnapshotWorkerUnavailable extends Error {}

/** An error the worker met, with SQLite's code kept so a damaged library is still recognised. */
class SnapshotWorkerError extends Error {
  readonly code: string | null;
  constructor(message: string, code: string | null) {
    super(message);
    this.code = code;
  }
}

/** Copies and checks a snapshot in a worker thread; resolves with the check, rejects with what went wrong. */
export function snapshotInWorker(job: SnapshotJob, onStage: (stage: SnapshotStage) => void): Promise<SnapshotCheck> {
  return new Promise((resolve, reject) => {
    let started = false;
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      finish();
    };
    let worker: Worker;
    try {
      worker = new Worker(workerScript(), { workerData: job });
    } catch (error) {
      reject(new SnapshotWorkerUnavailable(error instanceof Error ? error.message : String(error)));
      return;
    }
    worker.on('message', (message: SnapshotWorkerMessage) => {
      started = true;
      if (message.kind === 'stage') onStage(message.stage);
      else if (message.kind === 'finished') settle(() => resolve(message.check));
      else settle(() => reject(new SnapshotWorkerError(message.message, message.code)));
    });
    worker.once('error', (error) => settle(() => reject(started ? error : new SnapshotWorkerUnavailable(error.message))));
    worker.once('exit', (code) => settle(() => reject(new Error(`the backup worker stopped before finishing (exit code ${code})`))));
  });
}
