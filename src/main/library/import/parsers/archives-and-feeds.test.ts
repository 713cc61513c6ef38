import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SiftError } from '../../../../shared/api-errors.ts';
import { FIXTURES_DIR, fixedClock } from '../../../../../tests/support/temp-library.ts';
import { parseDigestFile } from '../parse-digest-file.ts';

const clock = fixedClock('2026-06-20T10:00:00Z');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES_DIR, 'formats', name));
const read = (name: string) => parseDigestFile('digest', fixture(name), undefined, clock);
const bytes = (text: string) => new TextEncoder().encode(text);

function refusal(text: string): string {
  try {
    parseDigestFile('mystery.dat', bytes(text), undefined, clock);
  } catch (error) {
    expect(error).toBeInstanceOf(SiftError);
    return (error as SiftError).message;
  }
  throw new Error('expected the file to be refused');
}

describe('arXiv OAI-PMH ListRecords', () => {
  it('the arXiv metadata format: structured authors, DOI, categories, creation date; deleted records skipped', () => {
    const digest = read('arxiv-oai-arxiv-2.xml');
    expect(digest.format).toBe('arxiv-oai');
    expect(digest.digestDate).toBe('2024-03-12');
    expect(digest.papers[0]).toMatchObject({
      arxivId: '0704.0001',
      title: 'Calculation of prompt diphoton production cross sections at Tevatron and LHC energies',
      authors: ['C. Balázs', 'E. L. Berger', 'P. M. Nadolsky', 'C. -P. Yuan'],
      doi: '10.1103/PhysRevD.76.013009',
      primaryCategory: 'hep-ph',
      publishedAt: '2007-04-02',
    });
    expect(digest.papers[1]?.arxivId).toBe('2403.05530');
    expect(digest.skipped).toEqual([{ index: 1, reason: expect.stringMatching(/0704\.0003.*deleted/) }]);
    expect(digest.warnings.join(' ')).toMatch(/resumption token/);
  });

  it('the arXivRaw format: old-style ids, author lists as text, the first version\'s date', () => {
    const digest = read('arxiv-oai-arxivraw-2.xml');
    expect(digest.papers.map((paper) => paper.arxivId)).toEqual(['astro-ph/0001001', '2403.06001']);
    expect(digest.papers[0]).toMatchObject({ authors: ['P. Smith', 'J. Jones', 'A. N. Other'], publishedAt: '2000-01-01T01:54:04.000Z' });
    expect(digest.papers[1]).toMatchObject({ title: 'JWST Spectroscopy of Galaxies at z > 10', doi: '10.3847/1538-4357/ad0000', primaryCategory: 'astro-ph.GA' });
  });

  it('an OAI-PMH error answer is refused with its code', () => {
    const text = '<?xml version="1.0"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2024-03-12T09:14:02Z</responseDate><request verb="ListRecords" metadataPrefix="arXiv">http://export.arxiv.org/oai2</request><error code="noRecordsMatch">No records match</error></OAI-PMH>';
    expect(refusal(text)).toMatch(/mystery\.dat.*noRecordsMatch/);
  });
});

describe("arXiv's listing e-mails before 2007", () => {
  it('reads "Paper:" and "Paper (*cross-listing*):" records with old-style ids, titles, authors and abstracts', () => {
    const digest = read('arxiv-listing-2000-3.txt');
    expect(digest.format).toBe('arxiv-listing-email');
    expect(digest.papers.map((paper) => paper.arxivId)).toEqual(['astro-ph/0001001', 'astro-ph/0001002', 'gr-qc/9912098']);
    expect(digest.papers[2]).toMatchObject({ title: 'Gravitational Waves from Coalescing Binaries: Detection Strategies', authors: ['K. Example', 'S. Author'] });
    expect(digest.papers[0]?.abstract).toMatch(/^We measure the star formation history/);
  });
});

describe('JSON Feed', () => {
  const digest = read('hf-daily-feed-3.json');

  it('takes the arXiv id from huggingface.co/papers and arxiv.org URLs, and the authors', () => {
    expect(digest.format).toBe('json-feed');
    expect(digest.papers.map((paper) => paper.arxivId)).toEqual(['2403.09611', '2403.09629', '2403.10131']);
    expect(digest.papers[0]?.authors).toEqual(['Brandon McKinzie', 'Zhe Gan']);
    expect(digest.papers[1]?.authors).toEqual(['Eric Zelikman']);
    expect(digest.digestDate).toBe('2024-03-15');
  });

  it('strips HTML from titles and text, keeping the links written in it', () => {
    expect(digest.papers[0]?.title).toBe('MM1: Methods, Analysis & Insights from Multimodal LLM Pre-training');
    expect(digest.papers[0]?.abstract).toBe('In this work, we discuss building performant Multimodal Large Language Models (MLLMs).Code: https://github.com/apple/ml-mm1');
    expect(digest.papers[0]?.links).toContainEqual({ kind: 'code', url: 'https://github.com/apple/ml-mm1' });
    expect(digest.papers[2]?.abstract).toBe('Pretraining Large Language Models on large corpora of textual data is now a standard paradigm.');
  });
});

describe('HTML that is a reading list', () => {
  it('a README opening with <div align="center"> gives the paper links it holds', () => {
    const digest = read('awesome-readme-5.html');
    expect(digest.format).toBe('id-list');
    expect(digest.papers.map((paper) => paper.arxivId ?? paper.doi)).toEqual(['2210.17323', '2306.00978', '2307.08691', '2309.06180', '10.1145/3600006.3613165']);
    expect(digest.warnings.join(' ')).toMatch(/No Hugging Face paper cards/);
  });
});

describe('a file in no known format is refused naming what it looks like', () => {
  it.each([
    ['JSON of an unknown shape', '[{"name": "numpy", "version": "2.1.0"}]', /mystery\.dat is a JSON array of a shape Sift does not read.*name, version/],
    ['a JSON object', '{"settings": {"theme": "dark"}}', /JSON object of a shape Sift does not read/],
    ['XML with another root', '<?xml version="1.0"?><x><y>1</y></x>', /XML with root <x>/],
    ['RDF that is neither Zotero\'s nor RSS', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:bibo="http://purl.org/ontology/bibo/"><bibo:Document/></rdf:RDF>', /XML with root <rdf:RDF>/],
    ['an SVG picture', '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', /XML with root <svg>/],
    ['plain text with nothing a paper could be', '---\n***\n...\n', /plain text in no format Sift reads/],
  ])('%s', (_name, text, message) => {
    const error = refusal(text);
    expect(error).toMatch(message);
    expect(error).not.toMatch(/Hugging Face|HTML|BibTeX|RIS/);
  });

  it('CSL-JSON is no longer taken for Hugging Face JSON, and Hugging Face JSON still is itself', () => {
    expect(read('zotero-csl-4.json').format).toBe('csl-json');
    const hf = JSON.stringify([{ paper: { id: '2403.09611', title: 'MM1', authors: [{ name: 'Zhe Gan' }] }, publishedAt: '2024-03-15T00:00:00Z' }]);
    expect(parseDigestFile('hf.json', bytes(hf), undefined, clock).format).toBe('hf-daily-json');
  });
});
