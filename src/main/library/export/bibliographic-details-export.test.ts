import { parse as parseBibtexStrictly } from '@retorquere/bibtex-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPaper } from '../../../../tests/support/seed-papers.ts';
import { fixedClock, openTempLibrary } from '../../../../tests/support/temp-library.ts';
import { parseBibtex } from '../import/parsers/bibtex.ts';
import { parseRis } from '../import/parsers/ris.ts';
import { toBibtex } from './bibtex-export.ts';
import { toCsv } from './csv-export.ts';
import { loadExportPapers } from './load-export-papers.ts';
import type { ExportPaper } from './load-export-papers.ts';
import { toRis } from './ris-export.ts';

describe('exports carry volume, edition and the kind of work', () => {
  let library: ReturnType<typeof openTempLibrary>;
  let papers: ExportPaper[];
  beforeEach(() => {
    library = openTempLibrary({ clock: fixedClock('2026-11-29T10:00:00.000Z') });
    const knuth = { title: 'The Art of Computer Programming', authors: ['Donald E. Knuth'], publishedAt: '1997' };
    addPaper(library, { ...knuth, volume: 'Vol. 1', edition: '3rd', entryType: 'book' });
    addPaper(library, { ...knuth, volume: 'Vol. 2', edition: '3rd', entryType: 'Book' });
    addPaper(library, { title: 'Sorting networks', authors: ['Ann Other'], entryType: 'Book Section' }); // EndNote's word
    addPaper(library, { title: 'Attention maps', authors: ['Joe Doe'], doi: '10.1000/xyz', volume: '12', entryType: 'article-journal' }); // CSL's
    addPaper(library, { title: 'A preprint', authors: ['Sam Roe'], arxivId: '2401.00001' });
    papers = loadExportPapers(library.db);
  });
  afterEach(() => library.cleanup());

  const byTitle = <T extends { title: string }>(items: T[]) => [...items].sort((a, b) => a.title.localeCompare(b.title) || JSON.stringify(a).localeCompare(JSON.stringify(b)));

  it('BibTeX: @book with volume and edition, @incollection, @article, @misc for a preprint; Sift reads them back', () => {
    const text = toBibtex(papers);
    expect(parseBibtexStrictly(text).errors).toEqual([]);
    expect(text.match(/^@\w+/gm)?.sort()).toEqual(['@article', '@book', '@book', '@incollection', '@misc']);
    const back = byTitle(parseBibtex(text).papers).map(({ title, volume, edition, entryType }) => ({ title, volume, edition, entryType }));
    expect(back).toEqual([
      { title: 'A preprint', volume: null, edition: null, entryType: 'misc' },
      { title: 'Attention maps', volume: '12', edition: null, entryType: 'article' },
      { title: 'Sorting networks', volume: null, edition: null, entryType: 'incollection' },
      { title: 'The Art of Computer Programming', volume: 'Vol. 1', edition: '3rd', entryType: 'book' },
      { title: 'The Art of Computer Programming', volume: 'Vol. 2', edition: '3rd', entryType: 'book' },
    ]);
  });

  it('RIS: TY BOOK / CHAP / JOUR / GEN with VL and ET; Sift reads them back', () => {
    const text = toRis(papers);
    expect(text.match(/^TY {2}- \w+/gm)?.map((line) => line.slice(6)).sort()).toEqual(['BOOK', 'BOOK', 'CHAP', 'GEN', 'JOUR']);
    const back = byTitle(parseRis(text).papers).map(({ title, volume, edition, entryType }) => ({ title, volume, edition, entryType }));
    expect(back).toEqual([
      { title: 'A preprint', volume: null, edition: null, entryType: 'GEN' },
      { title: 'Attention maps', volume: '12', edition: null, entryType: 'JOUR' },
      { title: 'Sorting networks', volume: null, edition: null, entryType: 'CHAP' },
      { title: 'The Art of Computer Programming', volume: 'Vol. 1', edition: '3rd', entryType: 'BOOK' },
      { title: 'The Art of Computer Programming', volume: 'Vol. 2', edition: '3rd', entryType: 'BOOK' },
    ]);
  });

  it('CSV has volume, edition and entry_type columns with the stated values', () => {
    const [header, ...rows] = toCsv(papers).trimEnd().split('\r\n');
    const columns = header!.split(',');
    const pick = (row: string, name: string) => row.split(',')[columns.indexOf(name)];
    const book = rows.find((row) => row.includes('Vol. 2'))!;
    expect([pick(book, 'volume'), pick(book, 'edition'), pick(book, 'entry_type')]).toEqual(['Vol. 2', '3rd', 'Book']);
  });
});
