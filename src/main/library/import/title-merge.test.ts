import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, openTempLibrary } from '../../../../tests/support/temp-library.ts';
import { getPaper } from '../papers/get-paper.ts';
import { isGenericTitle, titleMatchConflict } from '../papers/title-match.ts';
import type { TitleMatchFacts } from '../papers/title-match.ts';
import { importDigest } from './import-digest.ts';

const clock = fixedClock('2026-06-20T10:00:00Z');
const bytes = (text: string) => new TextEncoder().encode(text);

type CslItem = Record<string, unknown>;
const csl = (items: CslItem[]) => bytes(JSON.stringify(items.map((item, index) => ({ id: `item-${index}`, type: 'book', ...item }))));
const person = (family: string, given: string) => ({ family, given });
const issued = (year: number) => ({ 'date-parts': [[year]] });

describe('a title alone merges only what agrees', () => {
  let library: ReturnType<typeof openTempLibrary>;
  afterEach(() => library.cleanup());
  const count = () => library.db.prepare('SELECT count(*) FROM papers').pluck().get() as number;
  const load = (name: string, data: Uint8Array) => importDigest(library.db, { fileName: name, bytes: data }, clock);

  it('volumes 1 and 2 of one book stay two papers', () => {
    library = openTempLibrary({ clock });
    const book = { title: 'The Art of Computer Programming', author: [person('Knuth', 'Donald E.')], issued: issued(1997) };
    load('volume-1.json', csl([{ ...book, volume: '1' }]));
    const report = load('volume-2.json', csl([{ ...book, volume: 'Vol. 2' }]));
    expect(report.added).toBe(1);
    expect(count()).toBe(2);
  });

  it('volumes from BibTeX are told apart too', () => {
    library = openTempLibrary({ clock });
    const report = load(
      'knuth.bib',
      bytes(`@book{knuth1, title={Fundamental Algorithms}, author={Knuth, Donald}, volume={1}, year={1997}}
@book{knuth1b, title={Fundamental Algorithms}, author={Knuth, Donald}, volume={3}, year={1997}}`),
    );
    expect(report.added).toBe(2);
  });

  it('two editions of a textbook stay two papers, even without years', () => {
    library = openTempLibrary({ clock });
    const book = { title: 'Reinforcement Learning: An Introduction', author: [person('Sutton', 'Richard S.')] };
    load('first.json', csl([{ ...book, edition: '1' }]));
    expect(load('second.json', csl([{ ...book, edition: 'Second edition' }])).added).toBe(1);
    // The same edition written another way is the same book.
    expect(load('second-again.json', csl([{ ...book, edition: '2nd ed.' }])).existing).toBe(1);
    expect(count()).toBe(2);
  });

  it('four unrelated entries titled "Introduction" stay four, across files too', () => {
    library = openTempLibrary({ clock });
    const report = load('intros.json', csl([
      { type: 'chapter', title: 'Introduction', author: [person('Smith', 'Ann')], issued: issued(2010) },
      { type: 'chapter', title: 'Introduction', author: [person('Smith', 'Ann')], issued: issued(2010) },
      { type: 'article-journal', title: 'Introduction' },
      { type: 'chapter', title: '1. Introduction' },
    ]));
    expect(report.added).toBe(4);
    expect(load('more.bib', bytes('@incollection{intro, title={Introduction}, author={Smith, Ann}, year={2010}}')).added).toBe(1);
    expect(count()).toBe(5);
    expect(report.titleMerges).toEqual([]);
  });

  it('two different "Table of contents" items stay two', () => {
    library = openTempLibrary({ clock });
    load('toc-1.ris', bytes('TY  - JOUR\nTI  - Table of Contents\nJO  - Nature\nPY  - 2021\nER  - \n'));
    const report = load('toc-2.ris', bytes('TY  - JOUR\nTI  - Table of contents\nJO  - Science\nPY  - 2021\nER  - \n'));
    expect(report.added).toBe(1);
    expect(count()).toBe(2);
  });

  it('a preprint and another paper its source gave the same (wrong) title stay apart', () => {
    library = openTempLibrary({ clock });
    const preprint = JSON.stringify([{ paper: { id: '2405.01234', title: 'Scaling Laws for Sparse Models', authors: [{ name: 'Maria Garcia' }], publishedAt: '2024-05-02T00:00:00.000Z' } }]);
    load('hf.json', bytes(preprint));
    const report = load('wrong.json', csl([{ type: 'article-journal', title: 'Scaling laws for sparse models', DOI: '10.1000/jml.2019.77', author: [person('Chen', 'Li')], issued: issued(2019) }]));
    expect(report.added).toBe(1);
    expect(report.titleMerges).toEqual([]);
    expect(count()).toBe(2);
  });

  it('a book and an article with the same title are different works', () => {
    library = openTempLibrary({ clock });
    load('book.json', csl([{ type: 'book', title: 'Deep Learning', author: [person('Goodfellow', 'Ian')], issued: issued(2016) }]));
    expect(load('article.json', csl([{ type: 'article-journal', title: 'Deep learning', author: [person('Goodfellow', 'Ian')], issued: issued(2016) }])).added).toBe(1);
  });

  it('the same paper found by title is merged, filled in, and reported with both titles and ids', () => {
    library = openTempLibrary({ clock });
    const first = load('hf.json', bytes(JSON.stringify([{ paper: { id: '2306.00001', title: 'Sparse Attention at Scale', authors: [{ name: 'Jane Roe' }], publishedAt: '2023-06-01T00:00:00.000Z' } }])));
    const report = load('journal.json', csl([{ type: 'article-journal', title: 'Sparse attention at scale.', DOI: '10.1000/jml.2024.1', author: [person('Roe', 'Jane')], issued: issued(2024), volume: '12' }]));
    expect(report).toMatchObject({ added: 0, existing: 1, enriched: 1 });
    expect(report.titleMerges).toEqual([
      { mergeId: expect.any(Number), index: 0, incomingTitle: 'Sparse attention at scale.', incomingId: 'doi:10.1000/jml.2024.1', paperId: first.addedIds[0], paperTitle: 'Sparse Attention at Scale', paperIdentifier: 'arXiv:2306.00001' },
    ]);
    expect(getPaper(library.db, first.addedIds[0] ?? -1).doi).toBe('10.1000/jml.2024.1');
  });

  it('a preprint published two years later is still merged; three years later is not', () => {
    library = openTempLibrary({ clock });
    load('a.json', csl([{ type: 'article', title: 'Graph Networks Revisited', author: [person('Okafor', 'Chidi')], issued: issued(2021) }]));
    expect(load('b.json', csl([{ type: 'article-journal', title: 'Graph networks revisited', author: [person('Okafor', 'C.')], issued: issued(2022) }])).existing).toBe(1);
    expect(load('c.json', csl([{ type: 'article-journal', title: 'Graph networks revisited', author: [person('Okafor', 'C.')], issued: issued(2025) }])).added).toBe(1);
  });
});

describe('the title rule itself', () => {
  const facts = (overrides: Partial<TitleMatchFacts> = {}): TitleMatchFacts => ({
    titleKey: 'a study of things', arxivId: null, doi: null, publishedAt: null, authors: [], volume: null, edition: null, entryType: null, ...overrides,
  });

  it.each(['introduction', 'preface', 'editorial', 'table of contents', 'index', 'reply', 'erratum', 'book review', '1 introduction', 'chapter 3 conclusion', 'letter to the editor'])(
    '"%s" never merges on title alone',
    (title) => expect(isGenericTitle(title)).toBe(true),
  );

  it('a title that merely starts with a generic word is not generic', () => {
    expect(isGenericTitle('introduction to statistical learning')).toBe(false);
  });

  it.each<[string, Partial<TitleMatchFacts>, Partial<TitleMatchFacts>, string | null]>([
    ['unknowns never conflict', {}, { doi: '10.1/x', publishedAt: '2020', authors: ['A. Smith'] }, null],
    ['different DOIs', { doi: '10.1/a' }, { doi: '10.1/b' }, 'different DOIs'],
    ["arXiv's DOI beside the journal's", { doi: '10.48550/arxiv.2401.00001' }, { doi: '10.1/b' }, null],
    ['different arXiv ids', { arxivId: '2401.00001' }, { arxivId: '2401.00002' }, 'different arXiv ids'],
    ['family name written either way', { authors: ['Vaswani, Ashish'] }, { authors: ['A. Vaswani'] }, null],
    ['accents and particles', { authors: ['José van der Berg'] }, { authors: ['van der Berg, Jose'] }, null],
    ['other first author', { authors: ['Ann Smith'] }, { authors: ['Ann Jones'] }, 'different first authors'],
    ['roman and arabic volumes', { volume: 'II' }, { volume: '2' }, null],
    ['a report is the paper', { entryType: 'techreport' }, { entryType: 'article-journal' }, null],
    ['a thesis is not', { entryType: 'phdthesis' }, { entryType: 'JOUR' }, 'different kinds of work'],
  ])('%s', (_name, a, b, conflict) => {
    expect(titleMatchConflict(facts(a), facts(b))).toBe(conflict);
  });
});
