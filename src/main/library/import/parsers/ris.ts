import { arxivIdFromDoi } from '../../papers/paper-identity.ts';
import { firstValidDoi } from './doi-in-url.ts';
import { arxivIdFromText, referencePaper } from './reference-paper.ts';
import { reportRecordsRead } from './parsed-digest.ts';
import type { ParseContext, ParsedDigest, ParsedPaper } from './parsed-digest.ts';

// "TY  - JOUR": two-character tag, two spaces, dash. Exporters vary the spacing a little. Hand-made
// and scripted files add longer tags ("NOTE - PDF file: x.pdf"): their own line, never a continuation
// of the value above (it made "https://doi.org/10.3390/x NOTE - PDF file: x.pdf" a link).
const TAG_LINE = /^([A-Z][A-Z0-9]|[A-Z][A-Z0-9]{2,5}(?=\s{1,2}-\s))\s{1,2}-(?:\s(.*))?$/;

type RisRecord = Map<string, string[]>;

/**
 * RIS (Zotero, Mendeley, EndNote, Google Scholar). Small enough a format that a parser is a page;
 * the npm ones are unmaintained or drag in a citation engine.
 */
export function parseRis(text: string, context?: ParseContext): ParsedDigest {
  const digest: ParsedDigest = { format: 'ris', digestDate: null, papers: [], skipped: [], warnings: [] };
  const { records, unterminated } = risRecords(text);
  if (unterminated) digest.warnings.push('The last record has no "ER  -" line; the file may be cut off.');
  records.forEach((record, index) => {
    reportRecordsRead(context, index, records.length);
    const paper = recordPaper(record);
    if (!paper.title && !paper.arxivId && !paper.doi) {
      digest.skipped.push({ index, reason: `${first(record, 'TY') || 'record'} with no title, DOI or arXiv id` });
    } else digest.papers.push(paper);
  });
  return digest;
}

function risRecords(text: string): { records: RisRecord[]; unterminated: boolean } {
  const records: RisRecord[] = [];
  let current: RisRecord | null = null;
  let lastTag: string | null = null;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.replace(/\s+$/, '');
    const tag = TAG_LINE.exec(line);
    if (tag?.[1] === 'TY') {
      if (current) records.push(current);
      current = new Map();
    }
    if (tag?.[1] === 'ER') {
      if (current) records.push(current);
      current = null;
      lastTag = null;
    } else if (tag?.[1] && current) {
      lastTag = tag[1];
      // Appended in place: a record with 40,000 keyword lines stays linear.
      const values = current.get(lastTag);
      if (values) values.push((tag[2] ?? '').trim());
      else current.set(lastTag, [(tag[2] ?? '').trim()]);
    } else if (current && lastTag && line.trim()) {
      // Wrapped value (long abstracts from older exporters): continues the previous tag.
      const values = current.get(lastTag) ?? [];
      values[values.length - 1] = `${values[values.length - 1] ?? ''} ${line.trim()}`;
    }
  }
  if (current && current.size > 1) records.push(current);
  return { records, unterminated: Boolean(current && current.size > 1) };
}

function recordPaper(record: RisRecord): ParsedPaper {
  const urls = [...(record.get('UR') ?? []), ...(record.get('L2') ?? [])];
  const idSources = [...urls, ...(record.get('T2') ?? []), ...(record.get('JO') ?? []), ...(record.get('N1') ?? []), ...(record.get('M1') ?? [])];
  const doi = firstValidDoi(first(record, 'DO')) ?? firstValidDoi(first(record, 'M3')) ?? firstValidDoi(urls.join(' ')) ?? '';
  return referencePaper({
    title: first(record, 'TI') || first(record, 'T1') || first(record, 'CT'),
    abstract: first(record, 'AB') || first(record, 'N2'),
    authors: [...(record.get('AU') ?? []), ...(record.get('A1') ?? [])].flatMap(namesOnLine).map(givenNameFirst),
    arxivId: arxivIdFromText(idSources.join(' ')) ?? arxivIdFromDoi(doi),
    doi,
    url: urls[0] ?? '',
    date: risDate(record),
    category: '',
    volume: first(record, 'VL'),
    edition: first(record, 'ET'),
    entryType: first(record, 'TY'),
  });
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The first of DA, PY, Y1 that has a year. Web of Science writes `DA  - MAY 4` beside `PY  - 2023`:
 * the year is PY's and the month DA's (a DA without a year used to lose the date of 2 records in 3).
 */
function risDate(record: RisRecord): string {
  const candidates = [first(record, 'DA'), first(record, 'PY'), first(record, 'Y1')];
  const dated = candidates.find((value) => /^\d{4}/.test(value.trim()));
  if (!dated) return '';
  const month = MONTHS.indexOf(/^([A-Za-z]{3})/.exec(candidates[0]?.trim() ?? '')?.[1]?.toLowerCase() ?? '') + 1;
  const year = /^\d{4}$/.exec(dated.trim().replace(/\/+$/, ''))?.[0];
  return year && month > 0 ? `${year}-${String(month).padStart(2, '0')}` : dated;
}

function first(record: RisRecord, tag: string): string {
  return record.get(tag)?.find((value) => value.trim() !== '') ?? '';
}

/** Some exporters put every author on one AU line, joined by ";": "Doe, Jane; Roe, R.". */
function namesOnLine(line: string): string[] {
  return line.split(';').map((name) => name.trim()).filter(Boolean);
}

/** "Keiding, Søren" → "Søren Keiding"; "Faria, J" → "J Faria"; names without a comma stay. */
function givenNameFirst(name: string): string {
  const [last, given, suffix] = name.split(',').map((part) => part.trim());
  if (!given) return name.trim();
  return [given, last, suffix].filter(Boolean).join(' ');
}
