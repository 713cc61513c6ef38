import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, openTempLibrary } from '../../../../tests/support/temp-library.ts';
import type { SiftLibrary } from '../sift-library.ts';
import { getPaper } from '../papers/get-paper.ts';
import { addTag, setNote } from '../papers/tags-and-notes.ts';
import { moveInQueue, setStarred, setStatus } from '../papers/triage-papers.ts';
import { importDigest } from './import-digest.ts';
import { librarySnapshot } from './testing/library-snapshot.ts';
import { renderBibtex, renderHfJson, renderHfText, samplePapers } from './testing/sample-papers.ts';

const clock = fixedClock('2026-06-20T10:00:00Z');
const papers = samplePapers().slice(0, 6);
const bytes = (text: string) => new TextEncoder().encode(text);
let library: SiftLibrary & { cleanup: () => void };

beforeEach(() => {
  library = openTempLibrary({ clock });
});
afterEach(() => library.cleanup());

const importText = (fileName: string, text: string, into?: 'inbox' | 'to-read') =>
  importDigest(library.db, { fileName, bytes: bytes(text), into }, clock);
const paperCount = () => library.db.prepare('SELECT count(*) FROM papers').pluck().get() as number;

/** Marks the first three papers the way a reader would; returns what each paper looked like after. */
function triageSome(ids: number[]) {
  const context = { db: library.db, history: library.history, clock };
  const [first, second, third] = ids as [number, number, number];
  setStatus(context, [first, second], 'to-read');
  moveInQueue(context, [second], 'top');
  setStarred(context, [first], true);
  setStatus(context, [third], 'read');
  addTag(context, [first, third], 'sparsity');
  setNote(context, second, 'read section 3 first');
  return ids.map((id) => readerState(id));
}

function readerState(id: number) {
  const paper = getPaper(library.db, id);
  return { status: paper.status, starred: paper.starred, tags: paper.tags, note: paper.note, position: paper.position, readAt: paper.readAt };
}

describe('merging digests across formats', () => {
  it('text first, then JSON with arXiv ids: same rows, ids and authors filled in, reader state kept', () => {
    const first = importText('page.txt', renderHfText(papers));
    expect(first.added).toBe(papers.length);
    const before = triageSome(first.addedIds);
    const second = importText('daily.json', renderHfJson(papers));
    expect(second).toMatchObject({ added: 0, existing: papers.length, enriched: papers.length });
    expect(paperCount()).toBe(papers.length);
    first.addedIds.forEach((id, index) => {
      const paper = getPaper(library.db, id);
      expect(paper.arxivId).toBe(papers[index]?.arxivId);
      expect(paper.authors).toEqual(papers[index]?.authors);
      expect(paper.digests.map((digest) => digest.format)).toEqual(['hf-papers-text', 'hf-daily-json']);
      expect(readerState(id)).toEqual(before[index]);
    });
  });

  it('a later digest makes a year-only publication date precise, but never changes a different date', () => {
    const bib = String.raw`@misc{k, title = {Sparse Attention at Scale}, author = {Roe, Jane}, year = {2024}, eprint = {2404.00001}, archivePrefix = {arXiv}}`;
    const [id] = importText('refs.bib', bib).addedIds as [number];
    expect(getPaper(library.db, id).publishedAt).toBe('2024');
    const json = (publishedAt: string) =>
      JSON.stringify([{ paper: { id: '2404.00001', title: 'Sparse Attention at Scale', summary: 'S', authors: [{ name: 'Jane Roe' }], publishedAt } }]);
    importText('daily.json', json('2024-03-29T17:59:59.000Z'));
    expect(getPaper(library.db, id).publishedAt).toBe('2024-03-29T17:59:59.000Z');
    importText('other.json', json('2023-01-01T00:00:00.000Z'));
    expect(getPaper(library.db, id).publishedAt).toBe('2024-03-29T17:59:59.000Z');
  });

  it('BibTeX after JSON: recognised by arXiv id, nothing the reader made is touched', () => {
    const first = importText('daily.json', renderHfJson(papers));
    const before = triageSome(first.addedIds);
    const second = importText('refs.bib', renderBibtex(papers));
    expect(second).toMatchObject({ added: 0, existing: papers.length });
    first.addedIds.forEach((id, index) => {
      expect(readerState(id)).toEqual(before[index]);
      expect(getPaper(library.db, id).digests).toHaveLength(2);
    });
  });

  it('an id list gives placeholder titles, which a later JSON digest replaces', () => {
    const ids = importText('ids.txt', papers.map((paper) => `https://arxiv.org/abs/${paper.arxivId}v2`).join('\n'));
    expect(ids.added).toBe(papers.length);
    expect(getPaper(library.db, ids.addedIds[0] ?? -1).title).toBe(`arXiv:${papers[0]?.arxivId}`);
    const context = { db: library.db, history: library.history, clock };
    setStarred(context, [ids.addedIds[0] ?? -1], true);
    const json = importText('daily.json', renderHfJson(papers));
    expect(json).toMatchObject({ added: 0, enriched: papers.length });
    expect(ids.addedIds.map((id) => getPaper(library.db, id).title)).toEqual(papers.map((paper) => paper.title));
    expect(getPaper(library.db, ids.addedIds[0] ?? -1).starred).toBe(true);
  });

  it('a DOI-only reference to an arXiv paper (10.48550/arXiv.ID) is the same paper', () => {
    const [paper] = papers as [(typeof papers)[number]];
    const first = importText('daily.json', renderHfJson([paper]));
    const bib = `@misc{x, title={Something Else Entirely}, doi={10.48550/arXiv.${paper.arxivId}}}`;
    expect(importText('x.bib', bib)).toMatchObject({ added: 0, existing: 1 });
    expect(getPaper(library.db, first.addedIds[0] ?? -1).title).toBe(paper.title);
  });

  it('a later digest never overwrites a title, abstract or authors the library already has', () => {
    const first = importText('daily.json', renderHfJson(papers.slice(0, 1)));
    const altered = [{ ...papers[0]!, abstract: 'A different abstract.', authors: ['Someone Else'] }];
    importText('other.json', renderHfJson(altered).replace('"upvotes":3', '"upvotes":4'));
    const paper = getPaper(library.db, first.addedIds[0] ?? -1);
    expect(paper.abstract).toBe(papers[0]?.abstract);
    expect(paper.authors).toEqual(papers[0]?.authors);
  });

  it('the same file imported twice is reported as already imported and adds nothing', () => {
    const text = renderHfJson(papers);
    importText('daily.json', text);
    const snapshot = librarySnapshot(library.db);
    const again = importText('copy-of-daily.json', text);
    expect(again.alreadyImported).toBe(true);
    expect(again.added).toBe(0);
    expect(librarySnapshot(library.db)).toBe(snapshot);
  });

  it('--into to-read puts new papers at the end of the to-read queue', () => {
    const report = importText('daily.json', renderHfJson(papers.slice(0, 3)), 'to-read');
    const positions = report.addedIds.map((id) => getPaper(library.db, id).position);
    expect(report.addedIds.every((id) => getPaper(library.db, id).status === 'to-read')).toBe(true);
    expect([...positions].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(positions);
  });
});

describe('an import that fails writes nothing', () => {
  it('a write failure half-way through rolls the whole file back', () => {
    importText('first.json', renderHfJson(papers.slice(0, 2)));
    const snapshot = librarySnapshot(library.db);
    const poisoned = papers[4]?.title ?? '';
    library.db.exec(
      `CREATE TEMP TRIGGER fail_on_poison BEFORE INSERT ON papers WHEN NEW.title = '${poisoned.replaceAll("'", "''")}' BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    expect(() => importText('second.json', renderHfJson(papers))).toThrow(/disk full/);
    expect(librarySnapshot(library.db)).toBe(snapshot);
  });

  it('a refused file leaves the library exactly as it was', () => {
    importText('first.json', renderHfJson(papers.slice(0, 2)));
    const snapshot = librarySnapshot(library.db);
    expect(() => importText('broken.json', renderHfJson(papers).slice(0, 500))).toThrow(/broken\.json/);
    expect(librarySnapshot(library.db)).toBe(snapshot);
  });
});
