import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HF_PAPERS_PAGE } from '../../../../../tests/support/temp-library.ts';
import { renderHfText, samplePapers } from '../testing/sample-papers.ts';
import type { SamplePaper } from '../testing/sample-papers.ts';
import { parseHfPapersText } from './hf-papers-text.ts';

const today = new Date('2026-06-20T10:00:00Z');
const papers = samplePapers().slice(0, 8);
const parse = (text: string) => parseHfPapersText(text, { today });
const titlesOf = (list: { title: string }[]) => list.map((paper) => paper.title);

describe('Hugging Face Papers page as text', () => {
  it('reads every paper of the real 58-paper page, each with its abstract', () => {
    const text = fs.readFileSync(HF_PAPERS_PAGE, 'utf8');
    // Independent count: in this copy every paper is a short line followed by one long abstract line.
    const lines = text.split('\n').filter((line) => line.trim());
    const expected = lines.filter((line, index) => line.length < 300 && (lines[index + 1]?.length ?? 0) >= 300).length;
    const digest = parse(text);
    expect(digest.papers).toHaveLength(expected);
    expect(digest.papers.every((paper) => paper.abstract.length > 200 && paper.title.length < 300)).toBe(true);
    expect(digest.digestDate).toBe('2026-03-11');
    expect(digest.skipped).toEqual([]);
  });

  it('ignores upvote counts, "Submitted by", comment counts, "Published on" and navigation words', () => {
    const digest = parse(renderHfText(papers, { furniture: true }));
    expect(titlesOf(digest.papers)).toEqual(titlesOf(papers));
    expect(digest.papers.map((paper) => paper.abstract)).toEqual(papers.map((paper) => paper.abstract));
  });

  it('takes the names on an author line ending in "· N authors" as the authors', () => {
    const digest = parse(renderHfText(papers, { furniture: true }));
    expect(digest.papers.map((paper) => paper.authors)).toEqual(papers.map((paper) => paper.authors.slice(0, 3)));
  });

  it('reads "Published on" as the publication date of the paper above it', () => {
    const digest = parse(renderHfText(papers.slice(0, 2), { furniture: true }));
    expect(digest.papers.every((paper) => paper.publishedAt === '2026-03-09')).toBe(true);
  });

  it('a title wrapped over two lines is one title', () => {
    const long = papers.filter((paper) => paper.title.length > 60);
    const digest = parse(renderHfText(long, { wrapTitlesAt: 45 }));
    expect(titlesOf(digest.papers)).toEqual(titlesOf(long));
  });

  it('papers under several date headings carry their own section date', () => {
    const text = renderHfText([], {
      sections: [
        { heading: 'Jun 12', papers: papers.slice(0, 3) },
        { heading: 'Jun 11', papers: papers.slice(3, 5) },
      ],
    });
    const digest = parse(text);
    expect(digest.papers.map((paper) => paper.sectionDate)).toEqual(['2026-06-12', '2026-06-12', '2026-06-12', '2026-06-11', '2026-06-11']);
    expect(digest.digestDate).toBe('2026-06-12');
  });

  it.each([
    ['a byte-order mark and Windows line ends', { bom: true, lineBreak: '\r\n' as const }],
    ['trailing and leading spaces', { trailingSpaces: true }],
    ['no page header', { header: false }],
    ['no blank lines between lines', { blankLines: false, furniture: true }],
  ])('reads the same papers despite %s', (_name, options) => {
    const digest = parse(renderHfText(papers, options));
    expect(titlesOf(digest.papers)).toEqual(titlesOf(papers));
    expect(digest.papers.every((paper, index) => paper.abstract === papers[index]?.abstract)).toBe(true);
  });

  it('a title without an abstract is still a paper', () => {
    const digest = parse(renderHfText(papers.slice(0, 4), { withoutAbstract: true, furniture: true }));
    expect(titlesOf(digest.papers)).toEqual(titlesOf(papers.slice(0, 4)));
    expect(digest.papers.every((paper) => paper.abstract === '')).toBe(true);
  });

  it('prose with no title before it is skipped with a reason, not made a paper', () => {
    const [first] = papers as [SamplePaper];
    const digest = parse(`Mar 11\n\n${first.abstract}\n\n${first.title}\n\n${first.abstract}\n`);
    expect(titlesOf(digest.papers)).toEqual([first.title]);
    expect(digest.skipped).toHaveLength(1);
    expect(digest.skipped[0]?.reason).toMatch(/no title/);
  });

  it('markup in a title is kept as text', () => {
    const digest = parse('Mar 11\n\n<img src=x onerror=alert(1)> Attention <b>Is</b> All\n');
    expect(digest.papers[0]?.title).toBe('<img src=x onerror=alert(1)> Attention <b>Is</b> All');
  });

  it('reads the daily list copied with no abstracts, each field on its own line, names before "· N authors"', () => {
    const header = ['Hugging Face', 'Models', 'Datasets', 'Spaces', 'Docs', 'Pricing', 'Log In', 'Sign Up', 'Daily Papers', 'by', 'AK', 'and the research community', 'Jun 12', 'Previous', 'Next'];
    const cards = papers.flatMap((paper, index) => ['Submitted by', 'akhaliq', String(40 - index), paper.title, paper.authors.slice(0, 2).join(', '), `· ${paper.authors.length} authors`, String(index)]);
    const digest = parse([...header, ...cards].join('\n'));
    expect(titlesOf(digest.papers)).toEqual(titlesOf(papers));
    expect(digest.papers.map((paper) => paper.authors)).toEqual(papers.map((paper) => paper.authors.slice(0, 2)));
    expect(digest.papers.every((paper) => paper.abstract === '' && paper.sectionDate === '2026-06-12')).toBe(true);
  });

  it('a whole browser copy (site header, logo text, submitter, votes, authors, comments) gives just its papers', () => {
    // Written by hand after the layout of huggingface.co/papers as copied with Ctrl+A, Ctrl+C.
    const text = fs.readFileSync(HF_PAPERS_PAGE.replace('hf-papers-page.txt', 'hf-papers-page-browser-copy.txt'), 'utf8');
    const digest = parse(text);
    expect(titlesOf(digest.papers)).toEqual([
      'Scaling Laws for Sparse Mixture-of-Experts Language Models Revisited',
      'VideoGen-R1: Reinforcement Learning for Video Generation',
    ]);
    expect(digest.papers[0]?.authors).toEqual(['Jane Doe', 'John Smith', 'Wei Zhang']);
    expect(digest.papers[0]?.links).toEqual([{ kind: 'code', url: 'https://github.com/example/moe-scaling' }]);
    expect(digest.papers[1]?.links).toEqual([{ kind: 'project', url: 'https://videogen-r1.github.io' }]);
    expect(digest.digestDate).toBe('2026-03-12');
  });
});
