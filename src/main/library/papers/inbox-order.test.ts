import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, HF_PAPERS_PAGE, openTempLibrary, REAL_FIXTURES } from '../../../../tests/support/temp-library.ts';
import { importDigest } from '../import/import-digest.ts';
import { listDigests } from '../import/list-digests.ts';
import { listPapers } from './list-papers.ts';

describe('the inbox follows arrival', () => {
  let library: ReturnType<typeof openTempLibrary>;
  afterEach(() => library.cleanup());

  const inboxIds = () => listPapers(library.db, { queue: 'inbox', limit: 1000 }).papers.map((paper) => paper.id);
  const hfPage = fs.readFileSync(HF_PAPERS_PAGE, 'utf8');
  const ris = fs.readFileSync(path.join(REAL_FIXTURES, 'zotero-export-14.ris'));

  it('files imported the same day keep their own order instead of interleaving by position', () => {
    const clock = fixedClock('2026-03-12T08:00:00Z');
    library = openTempLibrary({ clock });
    const first = importDigest(library.db, { fileName: 'first.ris', bytes: ris }, clock);
    clock.advance(60_000);
    const ids = 'arXiv:1706.03762\nhttps://arxiv.org/abs/2005.14165\narXiv:1810.04805';
    const second = importDigest(library.db, { fileName: 'pasted', bytes: new TextEncoder().encode(ids) }, clock);
    // The later import on top, each file in its own order, one block after the other.
    expect(inboxIds()).toEqual([...second.addedIds, ...first.addedIds]);
  });

  it('a dateless digest sorts by when it arrived, above older dated digests, in the inbox and the sidebar', () => {
    const clock = fixedClock('2026-03-12T08:00:00Z');
    library = openTempLibrary({ clock });
    const dated = importDigest(library.db, { fileName: 'hf.txt', bytes: new TextEncoder().encode(hfPage) }, clock);
    expect(dated.digestDate).not.toBeNull();
    clock.advance(3_600_000);
    const dateless = importDigest(library.db, { fileName: 'zotero.ris', bytes: ris }, clock);
    expect(dateless.digestDate).toBeNull();
    expect(inboxIds().slice(0, dateless.addedIds.length)).toEqual(dateless.addedIds);
    expect(listDigests(library.db).map((digest) => digest.sourceName)).toEqual(['zotero.ris', 'hf.txt']);
  });

  it('a digest dated in the future does not pin its papers above later arrivals', () => {
    const clock = fixedClock('2026-03-12T08:00:00Z');
    library = openTempLibrary({ clock });
    const future = `[{"paper":{"id":"2401.00001","title":"From the future","summary":"s","authors":[]},"publishedAt":"9999-12-31T00:00:00.000Z"}]`;
    const pinned = importDigest(library.db, { fileName: '9999-12-31.json', bytes: new TextEncoder().encode(future) }, clock);
    expect(pinned.added).toBe(1);
    clock.set('2026-03-14T08:00:00Z');
    const later = importDigest(library.db, { fileName: 'zotero.ris', bytes: ris }, clock);
    expect(inboxIds()[0]).toBe(later.addedIds[0]);
    expect(inboxIds().at(-1)).toBe(pinned.addedIds[0]);
    expect(listDigests(library.db)[0]?.sourceName).toBe('zotero.ris');
  });

  it('the inbox query walks an index, whatever the library size', () => {
    library = openTempLibrary();
    const plan = library.db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM papers p WHERE p.status = 'inbox' ORDER BY p.inbox_day DESC, p.added_at DESC, p.digest_position, p.id LIMIT 200`)
      .all()
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
    expect(plan).toContain('papers_inbox_arrival');
    expect(plan).not.toContain('TEMP B-TREE');
  });
});
