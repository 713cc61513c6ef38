// One test per failure class seen on real files (issue #10 "What was seen on real files", #16 "BibTeX
// and RIS as people's files really are"), on real-format samples in tests/fixtures/wild.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SiftError } from '../../../shared/api-errors.ts';
import { fixedClock, openTempLibrary } from '../../../../tests/support/temp-library.ts';
import { importDigest } from './import-digest.ts';
import { parseDigestFile } from './parse-digest-file.ts';

const clock = fixedClock('2026-06-20T10:00:00Z');
const WILD = new URL('../../../../tests/fixtures/wild/', import.meta.url);
const DIGESTS = new URL('../../../../tests/fixtures/digests/', import.meta.url);
const wild = (name: string) => fs.readFileSync(new URL(name, WILD));
const bytes = (text: string) => new TextEncoder().encode(text);
const parse = (name: string, data: Uint8Array) => parseDigestFile(name, data, undefined, clock);

function refusal(name: string, data: Uint8Array): string {
  try {
    parse(name, data);
  } catch (error) {
    expect(error).toBeInstanceOf(SiftError);
    return (error as SiftError).message;
  }
  throw new Error(`${name} was not refused`);
}

describe('arXiv listing e-mail', () => {
  it('imports cross-listed and replaced papers, with TeX accents in names and titles decoded', () => {
    const digest = parse('mail.txt', wild('arxiv-listing-cross-replaced.txt'));
    expect(digest.format).toBe('arxiv-listing-email');
    expect(digest.papers.map((paper) => paper.arxivId)).toEqual(['2411.02001', '2411.03341', '2305.10001', '2210.07777']);
    expect(digest.skipped).toEqual([]);
    expect(digest.papers[0]?.authors).toEqual(['Tomáš Novák', 'Gonçalo Tabuada', 'Jörg Müller']);
    expect(digest.papers[1]?.authors).toEqual(['Ana García', 'François Dupont']);
    expect(digest.papers[1]?.title).toBe('Equivariant neural networks and the representation theory of S_n');
    expect(digest.papers[2]?.authors).toEqual(['Søren Eilers', 'Małgorzata Kowalska']);
  });
});

describe('text whose evidence is its links', () => {
  it('an awesome-list README with 1,098 arXiv links is a list of 1,098 papers, nothing from headings, badges or comments', () => {
    const ids = Array.from({ length: 1098 }, (_, index) => `23${String((index % 12) + 1).padStart(2, '0')}.${String(10000 + index)}`);
    const readme = [
      '<!-- omit in toc -->',
      '# Awesome Efficient LLM Papers [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)',
      '![License](https://img.shields.io/badge/license-MIT-green) ![Stars](https://img.shields.io/github/stars/x/y)',
      '## Contents', '- [Quantization](#quantization)', '- [Pruning](#pruning)',
      '<!-- Add new papers at the top of each section. Last updated 2024-11-05 -->',
      '## Quantization',
      '| Title | Venue | Paper | Code |', '|---|---|---|---|',
      ...ids.map((id, index) =>
        index % 2 === 0
          ? `| **Paper number ${index}: a study of efficiency** | NeurIPS 2023 | [![arXiv](https://img.shields.io/badge/arXiv-${id}-b31b1b.svg)](https://arxiv.org/abs/${id}) | [Code](https://github.com/lab/repo${index}) |`
          : `- [Paper number ${index}](https://arxiv.org/pdf/${id}v2.pdf) — *ICLR 2024* ⭐️`,
      ),
      '## Contributing', 'Pull requests are welcome. Please read CONTRIBUTING.md first.',
    ].join('\n');
    const digest = parse('README.md', bytes(readme));
    expect(digest.format).toBe('id-list');
    expect(digest.papers.map((paper) => paper.arxivId)).toEqual(ids);
  });

  it('a newsletter: DOIs inside publisher URLs, and arXiv DOIs as arXiv ids', () => {
    const newsletter = [
      'This week in science',
      'A protein-design paper in Science: https://www.science.org/doi/10.1126/science.adf6591 is worth a read.',
      'Genome Biology had https://link.springer.com/article/10.1186/s13059-023-02955-9 on long reads,',
      'Angewandte: https://onlinelibrary.wiley.com/doi/full/10.1002/anie.202300001 and KDD: https://dl.acm.org/doi/10.1145/3580305.3599256.',
      'And the preprint everyone cites: https://doi.org/10.48550/arXiv.2310.04959',
      'See you next week!',
    ].join('\n\n');
    const digest = parse('newsletter.txt', bytes(newsletter));
    expect(digest.format).toBe('id-list');
    expect(digest.papers.map((paper) => paper.arxivId ?? paper.doi)).toEqual([
      '10.1126/science.adf6591',
      '10.1186/s13059-023-02955-9',
      '10.1002/anie.202300001',
      '10.1145/3580305.3599256',
      '2310.04959',
    ]);
  });

  it('text with no paper in it is refused, saying what it looks like', () => {
    expect(refusal('notes.txt', bytes('Groceries\nCall the plumber about the sink.\nFinish the review by Friday.\n'))).toMatch(/notes\.txt is plain text in no format Sift reads/);
    expect(refusal('todo.md', bytes('# Reading plan\n\n- [ ] read more\n- [ ] sleep more\n'))).toMatch(/todo\.md is a Markdown document/);
  });
});

describe('Hugging Face Papers pages of other designs', () => {
  it('the 2024 design (submitter, votes, authors one per line, no abstracts): only its papers, no navigation or footer', () => {
    const digest = parse('hf-2024.txt', fs.readFileSync(new URL('hf-papers-page-2024-design.txt', DIGESTS)));
    expect(digest.format).toBe('hf-papers-text');
    expect(digest.papers.map((paper) => paper.title)).toEqual([
      'Block Transformer: Global-to-Local Language Modeling for Fast Inference',
      'Learning to Edit Images from Instructions with Diffusion Bridges',
      'Parrot: Multilingual Visual Instruction Tuning',
      'ShareGPT4Video: Improving Video Understanding and Generation with Better Captions',
    ]);
    expect(digest.papers[0]?.authors).toEqual(['Namgyu Ho', 'Sangmin Bae', 'Taehyeon Kim']);
  });

  it('a one-sentence abstract under 200 characters is the abstract, not a second paper', () => {
    const digest = parse('hf-2025.txt', fs.readFileSync(new URL('hf-papers-page-2025-design.txt', DIGESTS)));
    expect(digest.papers.map((paper) => paper.title)).toEqual([
      'MiniMax-01: Scaling Foundation Models with Lightning Attention',
      'Tensor Product Attention Is All You Need',
      'The Lessons of Developing Process Reward Models in Mathematical Reasoning',
      'BIG-Reason: A Benchmark of Multi-Step Reasoning',
    ]);
    expect(digest.papers[3]?.abstract).toBe('A set of 1,000 multi-step reasoning tasks drawn from real user queries');
    expect(digest.papers[0]?.abstract).toBe('We introduce MiniMax-01, a series of models that scale linear attention to a million tokens of context.');
    expect(digest.papers[2]?.abstract).toMatch(/^Process reward models are/);
    expect(digest.digestDate).toBe('2026-01-14');
  });
});

describe('Web of Science tagged export', () => {
  it('is read as records, whatever it is called, and its cited references never become papers', () => {
    const digest = parse('savedrecs.ris', wild('wos-savedrecs.txt'));
    expect(digest.format).toBe('web-of-science');
    expect(digest.papers).toHaveLength(2);
    expect(digest.papers[0]).toMatchObject({
      title: 'Graph neural networks for the prediction of reaction yields in heterogeneous catalysis',
      authors: ['Soren Keiding', 'Joana Faria', 'Jorg K. Mueller'],
      doi: '10.1021/acs.jcim.2c01422',
      publishedAt: '2023-03',
    });
    expect(digest.papers[0]?.abstract).toMatch(/^We present a graph neural network .* halves the error of descriptor-based models\.$/);
    expect(digest.papers.map((paper) => paper.doi)).toEqual(['10.1021/acs.jcim.2c01422', '10.1016/j.ipm.2023.103581']);
    expect(digest.papers.some((paper) => paper.arxivId === '2007.14062')).toBe(false);
  });
});

describe('feeds', () => {
  it('an RSS feed with a DOCTYPE and an internal DTD is read as a feed; CROSS LISTED and UPDATED suffixes go', () => {
    const digest = parse('feed.xml', wild('rss-doctype-internal-dtd.xml'));
    expect(digest.format).toBe('arxiv-rss');
    expect(digest.papers.map((paper) => [paper.arxivId, paper.title])).toEqual([
      ['2411.02001', 'Growth of Schreier graphs of automaton groups'],
      ['2106.00550', 'Equivariant neural networks and representation theory'],
      ['2305.10001', 'Amenability of topological full groups'],
    ]);
    expect(parse('old.rss', wild('rss-doctype-public.xml')).papers.map((paper) => paper.arxivId)).toEqual(['2401.00001']);
  });

  it('a feed whose DTD builds entities from entities (billion laughs) is refused', () => {
    const entities = Array.from({ length: 9 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level || ''};`.repeat(10)}">`).join('\n');
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n${entities}\n]>\n<rss version="2.0"><channel><item><title>&lol9;</title></item></channel></rss>`;
    expect(refusal('lol.xml', bytes(bomb))).toMatch(/lol\.xml could not be read as arXiv RSS feed: .*entit/);
  });
});

describe('daily-papers JSON as scripts saved it', () => {
  it('entries saved as Python-notation strings are read as papers', () => {
    const digest = parse('2024-12-11.json', wild('hf-daily-python-strings.json'));
    expect(digest.format).toBe('hf-daily-json');
    expect(digest.papers.map((paper) => paper.arxivId)).toEqual(['2412.07730', '2412.05210']);
    expect(digest.papers[0]?.title).toBe('STIV: Scalable Text and Image Conditioned Video Generation');
    expect(digest.papers[0]?.authors.slice(0, 2)).toEqual(['Zongyu Lin', 'Wei Liu']);
  });

  it('a {"status", "date", "count", "data"} wrapper is read, its date the digest date', () => {
    const digest = parse('2025-01-10.json', wild('hf-daily-wrapped-python-strings.json'));
    expect(digest.digestDate).toBe('2025-01-10');
    expect(digest.papers.map((paper) => paper.title)).toEqual(['The GAN is dead; long live the GAN! A Modern GAN Baseline', 'An Empirical Study of Autoregressive Pre-training from Videos']);
  });

  it('a text entry that is not a paper is skipped with what was found', () => {
    const digest = parse('odd.json', bytes(`["{'paper': {'id': '2501.04652', 'title': 'Good'}}", "{'paper': datetime.date(2025, 1, 9)}"]`));
    expect(digest.papers.map((paper) => paper.title)).toEqual(['Good']);
    expect(digest.skipped[0]?.reason).toMatch(/neither JSON nor a Python dict.*not a plain Python value/);
  });
});

describe('BibTeX and RIS as people keep them', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('a file whose first key has a space in it, or no key, is still recognised as BibTeX', () => {
    expect(parse('a.txt', bytes('@article{Pierella Karlusich2022,\n  title = {Spaces in keys}}\n')).papers[0]?.title).toBe('Spaces in keys');
    expect(parse('b.txt', bytes('@misc{\n  title = {No key at all}, doi = {10.1000/x}}\n'))).toMatchObject({ format: 'bibtex', papers: [{ title: 'No key at all' }] });
  });

  it('the same records exported as BibTeX and as RIS merge into one paper each', () => {
    const library = openTempLibrary({ clock });
    cleanup = library.cleanup;
    const bib = importDigest(library.db, { fileName: 'library.bib', bytes: wild('jabref-quirks.bib') }, clock);
    const ris = importDigest(library.db, { fileName: 'library.ris', bytes: wild('mendeley-same-records.ris') }, clock);
    expect(bib.added).toBe(11);
    expect(ris).toMatchObject({ papers: 3, added: 0, existing: 3 });
  });
});
