import { parse } from 'csv-parse/sync';
import { arxivIdFromDoi } from '../../papers/paper-identity.ts';
import { firstValidDoi } from './doi-in-url.ts';
import { reportRecordsRead } from './parsed-digest.ts';
import type { ParseContext, ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { arxivIdFromText, referencePaper } from './reference-paper.ts';

// Spreadsheet exports with a header row: Scopus "CSV", Lens.org, OpenAlex, Zotero "CSV", IEEE Xplore,
// Web of Science "Tab-delimited" (its header is its tags: TI, AU, DI…) and Sift's own CSV. Before this
// reader such a file was a list of the DOIs in its cells: titles, authors and years lost, and the rows
// without a DOI lost too (3 of 13 in a real Scopus file). Cited references ("References", "CR") are
// never read: they are the works a paper cites. Columns are found by name, so column order and extra
// columns do not matter. Comma, semicolon (spreadsheets in many locales) and tab separate cells.

/** Each field's column names, lower case and stripped of everything but letters and digits, best first. */
const COLUMNS = {
  title: ['title', 'articletitle', 'documenttitle', 'displayname', 'itemtitle', 'ti'],
  authors: ['authorfullnames', 'authorshipsauthordisplayname', 'authors', 'author', 'authoris', 'creators', 'af', 'au'],
  doi: ['doi', 'itemdoi', 'di'],
  arxiv: ['arxivid', 'arxiv', 'eprint'],
  year: ['date', 'datepublished', 'publicationdate', 'year', 'publicationyear', 'py'],
  abstract: ['abstract', 'abstractnote', 'ab'],
  url: ['url', 'link', 'pdflink', 'externalurl', 'sourceurls', 'landingpageurl', 'primarylocationlandingpageurl'],
  type: ['entrytype', 'documenttype', 'itemtype', 'publicationtype', 'type', 'dt'],
  volume: ['volume', 'vl'],
} as const;
type Field = keyof typeof COLUMNS;

const DELIMITERS = [',', ';', '\t'] as const;
const key = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The header row's cells with the delimiter that splits it into the most of them. */
function headerOf(text: string): { cells: string[]; delimiter: string } {
  const line = /^[^\r\n]*/.exec(text.replace(/^\uFEFF/, '').slice(0, 20_000))?.[0] ?? '';
  const split = DELIMITERS.map((delimiter) => ({ delimiter, cells: line.split(delimiter).map((cell) => cell.trim().replace(/^"|"$/g, '')) }));
  return split.reduce((best, candidate) => (candidate.cells.length > best.cells.length ? candidate : best));
}

/** A header row with a title column and a DOI or author column, among at least three. */
export function looksLikeSpreadsheetExport(text: string): boolean {
  const { cells } = headerOf(text);
  if (cells.length < 3 || cells.some((cell) => cell.length > 80)) return false;
  const names = new Set(cells.map(key));
  const has = (field: Field) => COLUMNS[field].some((name) => names.has(name));
  return has('title') && (has('doi') || has('authors'));
}

export function parseSpreadsheetExport(text: string, context?: ParseContext): ParsedDigest {
  const digest: ParsedDigest = { format: 'csv', digestDate: null, papers: [], skipped: [], warnings: [] };
  const { delimiter } = headerOf(text);
  // Tab-separated exports (Web of Science, IEEE) never quote: a title that starts with '"' is text.
  const quote = delimiter === '\t' ? false : '"';
  const rows: string[][] = parse(text, { bom: true, delimiter, quote, relax_quotes: true, relax_column_count: true, skip_empty_lines: true });
  const [header, ...records] = rows;
  if (!header) return digest;
  const names = header.map(key);
  const columnOf = (field: Field) => COLUMNS[field].map((name) => names.indexOf(name)).find((index) => index >= 0) ?? -1;
  const columns = Object.fromEntries(Object.keys(COLUMNS).map((field) => [field, columnOf(field as Field)])) as Record<Field, number>;
  records.forEach((row, index) => {
    reportRecordsRead(context, index, records.length);
    const cell = (field: Field) => withoutFormulaGuard((row[columns[field]] ?? '').trim());
    const paper = rowPaper(cell);
    if (!paper.title && !paper.arxivId && !paper.doi) digest.skipped.push({ index, reason: `row ${index + 2} has no title, DOI or arXiv id` });
    else digest.papers.push(paper);
  });
  return digest;
}

function rowPaper(cell: (field: Field) => string): ParsedPaper {
  const urls = cell('url').split(/\s*;\s*|\s+/).filter(Boolean);
  const doi = firstValidDoi(cell('doi')) ?? '';
  return referencePaper({
    title: cell('title'),
    abstract: cell('abstract'),
    authors: namesIn(cell('authors')),
    arxivId: arxivIdFromText(`arXiv:${cell('arxiv')} ${urls.join(' ')}`) ?? arxivIdFromDoi(doi),
    doi,
    url: urls[0] ?? '',
    date: cell('year'),
    category: '',
    volume: cell('volume'),
    entryType: cell('type'),
  });
}

/**
 * "Singh, Harpreet (57226); Mehta, A." (Scopus), "Petar Radanliev; David De Roure" (Lens, Sift),
 * "Massimo Aria|Corrado Cuccurullo" (OpenAlex): given name first, Scopus author ids dropped.
 */
function namesIn(cell: string): string[] {
  // Scopus before 2023: "Singh H., Mehta A., Sharma Y.": every name ends in initials and a comma.
  const oldScopus = !/[;|]/.test(cell) && /^(?:[^,]+ (?:[A-Z]\.-?)+, )+[^,]+ (?:[A-Z]\.-?)+$/.test(cell);
  return cell
    .split(oldScopus ? /\s*,\s*/ : /\s*[;|]\s*/)
    .map((name) => name.replace(/\s*\(\d+\)$/, '').trim())
    .filter(Boolean)
    .map((name) => (oldScopus ? name.replace(/^(.+?) ((?:[A-Z]\.-?)+)$/, '$2 $1') : name))
    .map((name) => {
      const [family, given] = name.split(/,\s*/);
      return given && !name.includes(' and ') ? `${given} ${family}` : name;
    });
}

/** Sift's own CSV export puts "'" before a cell a spreadsheet would run as a formula. */
function withoutFormulaGuard(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}
