import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readerFor } from '../digest-formats.ts';
import { parseSpreadsheetExport } from './spreadsheet-export.ts';

const wild = (name: string) => fs.readFileSync(new URL(`../../../../../tests/fixtures/wild/${name}`, import.meta.url), 'utf8');

describe('spreadsheet exports (CSV with a header row)', () => {
  it('are recognised as such, not as a list of the DOIs in their cells', () => {
    for (const name of ['scopus-export.csv', 'lens-export.csv', 'openalex-export.csv', 'sift-export-semicolons.csv']) {
      expect(readerFor(wild(name))?.format, name).toBe('csv');
    }
  });

  it('Scopus: every row is a paper with title, full author names, year and DOI; its References never are', () => {
    const digest = parseSpreadsheetExport(wild('scopus-export.csv'));
    expect(digest.papers.map((paper) => [paper.title.slice(0, 30), paper.authors, paper.publishedAt, paper.doi])).toEqual([
      ['Influence of temperature on me', ['M.A. Unnikrishnan', 'J. Edwin Raja Dhas'], '2020', null],
      ['Tensile properties of a fricti', ['S.M. Chowdhury', 'D.L. Chen'], '2010', '10.1016/j.msea.2010.06.012'],
    ]);
    expect(digest.papers[0]?.entryType).toBe('Article');
  });

  it('Lens: authors joined by ";", the publication date, a JATS abstract as plain text', () => {
    const [paper] = parseSpreadsheetExport(wild('lens-export.csv')).papers;
    expect(paper).toMatchObject({
      authors: ['Petar Radanliev', 'David De Roure'],
      publishedAt: '2020-11-22',
      doi: '10.1007/s10669-020-09792-x',
      abstract: 'The Internet of Things (IoT) triggers new types of cyber risks.',
    });
  });

  it('OpenAlex: authors joined by "|", DOIs as URLs, an arXiv DOI gives the arXiv id', () => {
    const digest = parseSpreadsheetExport(wild('openalex-export.csv'));
    expect(digest.papers[0]).toMatchObject({ title: 'bibliometrix : An R-tool for comprehensive science mapping analysis', authors: ['Massimo Aria', 'Corrado Cuccurullo'], doi: '10.1016/j.joi.2017.08.007' });
    expect(digest.papers[1]?.arxivId).toBe('1706.03762');
  });

  it("Sift's own CSV, saved by a spreadsheet with semicolons: formula guard removed, quoted semicolons kept", () => {
    const [paper] = parseSpreadsheetExport(wild('sift-export-semicolons.csv')).papers;
    expect(paper).toMatchObject({ title: '=Equal rights for formulas', authors: ['Ana García', 'Li Chen'], arxivId: '2401.00001', abstract: 'Semicolons; inside quotes stay.' });
  });

  it('old Scopus author lists joined by commas are split into people', () => {
    const text = 'Authors,Title,Year,DOI\n"Singh H., Mehta A., Sharma Y.",Role of expert systems,2024,10.1007/s12008-023-01458-7\n';
    expect(parseSpreadsheetExport(text).papers[0]?.authors).toEqual(['H. Singh', 'A. Mehta', 'Y. Sharma']);
  });
});

describe('Web of Science "Tab-delimited" export', () => {
  const text = wild('wos-tab-delimited.txt');
  const digest = parseSpreadsheetExport(text);

  it('is read by its tag columns (TI, AF, PY, DI, AB), never its cited references (CR)', () => {
    expect(readerFor(text)?.format).toBe('csv');
    expect(digest.papers.map((paper) => paper.doi)).toEqual(['10.1016/j.bodyim.2024.101712', '10.30848/PJB2023-4(30)']);
    expect(digest.papers[0]).toMatchObject({ authors: ['Samantha Pryde', 'Eva Kemps'], publishedAt: '2024', abstract: 'Fitspiration content is popular.' });
  });

  it('a title that opens with a quotation mark is text, not a quoted cell swallowing the next rows', () => {
    expect(digest.papers[0]?.title).toBe('"You started working out to get a flat stomach": A content analysis of fitspiration videos on TikTok');
  });
});
