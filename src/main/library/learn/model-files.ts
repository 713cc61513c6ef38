// The model files of one open library (model-file.ts): in a directory of their own under the system's
// temporary directory, named for the process, removed when the app exits. They are derived state: the
// next start learns again. A directory left by a process that crashed is removed by the next one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { atExit } from './at-exit.ts';

const PREFIX = 'sift-model-';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the model directories of Sift processes that are no longer running (a crash, a kill). */
export function removeOrphanedModelDirs(tmp = os.tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[] = [];
  try {
    names = fs.readdirSync(tmp);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = Number(/^sift-model-(\d+)-/.exec(name)?.[1] ?? NaN);
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

export class ModelFiles {
  private dir: string | null = null;
  private count = 0;
  private readonly tmp: string;

  constructor(tmp = os.tmpdir()) {
    this.tmp = tmp;
  }

  /** A fresh file name for the next model. */
  next(): string {
    if (!this.dir) {
      removeOrphanedModelDirs(this.tmp);
      this.dir = fs.mkdtempSync(path.join(this.tmp, `${PREFIX}${process.pid}-`));
      const dir = this.dir;
      atExit(() => fs.rmSync(dir, { recursive: true, force: true }));
    }
    this.count += 1;
    return path.join(this.dir, `model-${this.count}.bin`);
  }

  remove(file: string | null | undefined): void {
    if (file) fs.rmSync(file, { force: true });
  }
}
