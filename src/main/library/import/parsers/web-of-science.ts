import { arxivIdFromDoi } from '../../papers/paper-identity.ts';
import { firstValidDoi } from './doi-in-url.ts';
import { arxivIdFromText, referencePaper } from './reference-paper.ts';
import type { ParsedDigest, ParsedPaper } from './parsed-digest.ts';

// "AU Doe, J": two-character tag, one space, value; "   Roe, R" continues the tag above.
const TAG_LINE = /^([A-Z][A-Z0-9]) (.*)$/;
// Fields whose continuation lines are further values (one author or reference per line), not wrapped text.
const LIST_TAGS = new Set(['AU', 'AF', 'CR', 'C1', 'C3', 'BA', 'BF', 'CA', 'GP', 'RI', 'OI', 'EM', 'FU']);

type WosRecord = Map<string, string[]>;

/** Cheap test on the start of a file: the export's header, or records shaped like it. */
export function looksLikeWebOfScience(text: string): boolean {
  const start = text.slice(0, 20_000).replace(/^\uFEFF/, '');
  if (/^FN (?:Clarivate Analytics |Thomson Reuters |ISI )?Web of (?:Science|Knowledge)/m.test(start)) return true;
  return /^PT [A-Z]\s*$/m.test(start) && /^(?:AU|TI|UT) \S/m.test(start) && /^ER\s*$/m.test(start);
}

/**
 * Web of Science "plain text" (tagged) export: FN/VR header, records from PT to ER, continuation
 * lines indented by three spaces. Each record is one paper; its CR lines are the works it cites and
 * never become papers.
 */
export function parseWebOfScience(text: string): ParsedDigest {
  const digest: ParsedDigest = { format: 'web-of-science', digestDate: null, papers: [], skipped: [], warnings: [] };
  const { records, unterminated } = wosRecords(text);
  if (unterminated) digest.warnings.push('The last record has no "ER" line; the file may be cut off.');
  records.forEach((record, index) => {
    const paper = recordPaper(record);
    if (!paper.title && !paper.arxivId && !paper.doi) digest.skipped.push({ index, reason: `record ${first(record, 'UT') || index + 1} with no title, DOI or arXiv id` });
    else digest.papers.push(paper);
  });
  return digest;
}

function wosRecords(text: string): { records: WosRecord[]; unterminated: boolean } {
  const records: WosRecord[] = [];
  let current: WosRecord | null = null;
  let lastTag: string | null = null;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.trimEnd();
    if (current && lastTag && /^ {2,3}\S/.test(line)) {
      const values = current.get(lastTag) ?? [];
      if (LIST_TAGS.has(lastTag)) values.push(line.trim());
      else values[values.length - 1] = `${values[values.length - 1] ?? ''} ${line.trim()}`;
      continue;
    }
    const tag = TAG_LINE.exec(line) ?? (/^(ER|EF)$/.exec(line) ? [line, line, ''] : null);
    const name = tag?.[1];
    if (!name) continue;
    if (name === 'PT') {
      if (current && current.size > 1) records.push(current);
      current = new Map();
    } else if (name === 'ER') {
      if (current) records.push(current);
      current = null;
      lastTag = null;
      continue;
    } else if (name === 'EF' || !current) continue;
    lastTag = name;
    const values = current.get(name);
    if (values) values.push((tag[2] ?? '').trim());
    else current.set(name, [(tag[2] ?? '').trim()]);
  }
  const unterminated = Boolean(current && current.size > 1);
  if (current && unterminated) records.push(current);
  return { records, unterminated };
}

function recordPaper(record: WosRecord): ParsedPaper {
  const doi = firstValidDoi(first(record, 'DI')) ?? '';
  // Full names ("Doe, Jane") when the export has them; "Doe, J" otherwise.
  const names = record.get('AF')?.length ? record.get('AF') : record.get('AU');
  const month = /^([A-Z]{3})/i.exec(first(record, 'PD'))?.[1];
  return referencePaper({
    title: first(record, 'TI'),
    abstract: first(record, 'AB'),
    authors: (names ?? []).map(givenNameFirst),
    arxivId: arxivIdFromDoi(doi) ?? arxivIdFromText(first(record, 'SO')),
    doi,
    url: doi ? `https://doi.org/${doi}` : '',
    date: [first(record, 'PY'), monthNumber(month)].filter(Boolean).join('-') || first(record, 'EA'),
    category: '',
    volume: first(record, 'VL'),
    // "Article; Early Access", "Book Chapter", "Proceedings Paper": the kind of work tells a book from
    // its chapter when two records share a title (it was left empty, so such records could merge).
    entryType: first(record, 'DT').split(';')[0]?.trim() ?? '',
  });
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

function monthNumber(month: string | undefined): string {
  const index = month ? MONTHS.indexOf(month.toUpperCase()) : -1;
  return index >= 0 ? String(index + 1).padStart(2, '0') : '';
}

function first(record: WosRecord, tag: string): string {
  return record.get(tag)?.find((value) => value.trim() !== '') ?? '';
}

/** "Doe, Jane A." → "Jane A. Doe". */
function givenNameFirst(name: string): string {
  const [last, given] = name.split(',').map((part) => part.trim());
  return given ? `${given} ${last ?? ''}`.trim() : name.trim();
}
