import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { HF_PAPERS_PAGE, makeTempDir } from '../../../../tests/support/temp-library.ts';
import { openLibrary } from '../db/open-library.ts';
import { migration001InitialSchema } from '../db/migrations/001-initial-schema.ts';
import { systemClock } from '../db/clock.ts';
import { importDigest } from '../import/import-digest.ts';
import { parseDigestFile } from '../import/parse-digest-file.ts';
import { normaliseTitle } from '../papers/paper-identity.ts';
import { addTag, renameTag, setNote } from '../papers/tags-and-notes.ts';
import { listPapers } from '../papers/list-papers.ts';
import { setStarred, setStatus } from '../papers/triage-papers.ts';
import { searchPapers } from './search-engine.ts';
import { digestLibrary } from './search-test-library.ts';

describe('search sees every change at once', () => {
  let lib: ReturnType<typeof digestLibrary> | undefined;
  let temp: ReturnType<typeof makeTempDir> | undefined;
  afterEach(() => {
    lib?.library.cleanup();
    temp?.cleanup();
    lib = undefined;
    temp = undefined;
  });

  it('a note, written after the first search, is searchable and typo-corrected at once', () => {
    lib = digestLibrary();
    const id = lib.idOf('SliceGPT');
    expect(lib.ids('holographic')).toEqual([]);
    setNote(lib.context, id, 'Holographic memory angle; compare with Sparsey.');
    expect(lib.ids('holographic')).toEqual([id]);
    // The new word joined the in-memory vocabulary too: a typo of it is corrected.
    const typo = lib.search('holografic ');
    expect(typo.correctedQuery?.trim()).toBe('holographic');
    expect(typo.hits.map((hit) => hit.paper.id)).toEqual([id]);
    setNote(lib.context, id, '');
    expect(lib.ids('holographic')).toEqual([]);
  });

  it('the papers a result shows are never stale: a star, a status or a tag given after the search shows in the next', () => {
    lib = digestLibrary();
    const id = lib.idOf('SliceGPT');
    const shown = () => lib?.search('slicegpt ').hits.find((hit) => hit.paper.id === id)?.paper;
    expect(shown()).toMatchObject({ starred: false, status: 'inbox', tags: [] });
    setStarred(lib.context, [id], true);
    setStatus(lib.context, [id], 'read');
    addTag(lib.context, [id], 'compression');
    expect(shown()).toMatchObject({ starred: true, status: 'read', tags: ['compression'] });
    // A change made through another connection (a second window, the CLI) too.
    const other = new BetterSqlite3(lib.library.path);
    other.prepare(`UPDATE papers SET starred = 0 WHERE id = ?`).run(id);
    other.close();
    expect(shown()?.starred).toBe(false);
  });

  it('a result shows the same paper summary as the lists do, word count included', () => {
    lib = digestLibrary();
    const page = listPapers(lib.library.db, { queue: 'inbox', limit: 100 });
    for (const paper of page.papers.slice(0, 12)) {
      const hit = searchPapers(lib.library.db, { query: paper.title, limit: 50 }).hits.find((candidate) => candidate.paper.id === paper.id);
      expect(hit?.paper).toEqual(paper);
    }
  });

  it('tags are searchable as words and filters, follow renames and removals', () => {
    lib = digestLibrary();
    const id = lib.idOf('DSVT');
    lib.ids('voxel'); // load the vocabulary first, so what follows must be folded in
    addTag(lib.context, [id], 'pointclouds');
    expect(lib.ids('pointclouds')).toEqual([id]);
    expect(lib.ids('tag:pointclouds')).toEqual([id]);
    renameTag(lib.library.db, 'pointclouds', 'quokka-stack');
    expect(lib.ids('pointclouds')).toEqual([]);
    expect(lib.ids('tag:pointclouds')).toEqual([]);
    expect(lib.ids('quokka')).toEqual([id]);
    expect(lib.ids('tag:quokka-stack')).toEqual([id]);
  });

  it('status changes move papers between in: filters at once', () => {
    lib = digestLibrary();
    const id = lib.idOf('TopNet');
    expect(lib.ids('in:read')).toEqual([]);
    setStatus(lib.context, [id], 'read');
    expect(lib.ids('in:read')).toEqual([id]);
    expect(lib.ids('in:inbox topnet')).toEqual([]);
    lib.library.history.undo(lib.library.db);
    expect(lib.ids('in:inbox topnet')).toEqual([id]);
  });

  it('an import is searchable by the next search, new words included', () => {
    lib = digestLibrary();
    expect(lib.ids('zebrafish')).toEqual([]);
    const digest = [
      'Mar 14',
      '',
      'Whole-brain imaging of zebrafish larvae with light-sheet microscopy',
      '',
      'We image neural activity across the whole zebrafish brain at cellular resolution, using light-sheet microscopy and a new registration pipeline that aligns thousands of larvae into one common atlas for comparison across experiments.',
    ].join('\n');
    const report = importDigest(lib.library.db, { fileName: 'more.txt', bytes: Buffer.from(digest) }, lib.library.clock);
    expect(report.added).toBe(1);
    const [id] = report.addedIds;
    expect(lib.ids('zebrafish')).toEqual([id]);
    expect(lib.ids('zebrafsh')).toEqual([id]); // typo of a word the library did not have before
    const date = lib.library.db.prepare(`SELECT digest_date FROM papers WHERE id = ?`).pluck().get(id) as string;
    expect(lib.ids(`larvae digest:${date}`)).toEqual([id]);
    expect(lib.ids(`larvae -digest:${date}`)).toEqual([]);
  });

  it('migration 002 indexes the papers of a library created before search existed', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'library.db');
    const old = new BetterSqlite3(file);
    old.pragma('journal_mode = WAL');
    old.pragma('foreign_keys = ON');
    migration001InitialSchema(old);
    old.pragma('user_version = 1');
    // Rows as the first Sift wrote them (today's import writes columns later migrations add).
    const digest = parseDigestFile('hf-papers-page.txt', fs.readFileSync(HF_PAPERS_PAGE), undefined, systemClock);
    const insert = old.prepare(
      `INSERT INTO papers (identity_key, title, title_key, abstract, authors, digest_date, digest_position, added_at, status_changed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, '2026-03-11T08:00:00.000Z', '2026-03-11T08:00:00.000Z')`,
    );
    digest.papers.forEach((paper, index) =>
      insert.run(`title:${normaliseTitle(paper.title)}`, paper.title, normaliseTitle(paper.title), paper.abstract, JSON.stringify(paper.authors), paper.sectionDate ?? digest.digestDate, index),
    );
    old.close();
    const db = openLibrary(file);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(2);
    const hits = searchPapers(db, { query: 'mixtrue of experts', limit: 5 }).hits;
    expect(hits[0]?.paper.title).toMatch(/^COMET/);
    expect(searchPapers(db, { query: 'digest:2026-03-11', limit: 100 }).total).toBe(58);
    db.close();
  });
});
