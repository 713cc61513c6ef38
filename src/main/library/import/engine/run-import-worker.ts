import { Worker } from 'node:worker_threads';
import type { ApiError } from '../../../../shared/api-errors.ts';
import type { ImportReport } from '../../../../shared/domain.ts';
import type { ImportStepProgress } from '../import-digest.ts';
import type { ImportWorkerJob, ImportWorkerMessage } from './import-worker-protocol.ts';

export type ImportWorkerOutcome =
  | { kind: 'done'; report: ImportReport }
  | { kind: 'failed'; error: ApiError; cancelled: boolean };

export interface RunningImport {
  /** Stops the import; whatever it wrote is rolled back. */
  cancel(): void;
  outcome: Promise<ImportWorkerOutcome>;
}

/**
 * A hostile file that makes a reader allocate without end kills the worker (ERR_WORKER_OUT_OF_MEMORY),
 * not the app: the import is then reported as failed and the library is untouched. A reader keeps
 * nearly all it allocates, so a 16 MB young generation: measured in fresh workers on 5 MB files, the
 * id-list reader went from 6.1-8.8 to 10.5-13.9 MB/s, the other readers within their noise.
 */
export const IMPORT_WORKER_LIMITS = { maxOldGenerationSizeMb: 1536, maxYoungGenerationSizeMb: 16 } as const;

/**
 * The worker's script beside this module: `import-worker.ts` in the source tree (the CLI, `serve`, the
 * tests), `import-worker.js` beside the bundled main process in the desktop app (electron.vite.config.ts
 * builds it as its own entry). The name is a variable so the bundler leaves the URL alone.
 */
function workerScript(): URL {
  const name = import.meta.url.endsWith('.ts') ? './import-worker.ts' : './import-worker.js';
  return new URL(name, import.meta.url);
}

type Job = Omit<ImportWorkerJob, 'cancelFlag'>;

function startWorker(): Worker {
  const worker = new Worker(workerScript(), { resourceLimits: IMPORT_WORKER_LIMITS });
  // A spare waiting for work must not keep a CLI run or a test process alive.
  worker.unref();
  return worker;
}

/**
 * A worker whose modules are already loaded: starting one costs a module load (~0.2 s of CPU bundled
 * in the app, ~0.8 s from TypeScript sources under `sift serve`), which a small file would otherwise
 * wait for. The spare is loaded only while no job runs: loaded beside a running import it took the
 * second core, and on a two-core machine the window's own requests then waited a second or more.
 */
let spare: Worker | null = null;
let jobsRunning = 0;
/** After a job, the window refreshes what changed; the next spare loads once that is done. */
const SPARE_AFTER_JOB_MS = 1_000;

/** Loads a spare worker ahead of the next import, unless one is ready or a job is running. */
export function warmSpareWorker(): void {
  if (spare || jobsRunning > 0) return;
  spare = startWorker();
}

/**
 * Loads the first spare a few seconds after the app starts, once the window has painted and search has
 * loaded its vocabulary, so the reader's first import does not wait for module loading.
 */
export function warmSpareWorkerAfterStart(delayMs = 3_000): void {
  setTimeout(warmSpareWorker, delayMs).unref();
}

/**
 * Hands out the spare (or a fresh worker) for one job; the next spare is loaded after the job's worker
 * has ended.
 */
export function takeWorker(): Worker {
  const worker = spare ?? startWorker();
  spare = null;
  jobsRunning += 1;
  worker.once('exit', () => {
    jobsRunning -= 1;
    setTimeout(warmSpareWorker, SPARE_AFTER_JOB_MS).unref();
  });
  worker.ref();
  return worker;
}

/** Runs one import in a worker thread, reporting progress as the worker writes. */
export function runImportWorker(job: Job, onProgress: (progress: ImportStepProgress) => void): RunningImport {
  const cancelFlag = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancelFlag);
  // Our own copy of the bytes, so they can be moved to the worker without copying again.
  const bytes = new Uint8Array(job.bytes);
  const worker = takeWorker();
  worker.postMessage({ ...job, bytes, cancelFlag } satisfies ImportWorkerJob, [bytes.buffer as ArrayBuffer]);
  let parsed = false;
  const outcome = new Promise<ImportWorkerOutcome>((resolve) => {
    worker.on('message', (message: ImportWorkerMessage) => {
      if (message.kind === 'progress') {
        // While it reads, the worker cannot look at the cancel flag: cancel must still stop the thread.
        if (message.progress.phase !== 'reading') parsed = true;
        onProgress(message.progress);
      } else resolve(message);
    });
    worker.on('error', (error) => {
      const cancelled = Atomics.load(flag, 0) === 1;
      const reason = /ERR_WORKER_OUT_OF_MEMORY/.test(String((error as NodeJS.ErrnoException).code)) ? 'it needed more memory than Sift allows a file' : error.message;
      resolve({ kind: 'failed', cancelled, error: { type: 'invalid-digest', message: `${job.fileName} could not be imported: ${reason}. Nothing was added.` } });
    });
    worker.on('exit', () => {
      const cancelled = Atomics.load(flag, 0) === 1;
      // Resolving twice is a no-op: this only matters when the worker ended without a word (terminated).
      resolve({
        kind: 'failed',
        cancelled,
        error: cancelled
          ? { type: 'conflict', message: 'The import was cancelled; nothing was added to the library.' }
          : { type: 'internal', message: `The import of ${job.fileName} stopped unexpectedly; nothing was added.` },
      });
    });
  });
  return {
    outcome,
    cancel: () => {
      Atomics.store(flag, 0, 1);
      // Still parsing: nothing is written yet and a parser cannot stop itself, so stop the thread.
      // Once writing, the worker sees the flag between batches and rolls its transaction back.
      if (!parsed) void worker.terminate();
    },
  };
}
