import { arxivIdFromDoi } from '../../papers/paper-identity.ts';
import { firstValidDoi } from './doi-in-url.ts';
import type { ParseContext, ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { arxivIdFromText, referencePaper } from './reference-paper.ts';
import { givenNameFirst, namesOnLine, taggedDate } from './tagged-names-and-dates.ts';
import { digestOfRecords, firstValue, taggedRecords } from './tagged-records.ts';
import type { TaggedRecord } from './tagged-records.ts';

// EndNote's tagged "refer" export (.enw, .txt): Google Scholar's "EndNote" link and "Export all" of a
// profile (citations.enw), EndNote's own "EndNote Export" style, CNKI and BibSonomy. Each record opens
// with "%0 Type"; every line is "%X value" with X one character; a line without a tag continues the
// value above it (wrapped abstracts). Before this reader such a file was taken for a list of the few
// arXiv ids it mentioned: 338 records gave 4 papers without titles.

const TAG_LINE = /^%([0-9A-Za-z@!#$&()*+,^~>?<[\]=|-])(?: (.*))?$/;

/** A record starts at each "%0" (Google Scholar separates records by blank lines, EndNote not always). */
const ENDNOTE_SYNTAX = { tagLine: TAG_LINE, startsRecord: (tag: string, inRecord: boolean) => tag === '0' || !inRecord };

/** A record start ("%0 Journal Article") first, and a title or author line: no other format looks so. */
export function looksLikeEndnoteTagged(text: string): boolean {
  const start = text.slice(0, 20_000).replace(/^\uFEFF/, '');
  return /^\s*%0 \S/.test(start) && /^%[TA] \S/m.test(start);
}

export function parseEndnoteTagged(text: string, context?: ParseContext): ParsedDigest {
  return digestOfRecords('endnote-tagged', taggedRecords(text, ENDNOTE_SYNTAX), recordPaper, '0', context);
}

function recordPaper(record: TaggedRecord): ParsedPaper {
  const urls = record.get('U') ?? [];
  // %R is the "electronic resource number": a DOI in EndNote's and most publishers' exports.
  const doi = firstValidDoi(firstValue(record, 'R')) ?? firstValidDoi(urls.join(' ')) ?? '';
  return referencePaper({
    title: firstValue(record, 'T'),
    abstract: firstValue(record, 'X'),
    authors: (record.get('A') ?? []).flatMap(namesOnLine).map(givenNameFirst),
    arxivId: arxivIdFromText([...urls, firstValue(record, 'J'), firstValue(record, 'B'), firstValue(record, 'Z'), firstValue(record, 'R')].join(' ')) ?? arxivIdFromDoi(doi),
    doi,
    url: urls[0] ?? '',
    date: taggedDate(firstValue(record, 'D'), firstValue(record, '8')),
    category: '',
    volume: firstValue(record, 'V'),
    edition: firstValue(record, '7'),
    entryType: firstValue(record, '0'),
  });
}
