import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiftError } from '../../../shared/api-errors.ts';
import { dumpLibrary, seedLibrary } from '../../../../tests/support/seed-papers.ts';
import { addPaper } from '../../../../tests/support/seed-papers.ts';
import { fixedClock, openTempLibrary } from '../../../../tests/support/temp-library.ts';
import { exportPapers } from '../export/export-papers.ts';
import { getPaper } from '../papers/get-paper.ts';
import { addTag, setNote } from '../papers/tags-and-notes.ts';
import { setStarred, setStatus } from '../papers/triage-papers.ts';
import { previewRestore, restoreFromJson } from './restore-from-json.ts';

type TempLibrary = ReturnType<typeof openTempLibrary>;

describe('restoring a JSON export', () => {
  const opened: TempLibrary[] = [];
  const open = () => {
    const library = openTempLibrary({ clock: fixedClock('2026-11-29T10:00:00.000Z') });
    opened.push(library);
    return library;
  };
  let source: TempLibrary;
  let ids: Record<string, number>;
  let exported: Buffer;
  beforeEach(() => {
    source = open();
    ids = seedLibrary(source);
    exported = Buffer.from(exportPapers(source.db, { format: 'json' }, source.clock).content);
  });
  afterEach(() => opened.splice(0).forEach((library) => library.cleanup()));

  it('into an empty library gives an identical library', () => {
    const target = open();
    const report = restoreFromJson(target, 'sift-all.json', exported);
    expect(report).toMatchObject({ file: 'sift-all.json', newPapers: report.papers, updatedPapers: 0, newDigests: 1 });
    expect(dumpLibrary(target.db)).toEqual(dumpLibrary(source.db));
    expect(target.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('into a non-empty library merges: new papers added, reader state filled only where the library has none', () => {
    const target = open();
    const context = { db: target.db, history: target.history, clock: target.clock };
    // The reader already has two of the papers: one untouched, one they triaged differently.
    const untouched = addPaper(target, { title: 'Attention Is All You Need', arxivId: '1706.03762' });
    const decided = addPaper(target, { title: 'Deep learning', doi: '10.1038/nature14539' });
    setStatus(context, [decided], 'skipped');
    setNote(context, decided, 'Not for me.');
    addTag(context, [decided], 'mine');
    const preview = previewRestore(target, 'sift-all.json', exported);
    const report = restoreFromJson(target, 'sift-all.json', exported);
    expect(report).toEqual({ ...preview, file: 'sift-all.json' });
    expect(report.newPapers).toBe(report.papers - 2);
    expect(report.updatedPapers).toBe(2);

    const filled = getPaper(target.db, untouched);
    expect(filled).toMatchObject({ status: 'to-read', starred: true, note: 'Read section 3.\n\nThen the appendix.', tags: ['to cite & share', 'transformers'] });
    expect(filled.abstract).toMatch(/^The dominant sequence/);
    expect(filled.authors).toEqual(['Ashish Vaswani', 'Noam Shazeer']);
    const kept = getPaper(target.db, decided);
    // The reader's decisions stand; only the star, which they never gave, comes from the file.
    expect(kept).toMatchObject({ status: 'skipped', note: 'Not for me.', tags: ['mine'], starred: true });
    expect(target.db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(report.papers);
    expect(target.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('restoring the same file twice changes nothing the second time', () => {
    const target = open();
    restoreFromJson(target, 'a.json', exported);
    const before = dumpLibrary(target.db);
    const again = restoreFromJson(target, 'a.json', exported);
    expect(again).toMatchObject({ newPapers: 0, updatedPapers: 0, newDigests: 0 });
    expect(dumpLibrary(target.db)).toEqual(before);
  });

  it('papers entering to-read from the file go after the reader\'s own queue, in the file\'s order', () => {
    const target = open();
    const mine = addPaper(target, { title: 'My own first paper' }, 'to-read');
    restoreFromJson(target, 'a.json', exported);
    const order = target.db.prepare(`SELECT title FROM papers WHERE status = 'to-read' ORDER BY position`).pluck().all();
    expect(order[0]).toBe('My own first paper');
    const sourceOrder = source.db.prepare(`SELECT title FROM papers WHERE status = 'to-read' ORDER BY position`).pluck().all();
    expect(order.slice(1)).toEqual(sourceOrder);
    expect(mine).toBeGreaterThan(0);
  });

  it('preview leaves the library untouched', () => {
    const target = open();
    addPaper(target, { title: 'Something else' });
    const before = dumpLibrary(target.db);
    const preview = previewRestore(target, 'a.json', exported);
    expect(preview.newPapers).toBe(preview.papers);
    expect(dumpLibrary(target.db)).toEqual(before);
  });

  it('clears the undo history, whose steps describe the library before the restore', () => {
    const target = open();
    const id = addPaper(target, { title: 'Attention Is All You Need', arxivId: '1706.03762' });
    setStarred({ db: target.db, history: target.history }, [id], false);
    setStatus({ db: target.db, history: target.history }, [id], 'inbox');
    expect(target.history.size).toBe(2);
    restoreFromJson(target, 'a.json', exported);
    expect(target.history.size).toBe(0);
    expect(target.history.undo(target.db)).toBeNull();
  });

  /** Each broken file, made from a good export so only the named problem is wrong. */
  const broken: [string, (good: string) => string][] = [
    ['not JSON at all', () => '{"format": "sift-library", "papers": [ '],
    ['JSON of another program', () => '{"items": []}'],
    ['a newer format version', () => '{"format": "sift-library", "version": 99}'],
    ['a paper with an impossible status', (good) => good.replace('"status": "to-read"', '"status": "later"')],
    ['a digest pointing at a missing paper', (good) => good.replace(/"paperId": \d+/, '"paperId": 999999')],
    ['a truncated export', (good) => good.slice(0, Math.floor(good.length / 2))],
    ['an empty file', () => ''],
    ['invalid UTF-8 bytes', () => '\uffff'],
  ];

  for (const [label, makeBroken] of broken) {
    it(`refuses ${label} with one message naming the file, library unchanged`, () => {
      const target = open();
      addPaper(target, { title: 'Already here' });
      const before = dumpLibrary(target.db);
      const bad = label === 'invalid UTF-8 bytes' ? Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) : Buffer.from(makeBroken(exported.toString()));
      expect(bad.equals(exported)).toBe(false);
      let error: unknown;
      try {
        restoreFromJson(target, 'broken-export.json', bad);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(SiftError);
      expect((error as SiftError).type).toBe('invalid-digest');
      expect((error as SiftError).message).toMatch(/^broken-export\.json /);
      expect(() => previewRestore(target, 'broken-export.json', bad)).toThrow(/broken-export\.json/);
      expect(dumpLibrary(target.db)).toEqual(before);
    });
  }

  it('a JSON export on disk restores the same way (the CLI path reads the file)', () => {
    const file = path.join(source.dir, 'export.json');
    fs.writeFileSync(file, exported);
    const target = open();
    restoreFromJson(target, file, fs.readFileSync(file));
    expect(target.db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(source.db.prepare('SELECT count(*) FROM papers').pluck().get());
    expect(ids.attention).toBeGreaterThan(0);
  });
});
