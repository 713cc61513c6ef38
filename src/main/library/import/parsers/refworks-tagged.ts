import { arxivIdFromDoi } from '../../papers/paper-identity.ts';
import { firstValidDoi } from './doi-in-url.ts';
import { reportRecordsRead } from './parsed-digest.ts';
import type { ParseContext, ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { arxivIdFromText, referencePaper } from './reference-paper.ts';
import { givenNameFirst, namesOnLine, taggedDate } from './tagged-names-and-dates.ts';

// RefWorks Tagged Format (.txt, .rwt): what RefWorks exports and what EBSCOhost, ProQuest, JSTOR and
// many library catalogues offer as "RefWorks" download. Each record opens with "RT Journal Article";
// every line is a two-character tag, a space, and a value (A1 authors, T1 title, JF journal, YR year,
// FD date, AB abstract, DO DOI, UL/LK links, K1 keywords); a line without a tag continues the value
// above it. CR lines are the works the record cites: never papers. Before this reader such a file was
// refused as a tagged export Sift had no reader for.

const TAG_LINE = /^([A-Z][A-Z0-9]) (.*)$/;
/** A tag with nothing after it ("NO" alone), which the line pattern above would miss. */
const BARE_TAG = /^([A-Z][A-Z0-9])\s*$/;

type TaggedRecord = Map<string, string[]>;

/** "RT <type>" first, and a title or author line: RIS has "TY  - ", Web of Science "PT"/"AU"/"TI". */
export function looksLikeRefworksTagged(text: string): boolean {
  const start = text.slice(0, 20_000).replace(/^\uFEFF/, '');
  return /^\s*RT \S/.test(start) && /^(?:T1|A1) \S/m.test(start);
}

export function parseRefworksTagged(text: string, context?: ParseContext): ParsedDigest {
  const digest: ParsedDigest = { format: 'refworks-tagged', digestDate: null, papers: [], skipped: [], warnings: [] };
  const records = taggedRecords(text);
  records.forEach((record, index) => {
    reportRecordsRead(context, index, records.length);
    const paper = recordPaper(record);
    if (!paper.title && !paper.arxivId && !paper.doi) digest.skipped.push({ index, reason: `${first(record, 'RT') || 'record'} with no title, DOI or arXiv id` });
    else digest.papers.push(paper);
  });
  return digest;
}

function taggedRecords(text: string): TaggedRecord[] {
  const records: TaggedRecord[] = [];
  let current: TaggedRecord | null = null;
  let last: string[] | null = null;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const tagged = TAG_LINE.exec(line) ?? BARE_TAG.exec(line);
    if (tagged?.[1] !== undefined && (current || tagged[1] === 'RT')) {
      const tag = tagged[1];
      if (tag === 'RT') {
        current = new Map();
        records.push(current);
      }
      if (!current) continue;
      const value = (tagged[2] ?? '').trim();
      const values = current.get(tag);
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
  // Only the URLs of a link field: a wrapped line joined to it must not lend it a cited work's DOI.
  const links = [...(record.get('UL') ?? []), ...(record.get('LK') ?? [])].flatMap((value) => value.split(/\s+/)).filter((token) => /^https?:\/\//i.test(token));
  const doi = firstValidDoi(first(record, 'DO')) ?? firstValidDoi(links.join(' ')) ?? '';
  return referencePaper({
    // Some catalogues leave T1 empty and put the title in T2 (a book's chapter) or ST (its short form).
    title: first(record, 'T1') || first(record, 'ST') || first(record, 'T2'),
    abstract: first(record, 'AB'),
    authors: (record.get('A1') ?? []).flatMap(namesOnLine).map(givenNameFirst),
    arxivId: arxivIdFromText([...links, first(record, 'JF'), first(record, 'NO'), first(record, 'AN')].join(' ')) ?? arxivIdFromDoi(doi),
    doi,
    url: links[0] ?? '',
    date: taggedDate(first(record, 'YR'), first(record, 'FD').replace(/\/+$/, '')),
    category: '',
    volume: first(record, 'VO'),
    edition: first(record, 'ED'),
    entryType: first(record, 'RT'),
  });
}

function first(record: TaggedRecord, tag: string): string {
  return record.get(tag)?.find((value) => value !== '') ?? '';
}
