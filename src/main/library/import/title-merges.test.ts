import { afterEach, describe, expect, it } from 'vitest';
import { SiftError } from '../../../shared/api-errors.ts';
import { fixedClock, openTempLibrary } from '../../../../tests/support/temp-library.ts';
import { getPaper } from '../papers/get-paper.ts';
import { setStatus } from '../papers/triage-papers.ts';
import { importDigest } from './import-digest.ts';
import { splitTitleMerge } from './title-merges.ts';

const clock = fixedClock('2026-06-20T10:00:00Z');
const bytes = (text: string) => new TextEncoder().encode(text);

describe('splitting a wrong title merge', () => {
  let library: ReturnType<typeof openTempLibrary>;
  afterEach(() => library.cleanup());

  function mergedLibrary() {
    library = openTempLibrary({ clock });
    const first = importDigest(library.db, { fileName: 'reading-group.bib', bytes: bytes('@article{a, title={Robust Estimation}, author={Huber, Peter}}') }, clock);
    const second = importDigest(
      library.db,
      {
        fileName: 'zotero.json',
        bytes: bytes(JSON.stringify([{ id: 'x', type: 'article-journal', title: 'Robust estimation', DOI: '10.1214/aoms/1177703732', abstract: 'This paper contains a new approach.', author: [{ family: 'Huber', given: 'P. J.' }], issued: { 'date-parts': [[1964]] }, URL: 'https://projecteuclid.org/x' }])),
      },
      clock,
    );
    const paperId = first.addedIds[0] ?? -1;
    const merge = second.titleMerges?.[0];
    if (!merge) throw new Error('expected a title merge');
    return { paperId, merge, digestId: second.digestId ?? -1 };
  }

  it('gives the old paper back what it had, and makes the record its own paper in that digest', () => {
    const { paperId, merge, digestId } = mergedLibrary();
    expect(getPaper(library.db, paperId).doi).toBe('10.1214/aoms/1177703732');
    setStatus({ db: library.db, history: library.history, clock }, [paperId], 'read');

    const { newPaperId } = splitTitleMerge(library.db, merge.mergeId, clock);

    const old = getPaper(library.db, paperId);
    expect(old).toMatchObject({ doi: null, abstract: '', publishedAt: null, status: 'read', authors: ['Peter Huber'] });
    expect(old.links.map((link) => link.url)).not.toContain('https://projecteuclid.org/x');
    expect(old.digests.map((digest) => digest.id)).not.toContain(digestId);
    const split = getPaper(library.db, newPaperId);
    expect(split).toMatchObject({ title: 'Robust estimation', doi: '10.1214/aoms/1177703732', status: 'inbox', abstract: 'This paper contains a new approach.' });
    expect(split.digests.map((digest) => digest.id)).toEqual([digestId]);
  });

  it('a merge split once cannot be split again', () => {
    const { merge } = mergedLibrary();
    splitTitleMerge(library.db, merge.mergeId, clock);
    expect(() => splitTitleMerge(library.db, merge.mergeId, clock)).toThrow(SiftError);
    expect(library.db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(2);
  });
});
