// Generated digest files of at least 5 MB in each format the import bench measures, from the bench's
// synthetic papers (real-sized titles, abstracts and author lists).
import type { ParsedPaper } from '../src/main/library/import/parsers/parsed-digest.ts';
import type { SyntheticCorpus } from './synthetic-papers.ts';

export interface BenchFile {
  format: string;
  text: string;
  papers: number;
}

const MIN_BYTES = 5 * 1024 * 1024;
const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const bibEscape = (text: string) => text.replace(/([{}&%$#_])/g, '\\$1');

function bibtexEntry(paper: ParsedPaper, index: number): string {
  return `@article{key${index},\n  title = {${bibEscape(paper.title)}},\n  author = {${paper.authors.map(bibEscape).join(' and ')}},\n  abstract = {${bibEscape(paper.abstract)}},\n  eprint = {${paper.arxivId}},\n  archivePrefix = {arXiv},\n  year = {2025}\n}\n`;
}

function risEntry(paper: ParsedPaper): string {
  const authors = paper.authors.map((author) => `AU  - ${author}`).join('\n');
  return `TY  - JOUR\nTI  - ${paper.title}\n${authors}\nAB  - ${paper.abstract}\nPY  - 2025\nUR  - https://arxiv.org/abs/${paper.arxivId}\nER  - \n`;
}

function atomEntry(paper: ParsedPaper): string {
  const authors = paper.authors.map((author) => `<author><name>${escapeXml(author)}</name></author>`).join('');
  return `<entry><id>http://arxiv.org/abs/${paper.arxivId}v1</id><published>2025-01-02T00:00:00Z</published><title>${escapeXml(paper.title)}</title><summary>${escapeXml(paper.abstract)}</summary>${authors}<link href="http://arxiv.org/abs/${paper.arxivId}v1" rel="alternate" type="text/html"/><arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.CL"/></entry>\n`;
}

function dailyJsonEntry(paper: ParsedPaper): unknown {
  const publishedAt = '2025-01-02T00:00:00.000Z';
  return { title: paper.title, publishedAt, paper: { id: paper.arxivId, title: paper.title, summary: paper.abstract, authors: paper.authors.map((name) => ({ name })), publishedAt, upvotes: 3 } };
}

/** Papers until the text passes 5 MB; `firstIndex` keeps files of different formats from sharing papers. */
function collect(corpus: SyntheticCorpus, firstIndex: number, render: (paper: ParsedPaper, index: number) => string): { parts: string[]; papers: ParsedPaper[] } {
  const parts: string[] = [];
  const papers: ParsedPaper[] = [];
  let size = 0;
  for (let index = firstIndex; size < MIN_BYTES; index += 1) {
    const paper = corpus.paper(index);
    const part = render(paper, index);
    parts.push(part);
    papers.push(paper);
    size += Buffer.byteLength(part);
  }
  return { parts, papers };
}

export function benchFiles(corpus: SyntheticCorpus): BenchFile[] {
  const bibtex = collect(corpus, 1_000_000, bibtexEntry);
  const ris = collect(corpus, 1_100_000, risEntry);
  const atom = collect(corpus, 1_200_000, atomEntry);
  const json = collect(corpus, 1_300_000, (paper) => `${JSON.stringify(dailyJsonEntry(paper))},`);
  // An id list is tiny per paper: 5 MB is ~160,000 links, each a distinct id.
  const ids: string[] = [];
  for (let index = 0, size = 0; size < MIN_BYTES; index += 1) {
    const line = `https://arxiv.org/abs/${2401 + Math.floor(index / 99_999)}.${String(1 + (index % 99_999)).padStart(5, '0')}\n`;
    ids.push(line);
    size += line.length;
  }
  return [
    { format: 'bibtex', text: bibtex.parts.join('\n'), papers: bibtex.papers.length },
    { format: 'ris', text: ris.parts.join('\n'), papers: ris.papers.length },
    {
      format: 'arxiv-atom',
      text: `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>arXiv Query</title>\n${atom.parts.join('')}</feed>\n`,
      papers: atom.papers.length,
    },
    { format: 'hf-daily-json', text: `[${json.parts.join('').slice(0, -1)}]`, papers: json.papers.length },
    { format: 'id-list', text: ids.join(''), papers: ids.length },
  ];
}
