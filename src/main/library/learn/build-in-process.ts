// Learning beside the app: a process of its own per rebuild reads the library and trains while the
// app keeps answering the window, writes the model to a file and exits, so the memory a rebuild takes
// (at 100k papers, hundreds of thousands of short-lived buffers) goes back to the system instead of
// staying in the app's heap. Where no process can start, it learns in-process instead of not at all.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { learnLibrary } from './learn-from-library.ts';
import type { LearntLibrary, ReusableSpace } from './learn-from-library.ts';
import { errorFileOf } from './learn-job.ts';
import type { LearnJob } from './learn-job.ts';
import { forkLearnProcess } from './launch-learn-process.ts';
import type { LaunchLearnProcess, LearnProcess } from './launch-learn-process.ts';
import { atExit } from './at-exit.ts';
import { readModelFile } from './model-file.ts';

// From source the process's script is a .ts file beside this one; in the app's bundle it is its own
// entry, learn-process.js beside index.js (electron.vite.config.ts).
export const LEARN_PROCESS_SCRIPT = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './learn-process.ts' : './learn-process.js', import.meta.url));

export interface LearnProcessOptions {
  launch?: LaunchLearnProcess | undefined;
  /** The process's script, when not the one beside this module (the bench runs the app's bundled one). */
  script?: string | undefined;
}

/** The model learnt by a process of its own, written to `modelFile` and read back here. */
export function learnInOwnProcess(dbPath: string, previous: ReusableSpace | null, modelFile: string, options: LearnProcessOptions = {}): Promise<LearntLibrary> {
  return new Promise((resolve, reject) => {
    const job: LearnJob = { dbPath, modelFile, previousFile: previous?.file ?? null };
    let settled = false;
    const settle = (outcome: () => LearntLibrary) => {
      if (settled) return;
      settled = true;
      try {
        resolve(outcome());
      } catch (error) {
        reject(error);
      }
    };
    let child: LearnProcess;
    try {
      child = (options.launch ?? forkLearnProcess)(options.script ?? LEARN_PROCESS_SCRIPT, JSON.stringify(job));
    } catch (error) {
      reject(error);
      return;
    }
    // Still running when the app exits: stopped with it rather than left to finish for nothing
    // (Electron stops its utility processes itself; a Node child would carry on).
    const forget = atExit(() => child.kill());
    child.onExit((code) => {
      forget();
      settle(() => {
        if (code === 0) return readModelFile(modelFile, previous);
        throw new Error(`the learning process stopped (exit code ${code ?? 'none'}): ${takeError(modelFile) ?? 'no reason given'}`);
      });
    });
  });
}

function takeError(modelFile: string): string | null {
  try {
    const reason = fs.readFileSync(errorFileOf(modelFile), 'utf8');
    fs.rmSync(errorFileOf(modelFile), { force: true });
    return reason;
  } catch {
    return null;
  }
}

export function learnInProcess(db: Database, previous: ReusableSpace | null = null): LearntLibrary {
  return learnLibrary(db, { previous });
}
