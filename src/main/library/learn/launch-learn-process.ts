// Starting a learning process. The library core stays free of Electron: Node's fork by default (the
// CLI, `sift serve`, tests, bench), and the desktop app passes Electron's utility process instead.
import { fork } from 'node:child_process';

export interface LearnProcess {
  /** The process ended: 0 with the model written (learn-process.ts); null when it never started or was killed. */
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** Starts `script` with the job as its one argument. */
export type LaunchLearnProcess = (script: string, job: string) => LearnProcess;

/**
 * A small young generation keeps the process's peak low: reading 100k stored vectors makes 200k
 * short-lived blob buffers (a 1 MB semi-space took the peak down by a third at the same CPU time).
 */
export const LEARN_PROCESS_FLAGS = ['--max-semi-space-size=1'];

export const forkLearnProcess: LaunchLearnProcess = (script, job) => {
  // Its own flags, not the parent's (a test runner's loaders, an inspector port).
  const child = fork(script, [job], { execArgv: LEARN_PROCESS_FLAGS, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return {
    onExit: (listener) => {
      child.once('error', () => listener(null));
      child.once('exit', (code) => listener(code));
    },
    kill: () => child.kill(),
  };
};
