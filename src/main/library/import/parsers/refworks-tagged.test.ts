import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readerFor } from '../digest-formats.ts';
import { parseRefworksTagged } from './refworks-tagged.ts';

const text = fs.readFileSync(new URL('../../../../../tests/fixtures/wild/refworks-export.txt', import.meta.url), 'utf8');

describe('RefWorks tagged export (EBSCOhost, ProQuest, library catalogues)', () => {
  const digest = parseRefworksTagged(text);
  const byTitle = (start: string) => digest.papers.find((paper) => paper.title.startsWith(start));

  it('is recognised as RefWorks, not refused as an unknown tagged export nor read for its DOIs', () => {
    expect(readerFor(text)?.format).toBe('refworks-tagged');
    expect(readerFor(`\uFEFF${text.replace(/\n/g, '\r\n')}`)?.format).toBe('refworks-tagged');
  });

  it('every record with a title or id is a paper; the cited references (CR) are not; an empty record is listed as skipped', () => {
    expect(digest.papers.map((paper) => paper.title)).toEqual([
      'Attention Is All You Need',
      'The relationship between forests and freshwater fish consumption in rural Nigeria',
      'Reinforcement Learning: An Introduction',
    ]);
    expect(digest.papers.some((paper) => paper.doi?.startsWith('10.1111/') || paper.doi?.startsWith('10.1016/'))).toBe(false);
    expect(digest.skipped).toEqual([{ index: 3, reason: 'Generic with no title, DOI or arXiv id' }]);
  });

  it('reads authors given name first, one per line or joined by ";", DOIs given as links, arXiv ids and dates', () => {
    expect(byTitle('Attention')).toMatchObject({ arxivId: '1706.03762', publishedAt: '2017', authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'] });
    expect(byTitle('The relationship')).toMatchObject({
      doi: '10.1371/journal.pone.0218038',
      publishedAt: '2019-05',
      authors: ['Michaela Lo', 'Sari Narulita', 'Amy Ickowitz'],
      abstract: 'Fish is an important source of animal protein and micronutrients, and forests may support fish through their effects on freshwater ecosystems.',
    });
    expect(byTitle('Reinforcement')).toMatchObject({ edition: '2nd', entryType: 'Book, Section', publishedAt: '2018' });
  });
});
