import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../tests/support/temp-library.ts';
import { openLibrary } from './open-library.ts';
import { openSchemaBefore } from './testing/schema-before.ts';

describe('migration 006: volume, edition and entry type', () => {
  let temp: ReturnType<typeof makeTempDir>;
  afterEach(() => temp?.cleanup());

  it('adds the columns to a library that predates them, keeping every paper with nothing invented', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'library.db');
    const old = openSchemaBefore(file, 'bibliographic details');
    old.prepare(`INSERT INTO papers (identity_key, title, title_key, added_at, status_changed_at) VALUES ('title:a book', 'A Book', 'a book', 'now', 'now')`).run();
    old.close();
    const db = openLibrary(file);
    const columns = db.prepare(`SELECT name FROM pragma_table_info('papers')`).pluck().all();
    expect(columns).toEqual(expect.arrayContaining(['volume', 'edition', 'entry_type']));
    expect(db.prepare(`SELECT title, volume, edition, entry_type FROM papers`).all()).toEqual([{ title: 'A Book', volume: null, edition: null, entry_type: null }]);
    db.close();
  });
});
