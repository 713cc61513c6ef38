import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from './bibtex.ts';
import { parseCslJson } from './csl-json.ts';
import { parseWebOfScience } from './web-of-science.ts';
import { parseRis } from './ris.ts';

const wild = (name: string) => fs.readFileSync(new URL(`../../../../../tests/fixtures/wild/${name}`, import.meta.url), 'utf8');

describe('Web of Science BibTeX export', () => {
  const digest = parseBibtex(wild('wos-export.bib'));

  it('an abstract with TeX-escaped braces split across lines ("\\{document\\" then "}") costs no entry', () => {
    expect(digest.skipped).toEqual([]);
    expect(digest.papers.map((paper) => paper.doi)).toEqual(['10.1007/s00170-024-13492-0', '10.1177/18632521231196779']);
  });

  it('a LaTeX document embedded for one formula reads as its formula, not as a preamble', () => {
    const abstract = digest.papers[0]?.abstract ?? '';
    expect(abstract).toBe('We build on the GPT - 3.5 language model (LM) via OpenAI APIs.');
  });

  it('rich-text tags leave titles', () => {
    expect(digest.papers[1]?.title).toBe("Introducing Journal of Children's Orthopaedics' ChatGPT and generative AI policy");
  });
});

describe('Web of Science RIS export', () => {
  const digest = parseRis(wild('wos-export.ris'));

  it('"DA  - MAY 4" beside "PY  - 2023" gives May 2023, not no date', () => {
    expect(digest.papers.map((paper) => paper.publishedAt)).toEqual(['2023-05', '2023-06']);
  });

  it('tags separated by a bare carriage return are separate tags; notes continue their line', () => {
    expect(digest.papers).toHaveLength(2);
    expect(digest.papers[0]).toMatchObject({ title: 'Generative AI', authors: ['J Euchner'], doi: '10.1080/08956308.2023.2188861' });
  });

  it('titles and abstracts lose rich-text tags and spaced entities, keep "<c + a>" and "p < 0.05"', () => {
    expect(digest.papers[1]?.title).toBe('Why Nature will not allow the use of generative AI in images and video');
    expect(digest.papers[1]?.abstract).toBe('The friction of a Schrödinger bearing at 30 MPa·m/s under H2O, with crystal slip <c + a> at p < 0.05.');
  });
});

describe('Mendeley BibTeX with formulas in abstracts', () => {
  it('escaped TeX ("{\\$}{\\^{}}{\\{}87{\\}}{\\$}", "\\backslashmu") decodes as the formula it was', () => {
    const [paper] = parseBibtex(wild('mendeley-escaped-math.bib')).papers;
    expect(paper?.abstract).toBe(
      'We demonstrate rapid loading of a small array of optical tweezers with a single ⁸⁷Rb atom per site. We find that loading efficiencies of up to 90% per tweezer are achievable in less than 170 ms for traps separated by more than 1.7 μm.',
    );
    expect(paper).toMatchObject({ arxivId: '1506.04419', doi: '10.1103/PhysRevLett.115.073003', title: 'Rapid Production of Uniformly Filled Arrays of Neutral Atoms' });
  });
});

describe('RIS written by scripts', () => {
  it('a longer tag ("NOTE - PDF file: …") is its own line, not part of the URL above it', () => {
    const text = 'TY  - GEN\nAU  - Abu-Hmeidan, Hani\nTI  - Characterizing Total Phosphorus in Current and Geologic Utah Lake Sediments\nPY  - 2018\nDO  - 10.3390/hydrology5010008\nUR  - https://doi.org/10.3390/hydrology5010008\nNOTE - PDF file: Abu-Hmeidan2017_ULSed.pdf\nER  - \n';
    const [paper] = parseRis(text).papers;
    expect(paper?.links).toEqual([{ kind: 'doi', url: 'https://doi.org/10.3390/hydrology5010008' }]);
    expect(paper?.authors).toEqual(['Hani Abu-Hmeidan']);
  });
});

describe('DBLP BibTeX with crossref', () => {
  const digest = parseBibtex(wild('dblp-crossref.bib'));

  it('the proceedings volumes papers name by crossref are listed as skipped, not imported as papers', () => {
    expect(digest.papers.map((paper) => paper.title)).toEqual([
      'Collaborative Topic Regression with Social Regularization for Tag Recommendation',
      'Dynamic Matching Algorithms in Practice',
      'Reinforcement Learning: An Introduction',
    ]);
    expect(digest.skipped.map((entry) => entry.reason)).toEqual([
      '@proceedings{DBLP:conf/ijcai/2013}: the volume its papers name by crossref, not a paper',
      '@proceedings{DBLP:conf/esa/2020}: the volume its papers name by crossref, not a paper',
    ]);
  });

  it('a paper without a year takes its volume’s', () => {
    expect(digest.papers[0]?.publishedAt).toBe('2013');
  });
});

describe('CSL-JSON written by other tools than Zotero', () => {
  it('a DOI written as a link is the DOI; an arXiv DOI gives the arXiv id', () => {
    const text = JSON.stringify([
      { id: 'c', type: 'article-journal', title: 'A DOI as a link', DOI: 'https://doi.org/10.1000/C', issued: { 'date-parts': [[2020]] } },
      { id: 'd', type: 'article', title: 'A preprint by its DOI', DOI: '10.48550/arXiv.2301.00001', issued: { 'date-parts': [[2023, 1, 2]] } },
    ]);
    const digest = parseCslJson(text);
    expect(digest.papers.map((paper) => [paper.doi, paper.arxivId])).toEqual([
      ['10.1000/C', null],
      ['10.48550/arXiv.2301.00001', '2301.00001'],
    ]);
  });
});

describe('Web of Science plain text: kind of work and volume', () => {
  it('DT and VL are kept, so a book and its chapter of the same title stay two papers', () => {
    const text = 'FN Clarivate Analytics Web of Science\nVR 1.0\nPT B\nAU Doe, J\nTI Deep Learning\nDT Book\nPY 2016\nER\n\nPT J\nAU Doe, J\nTI Deep Learning\nDT Book Chapter\nVL 3\nPY 2016\nER\n\nPT J\nAU Roe, R\nTI Sparse routing\nDT Article; Early Access\nPY 2024\nER\n\nEF\n';
    const digest = parseWebOfScience(text);
    expect(digest.papers.map((paper) => [paper.entryType, paper.volume])).toEqual([
      ['Book', null],
      ['Book Chapter', '3'],
      ['Article', null],
    ]);
  });
});
