import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSiftLibrary } from '../../src/main/library/sift-library.ts';
import type { SiftLibrary } from '../../src/main/library/sift-library.ts';
import type { Clock } from '../../src/main/library/db/clock.ts';

/** A fresh folder under the OS temp dir, removed by the returned cleanup. */
export function makeTempDir(prefix = 'sift-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A real library file in a temp folder: tests run against SQLite exactly as the app does. */
export function openTempLibrary(options: { clock?: Clock } = {}): SiftLibrary & { dir: string; cleanup: () => void } {
  const { dir, cleanup } = makeTempDir();
  const library = openSiftLibrary(path.join(dir, 'library.db'), options);
  return {
    ...library,
    dir,
    cleanup: () => {
      library.close();
      cleanup();
    },
  };
}

/** A clock fixed at a given instant, that tests can move forward. */
export function fixedClock(iso: string): Clock & { set: (iso: string) => void; advance: (ms: number) => void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current),
    set: (next) => {
      current = new Date(next);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/** Copies of the team's shared fixtures (see tests/fixtures/real/SOURCES.md), so a fresh clone has them. */
export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../fixtures');
export const HF_PAPERS_PAGE = path.join(FIXTURES_DIR, 'digests/hf-papers-page.txt');
export const REAL_FIXTURES = path.join(FIXTURES_DIR, 'real');
