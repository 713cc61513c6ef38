import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../src/main/api/api-handlers.ts';
import { setStatus } from '../../src/main/library/papers/triage-papers.ts';
import { openSiftLibrary } from '../../src/main/library/sift-library.ts';
import type { SiftLibrary } from '../../src/main/library/sift-library.ts';
import { addPaper } from '../support/seed-papers.ts';
import { makeTempDir } from '../support/temp-library.ts';
import { startChild } from './support/child-process.ts';

// The app and the CLI (or two windows, or two processes) share one library file.

describe('two processes on one library', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  let library: SiftLibrary;
  beforeEach(() => {
    temp = makeTempDir('sift-concurrency-');
    file = path.join(temp.dir, 'library.db');
    library = openSiftLibrary(file);
    addPaper(library, { title: 'Shared paper' });
  });
  afterEach(() => {
    library.close();
    temp.cleanup();
  });

  it('a write waits for the other process to commit instead of failing', async () => {
    const holder = startChild(['hold-lock', file, '1200']);
    await holder.waitFor('locked');
    const started = performance.now();
    // Blocks on the child's write lock (busy_timeout), then succeeds.
    const result = setStatus({ db: library.db, history: library.history }, [1], 'read');
    const waited = performance.now() - started;
    expect(result.changed).toBe(1);
    expect(waited).toBeGreaterThan(500);
    expect((await holder.exited).code).toBe(0);
    expect(library.db.prepare('SELECT count(*) FROM papers WHERE title LIKE ?').pluck().get('Held by child%')).toBe(1);
  });

  it('two processes writing many small transactions at once both finish, nothing lost', async () => {
    const a = startChild(['add-many', file, '150']);
    const b = startChild(['add-many', file, '150']);
    const [exitA, exitB] = await Promise.all([a.exited, b.exited]);
    expect(exitA).toMatchObject({ code: 0 });
    expect(exitB).toMatchObject({ code: 0 });
    expect(library.db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(301);
    expect(library.db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 60_000);

  it('getLibraryInfo().externalChanges changes when another process commits, so the app can refresh', async () => {
    const handlers = createApiHandlers(library, { openExternal: () => undefined });
    const before = await handlers.getLibraryInfo({});
    const unchanged = await handlers.getLibraryInfo({});
    expect(unchanged.externalChanges).toBe(before.externalChanges);
    const writer = startChild(['add-many', file, '1']);
    expect((await writer.exited).code).toBe(0);
    const after = await handlers.getLibraryInfo({});
    expect(after.externalChanges).not.toBe(before.externalChanges);
    expect(after.paperCount).toBe(before.paperCount + 1);
  });
});
