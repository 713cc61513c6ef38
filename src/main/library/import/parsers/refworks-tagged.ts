import { arxivIdFromDoi } from '../../papers/paper-identity.ts';
import { firstValidDoi } from './doi-in-url.ts';
import type { ParseContext, ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { arxivIdFromText, referencePaper } from './reference-paper.ts';
import { givenNameFirst, namesOnLine, taggedDate } from './tagged-names-and-dates.ts';
import { digestOfRecords, firstValue, taggedRecords } from './tagged-records.ts';
import type { TaggedRecord } from './tagged-records.ts';

// RefWorks Tagged Format (.txt, .rwt): what RefWorks exports and what EBSCOhost, ProQuest, JSTOR and
// many library catalogues offer as "RefWorks" download. Each record opens with "RT Journal Article";
// every line is a two-character tag, a space, and a value (A1 authors, T1 title, JF journal, YR year,
// FD date, AB abstract, DO DOI, UL/LK links, K1 keywords); a line without a tag continues the value
// above it. CR lines are the works the record cites: never papers. Before this reader such a file was
// refused as a tagged export Sift had no reader for.

// A tag, a space and the value; or a tag alone ("NO" with nothing after it).
const TAG_LINE = /^([A-Z][A-Z0-9])(?: (.*)|\s*)$/;
/** Every record opens with "RT"; tagged lines before the first are not a record. */
const REFWORKS_SYNTAX = { tagLine: TAG_LINE, startsRecord: (tag: string) => tag === 'RT' };

/** "RT <type>" first, and a title or author line: RIS has "TY  - ", Web of Science "PT"/"AU"/"TI". */
export function looksLikeRefworksTagged(text: string): boolean {
  const start = text.slice(0, 20_000).replace(/^\uFEFF/, '');
  return /^\s*RT \S/.test(start) && /^(?:T1|A1) \S/m.test(start);
}

export function parseRefworksTagged(text: string, context?: ParseContext): ParsedDigest {
  return digestOfRecords('refworks-tagged', taggedRecords(text, REFWORKS_SYNTAX), recordPaper, 'RT', context);
}

function recordPaper(record: TaggedRecord): ParsedPaper {
  // Only the URLs of a link field: a wrapped line joined to it must not lend it a cited work's DOI.
  const links = [...(record.get('UL') ?? []), ...(record.get('LK') ?? [])].flatMap((value) => value.split(/\s+/)).filter((token) => /^https?:\/\//i.test(token));
  const doi = firstValidDoi(firstValue(record, 'DO')) ?? firstValidDoi(links.join(' ')) ?? '';
  return referencePaper({
    // Some catalogues leave T1 empty and put the title in T2 (a book's chapter) or ST (its short form).
    title: firstValue(record, 'T1') || firstValue(record, 'ST') || firstValue(record, 'T2'),
    abstract: firstValue(record, 'AB'),
    authors: (record.get('A1') ?? []).flatMap(namesOnLine).map(givenNameFirst),
    arxivId: arxivIdFromText([...links, firstValue(record, 'JF'), firstValue(record, 'NO'), firstValue(record, 'AN')].join(' ')) ?? arxivIdFromDoi(doi),
    doi,
    url: links[0] ?? '',
    date: taggedDate(firstValue(record, 'YR'), firstValue(record, 'FD').replace(/\/+$/, '')),
    category: '',
    volume: firstValue(record, 'VO'),
    edition: firstValue(record, 'ED'),
    entryType: firstValue(record, 'RT'),
  });
}
