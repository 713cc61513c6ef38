// The Stats view's figures on the 100k library: one readingStats() call, as the view and `sift stats` make.
// Run alone with `node bench/reading-stats-bench.ts` (builds its own 100k library), or from run-bench.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SiftLibrary } from '../src/main/library/sift-library.ts';
import { readingStats } from '../src/main/library/stats/reading-stats.ts';
import { median, round, timeIt } from './stats.ts';

const DAY_MS = 86_400_000;

/**
 * The synthetic library arrives in one day; a year of mornings is laid over it first: arrivals spread over
 * 365 days, four in five triaged a day later, one in ten read within a week.
 */
function spreadOverAYear(library: SiftLibrary): void {
  const end = Date.parse('2026-12-01T08:00:00Z');
  const iso = (ms: number) => new Date(ms).toISOString();
  const update = library.db.prepare(
    `UPDATE papers SET added_at = @added, status = @status, status_changed_at = @changed, triaged_at = @triaged, read_at = @read WHERE id = @id`,
  );
  const ids = library.db.prepare('SELECT id FROM papers').pluck().all() as number[];
  library.db.transaction(() => {
    for (const id of ids) {
      const added = end - (id % 365) * DAY_MS;
      const kind = id % 10;
      const status = kind < 2 ? 'inbox' : kind === 2 ? 'read' : kind < 5 ? 'to-read' : 'skipped';
      const triaged = status === 'inbox' ? null : iso(added + DAY_MS);
      const read = status === 'read' ? iso(added + (id % 7) * DAY_MS) : null;
      update.run({ id, added: iso(added), status, changed: read ?? triaged ?? iso(added), triaged, read });
    }
  })();
}

export function measureReadingStats(library: SiftLibrary): Record<string, number> {
  spreadOverAYear(library);
  const clock = { now: () => new Date('2026-12-01T12:00:00Z') };
  const times = Array.from({ length: 5 }, () => timeIt(() => readingStats(library.db, { days: 365 }, clock)).ms);
  const quarter = Array.from({ length: 5 }, () => timeIt(() => readingStats(library.db, { days: 90 }, clock)).ms);
  return { stats_365_days_ms_100k: round(median(times)), stats_90_days_ms_100k: round(median(quarter)) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { buildLibrary } = await import('./build-library.ts');
  const { syntheticCorpus } = await import('./synthetic-papers.ts');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-stats-bench-'));
  try {
    const corpus = syntheticCorpus(path.resolve(import.meta.dirname, '../tests/fixtures/digests/hf-papers-page.txt'), 20260312);
    const built = buildLibrary(dir, 100_000, corpus);
    console.log(JSON.stringify(measureReadingStats(built.library)));
    built.library.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
