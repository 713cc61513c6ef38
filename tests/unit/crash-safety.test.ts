import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDigest } from '../../src/main/library/import/import-digest.ts';
import { openSiftLibrary } from '../../src/main/library/sift-library.ts';
import { HF_PAPERS_PAGE, makeTempDir } from '../support/temp-library.ts';
import { startChild } from './support/child-process.ts';

// A process killed (SIGKILL: no cleanup, no exit handlers) at any moment of an import or a batch
// action leaves the library either exactly as before or exactly as after: one transaction per action.

const GENERATED_PAPERS = 4000;

function generatedDigest(): string {
  const blocks = ['Nov 28', ''];
  for (let index = 0; index < GENERATED_PAPERS; index += 1) {
    blocks.push(`Generated study number ${index} of killing processes mid-write`, '');
    blocks.push(`We examine case ${index}. ${'Transactions make partial writes impossible. '.repeat(6)}`, '');
  }
  return blocks.join('\n');
}

interface Counts {
  papers: number;
  read: number;
  digests: number;
  paperDigests: number;
  links: number;
}

/** Opens a library a killed process left behind the way the app would, and checks it from the inside. */
function inspect(file: string): Counts {
  const library = openSiftLibrary(file, { beforeMigrate: () => undefined });
  try {
    expect(library.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(library.db.pragma('foreign_key_check')).toEqual([]);
    const count = (sql: string) => library.db.prepare(sql).pluck().get() as number;
    return {
      papers: count('SELECT count(*) FROM papers'),
      read: count(`SELECT count(*) FROM papers WHERE status = 'read'`),
      digests: count('SELECT count(*) FROM digests'),
      paperDigests: count('SELECT count(*) FROM paper_digests'),
      links: count('SELECT count(*) FROM paper_links'),
    };
  } finally {
    library.close();
  }
}

describe('killing a process in the middle of a write', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let base: string;
  let large: string;
  let digest: string;
  beforeAll(() => {
    temp = makeTempDir('sift-kill-');
    base = path.join(temp.dir, 'base.db');
    digest = path.join(temp.dir, 'generated-digest.txt');
    fs.writeFileSync(digest, generatedDigest());
    const library = openSiftLibrary(base);
    importDigest(library.db, { fileName: 'hf-papers-page.txt', bytes: fs.readFileSync(HF_PAPERS_PAGE) });
    library.close(); // checkpointed: every copy starts as one self-contained file
    // The batch action runs over a library big enough for a kill to land inside it.
    large = path.join(temp.dir, 'large.db');
    fs.copyFileSync(base, large);
    const big = openSiftLibrary(large);
    importDigest(big.db, { fileName: 'generated-digest.txt', bytes: fs.readFileSync(digest) });
    big.close();
  });
  afterAll(() => temp.cleanup());

  const copyOf = (source: string, name: string) => {
    const file = path.join(temp.dir, `${name}.db`);
    fs.copyFileSync(source, file);
    return file;
  };

  for (const [mode, extra] of [
    ['import', () => [digest]],
    ['batch', () => []],
  ] as const) {
    it(`${mode}: at every one of many kill points the library is as before or as after, never in between`, async () => {
      const copyOfBase = (name: string) => copyOf(mode === 'import' ? base : large, name);
      const before = inspect(copyOfBase(`${mode}-before`));
      // One complete run gives the "after" state and how long the write takes.
      const full = copyOfBase(`${mode}-full`);
      const complete = startChild([mode, full, ...extra()]);
      await complete.waitFor('start');
      const done = await complete.waitFor('done');
      await complete.exited;
      const after = inspect(full);
      expect(after).not.toEqual(before);
      const duration = Math.max(20, Number(done.split(' ')[1]));

      const kills = mode === 'import' ? 14 : 8;
      let killedMidWrite = 0;
      const outcomes: string[] = [];
      for (let index = 0; index < kills; index += 1) {
        const file = copyOfBase(`${mode}-kill-${index}`);
        const running = startChild([mode, file, ...extra()]);
        await running.waitFor('start');
        // Spread over the whole write, a little past its end.
        await new Promise((resolve) => setTimeout(resolve, (duration * 1.1 * index) / (kills - 1)));
        const finished = running.lines.some((line) => line.startsWith('done'));
        running.child.kill('SIGKILL');
        const exit = await running.exited;
        if (!finished && exit.signal === 'SIGKILL') killedMidWrite += 1;
        const counts = inspect(file);
        const outcome = JSON.stringify(counts) === JSON.stringify(before) ? 'before' : JSON.stringify(counts) === JSON.stringify(after) ? 'after' : 'between';
        outcomes.push(outcome);
        expect({ index, outcome, counts }).toEqual({ index, outcome: expect.stringMatching(/^(before|after)$/), counts: outcome === 'before' ? before : after });
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
      }
      expect(outcomes).not.toContain('between');
      // The test is only meaningful if kills landed while the write was in progress. Under load the
      // later delays may fall after the end, so only a quarter is required (the early ones always hit).
      expect(killedMidWrite).toBeGreaterThanOrEqual(Math.max(2, Math.floor(kills / 4)));
    }, 120_000);
  }
});
