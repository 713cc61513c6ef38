import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../tests/support/temp-library.ts';
import { learnFromLibrary } from '../learn/learn-from-library.ts';
import { countMissingVectors } from '../learn/stored-vectors.ts';
import { openLibrary } from './open-library.ts';
import { openSchemaBefore } from './testing/schema-before.ts';

describe('migration 009: stored paper vectors', () => {
  let temp: ReturnType<typeof makeTempDir>;
  afterEach(() => temp?.cleanup());

  it('adds empty vector tables to a library that predates them; the first learning fills them', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'library.db');
    const old = openSchemaBefore(file, 'paper vectors');
    const insert = old.prepare(`INSERT INTO papers (identity_key, title, title_key, abstract, added_at, status_changed_at) VALUES (?, ?, ?, 'Sparse attention for long context.', 'now', 'now')`);
    insert.run('title:a', 'Sparse attention A', 'sparse attention a');
    insert.run('title:b', 'Sparse attention B', 'sparse attention b');
    old.close();
    const db = openLibrary(file);
    expect(db.prepare(`SELECT count(*) FROM paper_vectors`).pluck().get()).toBe(0);
    expect(countMissingVectors(db)).toBe(2);
    const model = learnFromLibrary(db);
    expect(model.space.terms).toEqual(expect.arrayContaining(['sparse', 'attention']));
    expect(db.prepare(`SELECT count(*) FROM paper_vectors`).pluck().get()).toBe(2);
    db.close();
  });
});
