import { describe, expect, it } from 'vitest';
import { realFixture, renderBibtex, samplePapers } from '../testing/sample-papers.ts';
import { parseBibtex } from './bibtex.ts';
import { parseRis } from './ris.ts';

describe('BibTeX', () => {
  it('reads the real Zotero export: braces removed, arXiv id from the URL and note, authors given-name first', () => {
    const text = realFixture('zotero-export-1.bib');
    const [paper] = parseBibtex(text).papers;
    const rawTitle = /^\s*title = \{(.*)\},$/m.exec(text)?.[1] ?? '';
    expect(paper?.title).toBe(rawTitle.replace(/[{}]/g, ''));
    expect(paper?.arxivId).toBe(/arxiv\.org\/abs\/(\S+?)\}/.exec(text)?.[1]);
    expect(paper?.authors[0]).toBe('Peng Hao');
    expect(paper?.authors).toHaveLength((/author = \{(.*)\},/.exec(text)?.[1] ?? '').split(' and ').length);
    expect(paper?.abstract.startsWith('Event extraction (EE)')).toBe(true);
  });

  it('reads Google Scholar style entries for many papers, arXiv id from "journal"', () => {
    const papers = samplePapers().slice(0, 10);
    const digest = parseBibtex(renderBibtex(papers));
    expect(digest.papers.map((paper) => paper.arxivId)).toEqual(papers.map((paper) => paper.arxivId));
    expect(digest.papers.map((paper) => paper.title)).toEqual(papers.map((paper) => paper.title));
    expect(digest.papers.map((paper) => paper.authors)).toEqual(papers.map((paper) => paper.authors));
  });

  it('decodes TeX accents and commands, and keeps markup text verbatim', () => {
    const digest = parseBibtex(String.raw`@article{k, title = {Sch{\"o}ne {\'E}tudes of <script>alert(1)</script> \emph{Deep} Nets: 50\% \& more},
  author = {M{\"u}ller, J{\"o}rg and {van der Berg}, Anna and {Google Research}},
  eprint = {2403.01234v2}, archivePrefix = {arXiv}, doi = {10.1000/XYZ}}`);
    expect(digest.papers[0]).toMatchObject({
      title: 'Schöne Études of <script>alert(1)</script> Deep Nets: 50% & more',
      authors: ['Jörg Müller', 'Anna van der Berg', 'Google Research'],
      arxivId: '2403.01234',
      doi: '10.1000/XYZ',
    });
  });

  it('an accent on a dotless i or j is the accented letter: García, not Garcı́a', () => {
    const digest = parseBibtex(String.raw`@article{k, title = {T}, author = {Garc{\'\i}a, Jos{\'e} and Ma{\~n}{\'\i}n, Ana}}`);
    expect(digest.papers[0]?.authors).toEqual(['José García', 'Ana Mañín']);
  });

  it('a broken entry is skipped and the good ones kept', () => {
    const digest = parseBibtex('@misc{bad, title = "Unterminated\n@article{good, title={Good Paper}, eprint={2401.00001}}\n');
    expect(digest.papers.map((paper) => paper.title)).toEqual(['Good Paper']);
    expect(digest.skipped.length).toBe(1);
  });

  it('a file with only broken entries is an error', () => {
    expect(() => parseBibtex('@article{x, title = {never closed')).toThrow();
  });
});

describe('RIS', () => {
  it('reads every record of the real Zotero export', () => {
    const text = realFixture('zotero-export-14.ris');
    const titles = [...text.matchAll(/^TI {2}- (.*)$/gm)].map((match) => (match[1] ?? '').trim());
    const digest = parseRis(text);
    expect(digest.papers.map((paper) => paper.title)).toEqual(titles);
    const dois = [...text.matchAll(/^DO {2}- (.*)$/gm)].map((match) => (match[1] ?? '').trim());
    expect(digest.papers.flatMap((paper) => (paper.doi ? [paper.doi] : []))).toEqual(dois);
    const preprint = digest.papers.find((paper) => paper.arxivId);
    expect(text).toContain(`arxiv.org/abs/${preprint?.arxivId}`);
    expect(preprint?.abstract.length).toBeGreaterThan(100);
  });

  it('reads T1/A1/N2/Y1 synonyms, wrapped values and Windows line ends', () => {
    const text = ['TY  - JOUR', 'T1  - A Title', 'A1  - Doe, Jane', 'A1  - Roe, R.', 'N2  - First half', 'of the abstract.', 'Y1  - 2020/05/01/', 'UR  - https://arxiv.org/abs/2005.00001v3', 'ER  - ', ''].join('\r\n');
    expect(parseRis(text).papers[0]).toMatchObject({
      title: 'A Title',
      authors: ['Jane Doe', 'R. Roe'],
      abstract: 'First half of the abstract.',
      publishedAt: '2020-05-01',
      arxivId: '2005.00001',
    });
  });

  it('a record cut off before ER is read, with a warning', () => {
    const digest = parseRis('TY  - JOUR\nTI  - Cut Off\nAU  - Doe, J.\n');
    expect(digest.papers.map((paper) => paper.title)).toEqual(['Cut Off']);
    expect(digest.warnings.join(' ')).toMatch(/cut off/);
  });
});
