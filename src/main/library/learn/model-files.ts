// The model files of one open library (model-file.ts): in a directory of their own under the system's
// temporary directory, removed when the app exits. They are derived state: the next start learns again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const openDirs = new Set<string>();
let cleanupInstalled = false;

function removeOnExit(dir: string): void {
  openDirs.add(dir);
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.once('exit', () => {
    for (const open of openDirs) fs.rmSync(open, { recursive: true, force: true });
  });
}

export class ModelFiles {
  private dir: string | null = null;
  private count = 0;

  /** A fresh file name for the next model. */
  next(): string {
    if (!this.dir) {
      this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-model-'));
      removeOnExit(this.dir);
    }
    this.count += 1;
    return path.join(this.dir, `model-${this.count}.bin`);
  }

  remove(file: string | null | undefined): void {
    if (file) fs.rmSync(file, { force: true });
  }
}
