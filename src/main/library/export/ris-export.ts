import { exportEntryType } from './entry-types.ts';
import { canonicalUrl, publicationYear } from './load-export-papers.ts';
import type { ExportPaper } from './load-export-papers.ts';

/** RIS is line-based: a value never spans lines, and control characters are dropped. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function risDate(publishedAt: string | null, year: string | null): string | null {
  const match = publishedAt ? /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt) : null;
  if (match) return `${match[1]}/${match[2]}/${match[3]}/`;
  return year ? `${year}///` : null;
}

/**
 * One record per paper, of the type its source stated (BOOK, CHAP, JOUR, …) when Sift knows it.
 * Otherwise preprints are `GEN` with the arXiv URL and accession number: every reference
 * manager imports that without dropping fields, whereas preprint types differ from tool to tool.
 * A paper known only by DOI is most likely a journal article. CRLF line ends, as the RIS spec asks.
 */
export function toRis(papers: readonly ExportPaper[]): string {
  return papers.map(risRecord).join('');
}

function risRecord(paper: ExportPaper): string {
  const lines: string[] = [];
  const add = (tag: string, value: string | null | undefined) => {
    const text = value ? clean(value) : '';
    if (text) lines.push(`${tag}  - ${text}`);
  };
  add('TY', exportEntryType(paper.entryType)?.ris ?? (paper.arxivId ? 'GEN' : paper.doi ? 'JOUR' : 'GEN'));
  add('TI', paper.titleIsPlaceholder ? null : paper.title);
  for (const author of paper.authors) add('AU', author);
  const year = publicationYear(paper);
  add('PY', year);
  add('DA', risDate(paper.publishedAt, year));
  add('VL', paper.volume);
  add('ET', paper.edition);
  add('AB', paper.abstract);
  add('DO', paper.doi);
  add('UR', canonicalUrl(paper));
  if (paper.arxivId) {
    add('AN', `arXiv:${paper.arxivId}`);
    add('DB', 'arXiv');
  }
  for (const tag of paper.tags) add('KW', tag);
  add('N1', paper.note);
  lines.push('ER  - ');
  return `${lines.join('\r\n')}\r\n\r\n`;
}
