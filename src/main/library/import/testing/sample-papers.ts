// Test support: real papers (from the HF daily-papers fixture) and renderers that write them in each
// digest format, so tests generate variants instead of depending on hand-copied expected values.
import fs from 'node:fs';
import path from 'node:path';
import { REAL_FIXTURES } from '../../../../../tests/support/temp-library.ts';

export interface SamplePaper {
  arxivId: string;
  title: string;
  abstract: string;
  authors: string[];
  publishedAt: string;
}

export function realFixture(name: string): string {
  return fs.readFileSync(path.join(REAL_FIXTURES, name), 'utf8');
}

/** The 30 papers of the real `api/daily_papers` response, read independently of the parsers. */
export function samplePapers(): SamplePaper[] {
  const entries = JSON.parse(realFixture('hf-daily-papers-30.json')) as {
    paper: { id: string; title: string; summary: string; authors: { name: string }[]; publishedAt: string };
  }[];
  return entries.map(({ paper }) => ({
    arxivId: paper.id,
    title: paper.title.replace(/\s+/g, ' ').trim(),
    abstract: paper.summary.replace(/\s+/g, ' ').trim(),
    authors: paper.authors.map((author) => author.name),
    publishedAt: paper.publishedAt,
  }));
}

export interface HfTextOptions {
  furniture?: boolean;
  header?: boolean;
  lineBreak?: '\n' | '\r\n';
  bom?: boolean;
  trailingSpaces?: boolean;
  blankLines?: boolean;
  /** Wrap titles longer than this many characters over two lines. */
  wrapTitlesAt?: number;
  sections?: { heading: string; papers: SamplePaper[] }[];
  withoutAbstract?: boolean;
}

/** A Hugging Face Papers page as the browser copies it, with the chosen quirks. */
export function renderHfText(papers: SamplePaper[], options: HfTextOptions = {}): string {
  const lines: string[] = [];
  if (options.header !== false) lines.push('new', 'Get trending papers in your email inbox!', 'Subscribe', 'Daily Papers', 'byAK and the research community');
  const sections = options.sections ?? [{ heading: 'Mar 11', papers }];
  for (const section of sections) {
    lines.push(section.heading);
    section.papers.forEach((paper, index) => {
      if (options.furniture) lines.push('Submitted by', 'akhaliq', String(index * 7 + 3), 'Upvote');
      // A wrapped title's two lines stay together in one block, as a hard wrap leaves them.
      lines.push(wrapTitle(paper.title, options.wrapTitlesAt).join('\n'));
      if (options.furniture) {
        lines.push(`${paper.authors.slice(0, 3).join(', ')} · ${paper.authors.length} authors`, String(index % 4), 'Published on Mar 9');
      }
      if (!options.withoutAbstract) lines.push(paper.abstract);
    });
  }
  const separator = options.blankLines === false ? '' : '\n';
  const decorate = (line: string) => line.split('\n').map((part) => (options.trailingSpaces ? `  ${part}   \t` : part)).join('\n');
  let text = lines.map(decorate).join(`\n${separator}`);
  if (options.lineBreak === '\r\n') text = text.replace(/\n/g, '\r\n');
  return (options.bom ? '\uFEFF' : '') + text + '\n';
}

function wrapTitle(title: string, width: number | undefined): string[] {
  if (!width || title.length <= width) return [title];
  const cut = title.lastIndexOf(' ', width);
  return cut > 0 ? [title.slice(0, cut), title.slice(cut + 1)] : [title];
}

export function renderHfJson(papers: SamplePaper[]): string {
  return JSON.stringify(
    papers.map((paper) => ({
      paper: { id: paper.arxivId, title: paper.title, summary: paper.abstract, authors: paper.authors.map((name) => ({ name })), publishedAt: paper.publishedAt, upvotes: 3 },
      title: paper.title,
      publishedAt: paper.publishedAt,
    })),
  );
}

/** The page with the DailyPapers hydration JSON in a data-props attribute, as huggingface.co serves it. */
export function renderHfHtmlWithProps(papers: SamplePaper[]): string {
  const props = JSON.stringify({ dailyPapers: JSON.parse(renderHfJson(papers)) as unknown[], dateString: '2026-06-12' })
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;');
  return `<!DOCTYPE html><html><head><title>Daily Papers - Hugging Face</title></head><body><main>
<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${props}"><h1>Daily Papers</h1></div></main></body></html>`;
}

/** BibTeX as Google Scholar writes arXiv papers ("journal={arXiv preprint arXiv:ID}"), authors "Last, First". */
export function renderBibtex(papers: SamplePaper[]): string {
  return papers
    .map((paper, index) => {
      const authors = paper.authors.map((name) => {
        const parts = name.split(' ');
        return parts.length > 1 ? `${parts.slice(-1)[0]}, ${parts.slice(0, -1).join(' ')}` : name;
      });
      return `@article{paper${index},\n  title={${paper.title.replace(/([&%$#_])/g, '\\$1')}},\n  author={${authors.join(' and ')}},\n  journal={arXiv preprint arXiv:${paper.arxivId}},\n  year={${paper.publishedAt.slice(0, 4)}}\n}\n`;
    })
    .join('\n');
}
