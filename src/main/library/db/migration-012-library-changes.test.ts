import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../tests/support/temp-library.ts';
import { storeMissingVectors } from '../learn/stored-vectors.ts';
import { libraryChanges, libraryRevision } from './library-changes.ts';
import { openLibrary } from './open-library.ts';
import { openSchemaBefore } from './testing/schema-before.ts';

describe('migration 012: the counter of changes the reader can see', () => {
  let temp: ReturnType<typeof makeTempDir>;
  afterEach(() => temp?.cleanup());

  function libraryBefore012() {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'library.db');
    const old = openSchemaBefore(file, 'library changes');
    const insert = old.prepare(`INSERT INTO papers (identity_key, title, title_key, abstract, title_is_placeholder, added_at, status_changed_at) VALUES (?, ?, ?, 'Sparse attention for long context.', 0, 'now', 'now')`);
    insert.run('title:a', 'Sparse attention A', 'sparse attention a');
    insert.run('title:b', 'Sparse attention B', 'sparse attention b');
    old.close();
    return openLibrary(file);
  }

  it('moves with papers, triage, tags and digests, and stands still while vectors are stored', () => {
    const db = libraryBefore012();
    const at = () => libraryChanges(db) ?? -1;
    const start = at();
    expect(storeMissingVectors(db)).toBe(2);
    expect(at()).toBe(start);
    const revision = libraryRevision(db);
    db.prepare(`UPDATE papers SET status = 'read' WHERE id = 1`).run();
    expect(at()).toBeGreaterThan(start);
    expect(libraryRevision(db)).not.toBe(revision);
    const afterTriage = at();
    db.prepare(`INSERT INTO tags (name) VALUES ('attention')`).run();
    db.prepare(`INSERT INTO paper_tags (paper_id, tag_id) VALUES (2, 1)`).run();
    expect(at()).toBe(afterTriage + 2);
    db.prepare(`DELETE FROM papers WHERE id = 2`).run();
    expect(at()).toBeGreaterThan(afterTriage + 2);
    db.close();
  });
});
