import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from './bibtex.ts';
import { parseRis } from './ris.ts';

const wild = (name: string) => fs.readFileSync(new URL(`../../../../../tests/fixtures/wild/${name}`, import.meta.url), 'utf8');

describe('BibTeX as people’s files really are', () => {
  const digest = parseBibtex(wild('jabref-quirks.bib'));
  const byTitle = (title: string) => digest.papers.find((paper) => paper.title === title);

  it('keys classic BibTeX accepts (!, ^ + \\, spaces, curly apostrophes) cost no entry', () => {
    expect(byTitle('Historical stock prices')?.authors).toEqual(['Yahoo! Finance']);
    expect(byTitle('Keys with caret, plus and backslash')?.doi).toBe('10.1109/TPAMI.2019.2929146');
    expect(byTitle('Phytoplankton in the Tara Ocean')?.authors).toEqual(['Juan José Pierella Karlusich', 'Chris Bowler']);
    expect(byTitle('Curly apostrophes in keys')?.authors).toEqual(['Siobhán O’Mahony']);
  });

  it('one broken entry is skipped with its reason; the entry after it is read, TeX decoded', () => {
    expect(digest.skipped).toEqual([{ index: 0, reason: '@article{Broken2018}: a brace is never closed' }]);
    expect(byTitle('The entry after a broken one – “still read”')).toMatchObject({ authors: ['Jörg Müller', 'Ana García'], arxivId: '1801.00001' });
  });

  it('a lone $ in an abstract is text; undefined macros stay text and never glue names together', () => {
    expect(byTitle('Pricing with a lone dollar')?.abstract).toBe('The licence costs $5 a year, which most labs can afford.');
    expect(byTitle('Undefined macros as author text')?.authors).toEqual(['vanZyl', 'Savic', 'Walters']);
  });

  it('DOIs lose their TeX escapes; of several DOIs the first valid is kept; month macros give the month', () => {
    expect(byTitle('Curly apostrophes in keys')?.doi).toBe('10.1386/adch_00028_1');
    expect(byTitle('A paper and its erratum')?.doi).toBe('10.1000/paper.2021');
    expect(byTitle('Keys with caret, plus and backslash')?.publishedAt).toBe('2019-09');
  });

  it('arXiv ids: from an arXiv DOI URL, canonical old-style ids, and an entry with no title but an id', () => {
    expect(byTitle('An arXiv DOI in the URL')?.arxivId).toBe('2206.01547');
    expect(byTitle('Old-style id with a subject class')?.arxivId).toBe('cs/0003005');
    expect(digest.papers.find((paper) => paper.title === '')?.arxivId).toBe('hep-th/9901001');
    expect(digest.papers).toHaveLength(11);
  });

  it('a @string bomb (macros doubling each other) is refused with a clear message', () => {
    let bomb = '@string{a0 = "lollollollollol"}\n';
    for (let level = 1; level < 40; level += 1) bomb += `@string{a${level} = a${level - 1} # a${level - 1}}\n`;
    bomb += '@article{k, title = a39}\n';
    expect(bomb.length).toBeLessThan(1200);
    expect(() => parseBibtex(bomb)).toThrow(/@string\{a\d+\} expands to more than 100,000 characters/);
  });

  it('@string macros with # concatenation expand inside fields', () => {
    const text = '@string{ieee = "IEEE"}\n@string{tpami = ieee # " Trans. PAMI"}\n@article{k, title = "On " # tpami # {, volume } # 3}';
    expect(parseBibtex(text).papers[0]?.title).toBe('On IEEE Trans. PAMI, volume 3');
  });
});

describe('RIS as people’s files really are', () => {
  it('authors joined with ";" on one AU line are several authors', () => {
    expect(parseRis(wild('mendeley-same-records.ris')).papers[0]?.authors).toEqual(['Li Wang', 'Wei Zhang']);
  });

  it('a record with 40,000 keyword lines is read (repeated tags are appended, not copied)', () => {
    const text = `TY  - JOUR\nTI  - Many keywords\n${Array.from({ length: 40_000 }, (_, index) => `KW  - keyword ${index}`).join('\n')}\nER  - \n`;
    expect(parseRis(text).papers.map((paper) => paper.title)).toEqual(['Many keywords']);
  });
});
