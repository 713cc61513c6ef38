// Figures for `npm run bench`: reordering a large to-read queue. Standalone: node bench/queue-move-bench.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { moveInQueue } from '../src/main/library/papers/triage-papers.ts';
import { openSiftLibrary } from '../src/main/library/sift-library.ts';

const QUEUE = 120_000;
const SELECTED = 100_000;

/**
 * A fresh library whose to-read queue holds 120,000 papers: moving the last 100,000 selected to the
 * top (was quadratic: 9 s), and 70 drags into one gap, which forces one renumbering of the whole queue.
 */
export function measureQueueMoves(dir: string): Record<string, number> {
  const file = path.join(dir, 'queue-bench.db');
  const library = openSiftLibrary(file);
  try {
    library.db.exec(`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${QUEUE})
      INSERT INTO papers (identity_key, title, title_key, status, position, added_at, status_changed_at)
      SELECT 'title:queued ' || i, 'Queued ' || i, 'queued ' || i, 'to-read', i, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM n`);
    const context = { db: library.db, history: library.history, clock: library.clock };
    const ids = library.db.prepare(`SELECT id FROM papers ORDER BY position`).pluck().all() as number[];
    let start = performance.now();
    moveInQueue(context, ids.slice(QUEUE - SELECTED), 'top');
    const move_100k_to_top_ms = Math.round(performance.now() - start);
    const order = () => library.db.prepare(`SELECT id FROM papers WHERE status = 'to-read' ORDER BY position, id LIMIT 3`).pluck().all() as number[];
    start = performance.now();
    for (let drag = 0; drag < 70; drag += 1) {
      const [, second] = order();
      const last = library.db.prepare(`SELECT id FROM papers WHERE status = 'to-read' ORDER BY position DESC, id DESC LIMIT 1`).pluck().get() as number;
      moveInQueue(context, [last], { beforeId: second ?? null });
    }
    const drags_70_same_gap_120k_ms = Math.round(performance.now() - start);
    return { move_100k_to_top_ms, drags_70_same_gap_120k_ms };
  } finally {
    library.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  }
}

if (import.meta.main) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-queue-bench-'));
  try {
    console.log(JSON.stringify(measureQueueMoves(dir)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
