import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, fixedClock } from '../../../../../tests/support/temp-library.ts';
import { parseDigestFile } from '../parse-digest-file.ts';

const clock = fixedClock('2026-06-20T10:00:00Z');
const read = (name: string) => parseDigestFile('export', fs.readFileSync(path.join(FIXTURES_DIR, 'formats', name)), undefined, clock);
const bytes = (text: string) => new TextEncoder().encode(text);

describe('CSL-JSON (Zotero, Mendeley, Papers "CSL JSON" export)', () => {
  const digest = read('zotero-csl-4.json');

  it('is recognised as CSL-JSON, not as Hugging Face JSON, and keeps every item', () => {
    expect(digest.format).toBe('csl-json');
    expect(digest.papers.map((paper) => paper.title)).toEqual([
      'Attention Is All You Need',
      'Highly accurate protein structure prediction with AlphaFold',
      'Reinforcement Learning: An Introduction',
      'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    ]);
  });

  it('keeps authors (family/given and literal), year, DOI, URL, abstract and the arXiv id in `number`', () => {
    const [attention, alphafold] = digest.papers;
    expect(attention?.authors).toEqual(['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar']);
    expect(attention?.arxivId).toBe('1706.03762');
    expect(attention?.publishedAt).toBe('2017-06-12');
    expect(attention?.abstract).toMatch(/^The dominant sequence transduction models/);
    expect(alphafold?.authors).toContain('The AlphaFold Team');
    expect(alphafold?.doi).toBe('10.1038/s41586-021-03819-2');
    expect(alphafold?.links.map((link) => link.url)).toContain('https://www.nature.com/articles/s41586-021-03819-2');
    expect(alphafold?.volume).toBe('596');
  });

  it('keeps a book\'s edition and type, which tell its editions apart', () => {
    expect(digest.papers[2]).toMatchObject({ edition: '2', entryType: 'book', publishedAt: '2018' });
  });
});

describe('Zotero RDF', () => {
  const digest = read('zotero-export-3.rdf');

  it('reads the works and leaves out attachments, notes, collections and journals', () => {
    expect(digest.format).toBe('zotero-rdf');
    expect(digest.papers.map((paper) => paper.title)).toEqual([
      'Mamba: Linear-Time Sequence Modeling with Selective State Spaces',
      'A general reinforcement learning algorithm that masters chess, shogi, and Go through self-play',
      'Deep Learning',
    ]);
  });

  it('keeps authors in order, the DOI, the arXiv id, the date and the journal\'s volume', () => {
    const [mamba, alphazero, book] = digest.papers;
    expect(mamba).toMatchObject({ authors: ['Albert Gu', 'Tri Dao'], arxivId: '2312.00752', publishedAt: '2023-12-01' });
    expect(mamba?.abstract).toMatch(/^Foundation models/);
    expect(alphazero).toMatchObject({ doi: '10.1126/science.aar6404', volume: '362', authors: ['David Silver', 'Thomas Hubert'] });
    expect(book).toMatchObject({ entryType: 'book', authors: ['Ian Goodfellow', 'Yoshua Bengio', 'Aaron Courville'], publishedAt: '2016' });
  });
});

describe('EndNote XML', () => {
  const digest = read('endnote-export-3.xml');

  it('reads every record with its styled title, authors given name first, year and DOI', () => {
    expect(digest.format).toBe('endnote-xml');
    expect(digest.papers.map((paper) => paper.title)).toEqual(['Deep learning', 'Denoising Diffusion Probabilistic Models', 'Pattern Recognition and Machine Learning']);
    expect(digest.papers[0]).toMatchObject({ authors: ['Yann LeCun', 'Yoshua Bengio', 'Geoffrey Hinton'], doi: '10.1038/nature14539', publishedAt: '2015', volume: '521', entryType: 'Journal Article' });
    expect(digest.papers[1]?.arxivId).toBe('2006.11239');
    expect(digest.papers[2]).toMatchObject({ edition: '1', entryType: 'Book' });
  });

  it('a record with no title, DOI or id is skipped by number, its neighbours kept', () => {
    const text = fs.readFileSync(path.join(FIXTURES_DIR, 'formats', 'endnote-export-3.xml'), 'utf8').replace('<record>', '<record><rec-number>99</rec-number></record><record>');
    const result = parseDigestFile('x.xml', bytes(text), undefined, clock);
    expect(result.papers).toHaveLength(3);
    expect(result.skipped[0]?.reason).toMatch(/record 99/);
  });
});

describe('MEDLINE / PubMed (.nbib)', () => {
  const digest = read('pubmed-3.nbib');

  it('reads every record, not just the DOIs: titles, wrapped abstracts, full author names, dates', () => {
    expect(digest.format).toBe('medline');
    expect(digest.papers.map((paper) => paper.title)).toEqual([
      'Improved protein structure prediction using potentials from deep learning',
      'Long short-term memory',
      'Deep learning for retinal imaging: a review',
    ]);
    const [alphafold, lstm] = digest.papers;
    expect(alphafold?.abstract).toBe(
      'Protein structure prediction can be used to determine the three-dimensional shape of a protein from its amino acid sequence. This problem is of fundamental importance as the structure of a protein largely determines its function.',
    );
    expect(alphafold).toMatchObject({ authors: ['Andrew W Senior', 'Richard Evans', 'John Jumper'], doi: '10.1038/s41586-019-1923-7', publishedAt: '2020-01', volume: '577' });
    expect(lstm).toMatchObject({ doi: null, publishedAt: '1997-11-15', authors: ['S Hochreiter', 'J Schmidhuber'] });
  });

  it('keeps the PMID as the PubMed link of every record', () => {
    expect(digest.papers.map((paper) => paper.links[0]?.url)).toEqual([
      'https://pubmed.ncbi.nlm.nih.gov/31942072/',
      'https://pubmed.ncbi.nlm.nih.gov/9377276/',
      'https://pubmed.ncbi.nlm.nih.gov/36702957/',
    ]);
  });

  it('records without the blank line between them are still told apart', () => {
    const text = fs.readFileSync(path.join(FIXTURES_DIR, 'formats', 'pubmed-3.nbib'), 'utf8').replace(/\n\n(?=PMID)/g, '\n');
    expect(parseDigestFile('x.nbib', bytes(text), undefined, clock).papers).toHaveLength(3);
  });
});

describe('a cut-off XML export', () => {
  it.each(['zotero-export-3.rdf', 'endnote-export-3.xml', 'arxiv-oai-arxiv-2.xml'])('%s cut in half is refused as cut off, naming the file', (name) => {
    const whole = fs.readFileSync(path.join(FIXTURES_DIR, 'formats', name), 'utf8');
    expect(() => parseDigestFile(name, bytes(whole.slice(0, Math.floor(whole.length / 2))), undefined, clock)).toThrow(new RegExp(`${name.replace('.', '\\.')}.*cut off`));
  });
});
