import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readerFor } from '../digest-formats.ts';
import { parseMarkdownWithBibtex } from './markdown-with-bibtex.ts';

const text = fs.readFileSync(new URL('../../../../../tests/fixtures/wild/readme-citing-bibtex.md', import.meta.url), 'utf8');

describe('a README that quotes a BibTeX entry above its list of papers', () => {
  it('is a reading list, not a .bib file of one entry', () => {
    expect(readerFor(text)?.label).toBe('Markdown reading list quoting BibTeX');
    expect(readerFor('@article{k, title = {A real .bib file}}\n')?.format).toBe('bibtex');
  });

  it('every listed paper is read, the quoted entry once and with its BibTeX details', () => {
    const digest = parseMarkdownWithBibtex(text);
    expect(digest.papers.map((paper) => paper.arxivId)).toEqual(['2503.21614', '2502.18600', '2408.03314', '2401.00001']);
    expect(digest.papers[0]).toMatchObject({ title: 'A Survey of Efficient Reasoning for Large Reasoning Models: Language, Multimodality, and Beyond', authors: ['Xiaoye Qu', 'Yafu Li', 'Zhaochen Su'] });
    expect(digest.papers[1]?.title).toBe('Efficient Reasoning via Chain-of-Draft');
  });
});
