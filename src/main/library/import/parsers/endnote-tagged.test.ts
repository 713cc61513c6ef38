import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readerFor } from '../digest-formats.ts';
import { parseEndnoteTagged } from './endnote-tagged.ts';

const text = fs.readFileSync(new URL('../../../../../tests/fixtures/wild/endnote-tagged.enw', import.meta.url), 'utf8');

describe('EndNote tagged export (.enw) from Google Scholar and EndNote', () => {
  const digest = parseEndnoteTagged(text);
  const byTitle = (start: string) => digest.papers.find((paper) => paper.title.startsWith(start));

  it('is recognised as EndNote, not as a list of the arXiv ids it mentions', () => {
    expect(readerFor(text)?.format).toBe('endnote-tagged');
    expect(readerFor(text.replace(/\n/g, '\r\n'))?.format).toBe('endnote-tagged');
  });

  it('every record is a paper; one with neither title nor id is listed as skipped', () => {
    expect(digest.papers).toHaveLength(4);
    expect(digest.skipped).toEqual([{ index: 4, reason: 'Thesis with no title, DOI or arXiv id' }]);
  });

  it('authors are given name first, also when Google Scholar joins them with ":"', () => {
    expect(byTitle('The relationship')?.authors).toEqual(['Michaela Lo', 'Sari Narulita', 'Amy Ickowitz']);
    expect(byTitle('Automatic generation')?.authors).toEqual(['Ahmad Yoosofan', 'Alireza Ashrafi']);
  });

  it('records without a blank line between them, wrapped abstracts, DOIs, arXiv ids and dates are read', () => {
    expect(byTitle('Attention Is All')).toMatchObject({
      arxivId: '1706.03762',
      publishedAt: '2017-12',
      abstract: 'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks that include an encoder and a decoder.',
      entryType: 'Conference Proceedings',
    });
    expect(byTitle('Generative AI meets copyright')).toMatchObject({ doi: '10.1126/science.adi0656', publishedAt: '2023-07-14' });
    expect(byTitle('The relationship')?.publishedAt).toBe('2019');
  });
});
