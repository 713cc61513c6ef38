import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportJobStatus } from '../../../../shared/contract/import-jobs-contract.ts';
import { openTempLibrary } from '../../../../../tests/support/temp-library.ts';
import { searchPapers } from '../../search/search-engine.ts';
import { librarySnapshot } from '../testing/library-snapshot.ts';
import { manyPapers } from '../testing/many-papers.ts';
import { renderHfJson } from '../testing/sample-papers.ts';
import { createImportJobs } from './import-jobs.ts';
import type { ImportJobs } from './import-jobs.ts';

let library: ReturnType<typeof openTempLibrary>;
let jobs: ImportJobs;
beforeEach(() => {
  library = openTempLibrary();
  jobs = createImportJobs(library);
});
afterEach(() => library.cleanup());

const file = (count: number, firstId = 0) => ({ fileName: `daily-${count}.json`, bytes: Buffer.from(renderHfJson(manyPapers(count, firstId))) });
const paperCount = () => library.db.prepare('SELECT count(*) FROM papers').pluck().get() as number;
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Polls like the window does, until the job ends; returns every status seen. */
async function follow(jobId: string, onStatus: (status: ImportJobStatus) => void = () => undefined): Promise<ImportJobStatus[]> {
  const seen: ImportJobStatus[] = [];
  for (;;) {
    const status = jobs.status(jobId);
    seen.push(status);
    onStatus(status);
    if (status.state === 'done' || status.state === 'failed' || status.state === 'cancelled') return seen;
    await nextTurn();
  }
}

// A worker starts by loading its modules, and the papers are real-sized: generous time on a busy machine.
describe('imports in a worker thread', { timeout: 180_000 }, () => {
  it('writes every paper, indexes them for search, and reports counts that grow as it goes', async () => {
    const jobId = jobs.start(file(4000));
    const seen = await follow(jobId);
    const last = seen.at(-1);
    expect(last?.state).toBe('done');
    expect(last?.report?.added).toBe(4000);
    expect(paperCount()).toBe(4000);
    // Searchable at once: the worker indexed inside its transaction, nothing is left for this thread.
    expect(library.db.prepare('SELECT count(*) FROM search_queue').pluck().get()).toBe(0);
    expect(searchPapers(library.db, { query: '"variant 3999"' }).hits.map((hit) => hit.paper.title)).toEqual([
      expect.stringContaining('(variant 3999)'),
    ]);
    const written = seen.filter((status) => status.state === 'writing').map((status) => status.papersWritten);
    expect(written).toEqual([...written].sort((a, b) => a - b));
    expect(last?.papersWritten).toBe(4000);
    expect(last?.papersIndexed).toBe(4000);
  });

  it('leaves this thread free: queries on the main connection are answered while the worker imports', async () => {
    library.db.prepare(`INSERT INTO settings (key, value) VALUES ('probe', 'x')`).run();
    const answeredDuringImport: number[] = [];
    const jobId = jobs.start(file(8000));
    await follow(jobId, (status) => {
      if (status.state === 'done') return;
      answeredDuringImport.push(searchPapers(library.db, { query: 'variant' }).total);
    });
    expect(jobs.status(jobId).state).toBe('done');
    expect(answeredDuringImport.length).toBeGreaterThan(1);
    expect(paperCount()).toBe(8000);
  });

  it('a cancelled import, while writing, leaves the library exactly as it was', async () => {
    await jobs.result(jobs.start(file(50, 900_000)));
    const before = librarySnapshot(library.db);
    const jobId = jobs.start(file(10_000));
    const seen = await follow(jobId, (status) => {
      if (status.state === 'writing') jobs.cancel(jobId);
    });
    expect(seen.some((status) => status.state === 'writing')).toBe(true);
    expect(seen.at(-1)?.state).toBe('cancelled');
    expect(seen.at(-1)?.error?.message).toMatch(/daily-10000\.json: the import was cancelled; nothing was added/);
    await expect(jobs.result(jobId)).rejects.toThrow(/cancelled/);
    expect(librarySnapshot(library.db)).toBe(before);
  });

  it('waits, saying so, while another process writes to the library, then imports once it is done', async () => {
    const otherProcess = new Database(library.path);
    otherProcess.exec('BEGIN IMMEDIATE');
    const jobId = jobs.start(file(300));
    let waited = false;
    const seen = await follow(jobId, (status) => {
      // The other process lets go a moment after the import has said it waits.
      if (status.state === 'waiting' && !waited) {
        waited = true;
        setTimeout(() => {
          otherProcess.exec('COMMIT');
          otherProcess.close();
        }, 300);
      }
    });
    expect(waited).toBe(true);
    expect(seen.find((status) => status.state === 'waiting')?.papersFound).toBe(300);
    expect(seen.at(-1)?.state).toBe('done');
    expect(paperCount()).toBe(300);
  });

  it('a cancel while it waits for another process ends the wait, and nothing is added', async () => {
    const before = librarySnapshot(library.db);
    const otherProcess = new Database(library.path);
    otherProcess.exec('BEGIN IMMEDIATE');
    try {
      const jobId = jobs.start(file(300));
      const seen = await follow(jobId, (status) => {
        if (status.state === 'waiting') jobs.cancel(jobId);
      });
      expect(seen.some((status) => status.state === 'waiting')).toBe(true);
      expect(seen.at(-1)?.state).toBe('cancelled');
      expect(seen.at(-1)?.error?.message).toMatch(/the import was cancelled; nothing was added/);
    } finally {
      otherProcess.exec('ROLLBACK');
      otherProcess.close();
    }
    expect(librarySnapshot(library.db)).toBe(before);
  });

  it('a cancelled import, while still reading, leaves the library exactly as it was', async () => {
    const before = librarySnapshot(library.db);
    const jobId = jobs.start(file(10_000));
    jobs.cancel(jobId);
    const seen = await follow(jobId);
    expect(seen.at(-1)?.state).toBe('cancelled');
    expect(librarySnapshot(library.db)).toBe(before);
    // The library is not left locked: the next import goes through.
    expect((await jobs.result(jobs.start(file(10)))).added).toBe(10);
  });

  it('a file that cannot be read fails with a message naming it, and the library is unchanged', async () => {
    const before = librarySnapshot(library.db);
    const jobId = jobs.start({ fileName: 'broken.json', bytes: Buffer.from('[{"paper": {"id": "2401.00001", "title": "Cut') });
    const seen = await follow(jobId);
    expect(seen.at(-1)?.state).toBe('failed');
    expect(seen.at(-1)?.error?.message).toMatch(/^broken\.json /);
    expect(librarySnapshot(library.db)).toBe(before);
  });

  it('refuses a file over the size limit before starting a worker', () => {
    expect(() => jobs.start({ fileName: 'huge.bib', bytes: new Uint8Array(40 * 1024 * 1024 + 1) })).toThrow(/huge\.bib is 40\.1 MB; Sift reads files up to 40 MB/);
  });
});
