import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../tests/support/temp-library.ts';
import { learnSpaceStamp } from '../learn/learn-from-library.ts';
import { countMissingVectors, storeMissingVectors } from '../learn/stored-vectors.ts';
import { openLibrary } from './open-library.ts';
import { openSchemaBefore } from './testing/schema-before.ts';

describe('migration 011: the learn-space change counter', () => {
  let temp: ReturnType<typeof makeTempDir>;
  afterEach(() => temp?.cleanup());

  function libraryBefore011() {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'library.db');
    const old = openSchemaBefore(file, 'learn space changes');
    const insert = old.prepare(`INSERT INTO papers (identity_key, title, title_key, abstract, title_is_placeholder, added_at, status_changed_at) VALUES (?, ?, ?, 'Sparse attention for long context.', ?, 'now', 'now')`);
    insert.run('title:a', 'Sparse attention A', 'sparse attention a', 0);
    insert.run('title:b', 'Sparse attention B', 'sparse attention b', 0);
    insert.run('arxiv:2501.00001', '2501.00001', '2501.00001', 1);
    // A vector an older Sift might have left on a placeholder: the new invariant drops it.
    old.prepare(`INSERT INTO paper_vectors (paper_id, features) VALUES (3, x'0100000001')`).run();
    old.close();
    return openLibrary(file);
  }

  it('upgrades a library with vectors: a placeholder keeps none, and papers lacking one are counted exactly', () => {
    const db = libraryBefore011();
    expect(db.prepare(`SELECT count(*) FROM paper_vectors WHERE paper_id = 3`).pluck().get()).toBe(0);
    expect(countMissingVectors(db)).toBe(2);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM papers WHERE title_is_placeholder = 1`).all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toContain('papers_title_placeholders');
    db.close();
  });

  it('moves when vectors are stored or dropped or tags change, never on a triage', () => {
    const db = libraryBefore011();
    const start = learnSpaceStamp(db);
    storeMissingVectors(db);
    const stored = learnSpaceStamp(db);
    expect(stored).toBeGreaterThan(start);
    db.prepare(`UPDATE papers SET status = 'skipped', starred = 1 WHERE id = 1`).run();
    expect(learnSpaceStamp(db)).toBe(stored);
    db.prepare(`INSERT INTO tags (name) VALUES ('attention')`).run();
    db.prepare(`INSERT INTO paper_tags (paper_id, tag_id) SELECT 1, id FROM tags WHERE name = 'attention'`).run();
    const tagged = learnSpaceStamp(db);
    expect(tagged).toBeGreaterThan(stored);
    db.prepare(`UPDATE tags SET name = 'long context' WHERE name = 'attention'`).run();
    const renamed = learnSpaceStamp(db);
    expect(renamed).toBeGreaterThan(tagged);
    db.prepare(`UPDATE papers SET abstract = 'Dense attention.' WHERE id = 2`).run();
    expect(learnSpaceStamp(db)).toBeGreaterThan(renamed);
    expect(countMissingVectors(db)).toBe(1);
    // A paper that turns out to be a placeholder loses its vector (and moves the counter).
    const beforePlaceholder = learnSpaceStamp(db);
    db.prepare(`UPDATE papers SET title_is_placeholder = 1 WHERE id = 1`).run();
    expect(db.prepare(`SELECT count(*) FROM paper_vectors WHERE paper_id = 1`).pluck().get()).toBe(0);
    expect(learnSpaceStamp(db)).toBeGreaterThan(beforePlaceholder);
    db.close();
  });
});
