import { arxivIdFromDoi } from '../../papers/paper-identity.ts';
import { firstValidDoi } from './doi-in-url.ts';
import { reportRecordsRead } from './parsed-digest.ts';
import type { ParseContext, ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { arxivIdFromText, referencePaper } from './reference-paper.ts';
import { givenNameFirst, namesOnLine, taggedDate } from './tagged-names-and-dates.ts';

// EndNote's tagged "refer" export (.enw, .txt): Google Scholar's "EndNote" link and "Export all" of a
// profile (citations.enw), EndNote's own "EndNote Export" style, CNKI and BibSonomy. Each record opens
// with "%0 Type"; every line is "%X value" with X one character; a line without a tag continues the
// value above it (wrapped abstracts). Before this reader such a file was taken for a list of the few
// arXiv ids it mentioned: 338 records gave 4 papers without titles.

const TAG_LINE = /^%([0-9A-Za-z@!#$&()*+,^~>?<[\]=|-])(?: (.*))?$/;

type TaggedRecord = Map<string, string[]>;

/** A record start ("%0 Journal Article") first, and a title or author line: no other format looks so. */
export function looksLikeEndnoteTagged(text: string): boolean {
  const start = text.slice(0, 20_000).replace(/^\uFEFF/, '');
  return /^\s*%0 \S/.test(start) && /^%[TA] \S/m.test(start);
}

export function parseEndnoteTagged(text: string, context?: ParseContext): ParsedDigest {
  const digest: ParsedDigest = { format: 'endnote-tagged', digestDate: null, papers: [], skipped: [], warnings: [] };
  const records = taggedRecords(text);
  records.forEach((record, index) => {
    reportRecordsRead(context, index, records.length);
    const paper = recordPaper(record);
    if (!paper.title && !paper.arxivId && !paper.doi) digest.skipped.push({ index, reason: `${first(record, '0') || 'record'} with no title, DOI or arXiv id` });
    else digest.papers.push(paper);
  });
  return digest;
}

function taggedRecords(text: string): TaggedRecord[] {
  const records: TaggedRecord[] = [];
  let current: TaggedRecord | null = null;
  let last: string[] | null = null;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const tagged = TAG_LINE.exec(line);
    if (tagged?.[1] !== undefined) {
      const tag = tagged[1];
      // Google Scholar separates records by blank lines, EndNote not always: "%0" alone starts one.
      if (tag === '0' || !current) {
        current = new Map();
        records.push(current);
      }
      const values = current.get(tag);
      const value = (tagged[2] ?? '').trim();
      if (values) values.push(value);
      else current.set(tag, [value]);
      last = current.get(tag) ?? null;
    } else if (last && line.trim()) {
      last[last.length - 1] = `${last.at(-1) ?? ''} ${line.trim()}`;
    } else if (!line.trim()) last = null;
  }
  return records;
}

function recordPaper(record: TaggedRecord): ParsedPaper {
  const urls = record.get('U') ?? [];
  // %R is the "electronic resource number": a DOI in EndNote's and most publishers' exports.
  const doi = firstValidDoi(first(record, 'R')) ?? firstValidDoi(urls.join(' ')) ?? '';
  return referencePaper({
    title: first(record, 'T'),
    abstract: first(record, 'X'),
    authors: (record.get('A') ?? []).flatMap(namesOnLine).map(givenNameFirst),
    arxivId: arxivIdFromText([...urls, first(record, 'J'), first(record, 'B'), first(record, 'Z'), first(record, 'R')].join(' ')) ?? arxivIdFromDoi(doi),
    doi,
    url: urls[0] ?? '',
    date: taggedDate(first(record, 'D'), first(record, '8')),
    category: '',
    volume: first(record, 'V'),
    edition: first(record, '7'),
    entryType: first(record, '0'),
  });
}

function first(record: TaggedRecord, tag: string): string {
  return record.get(tag)?.find((value) => value !== '') ?? '';
}
