import { canonicalUrl, publicationYear } from './load-export-papers.ts';
import type { ExportPaper } from './load-export-papers.ts';

const COLUMNS: [string, (paper: ExportPaper) => string | number | null][] = [
  ['id', (paper) => paper.id],
  ['title', (paper) => paper.title],
  ['authors', (paper) => paper.authors.join('; ')],
  ['year', (paper) => publicationYear(paper)],
  ['arxiv_id', (paper) => paper.arxivId],
  ['doi', (paper) => paper.doi],
  ['url', (paper) => canonicalUrl(paper)],
  ['status', (paper) => paper.status],
  ['starred', (paper) => (paper.starred ? 'yes' : 'no')],
  ['tags', (paper) => paper.tags.join('; ')],
  ['note', (paper) => paper.note],
  ['added_at', (paper) => paper.addedAt],
  ['read_at', (paper) => paper.readAt],
  ['digest_date', (paper) => paper.digestDate],
  ['volume', (paper) => paper.volume],
  ['edition', (paper) => paper.edition],
  ['entry_type', (paper) => paper.entryType],
  ['abstract', (paper) => paper.abstract],
];

/**
 * RFC 4180: CRLF between records, a field quoted when it holds a comma, quote or line break, quotes
 * doubled. A text cell that a spreadsheet would run as a formula (=, +, -, @) gets a leading
 * apostrophe, so opening an export can never execute something a digest smuggled in.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(papers: readonly ExportPaper[]): string {
  const header = COLUMNS.map(([name]) => name).join(',');
  const rows = papers.map((paper) => COLUMNS.map(([, pick]) => csvField(pick(paper))).join(','));
  return `${[header, ...rows].join('\r\n')}\r\n`;
}
