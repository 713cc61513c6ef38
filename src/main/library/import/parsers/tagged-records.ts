import { reportRecordsRead } from './parsed-digest.ts';
import type { ParseContext, ParsedDigest, ParsedPaper } from './parsed-digest.ts';

/**
 * A tagged record export ("PMID- 123", "TI  - …", "AU Doe, J"): most lines start with a short upper-case
 * tag. Such a file is a structured format, even one Sift has no reader for; its DOIs are often the
 * works it cites, so the id list must not pick them out.
 */
export function looksLikeTaggedRecords(text: string): boolean {
  const lines = text.slice(0, 20_000).split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  if (lines.length < 4) return false;
  const tagged = lines.filter((line) => /^[A-Z][A-Z0-9]{1,3}(?: {1,3}- | [^\s-])/.test(line) || /^ {2,6}\S/.test(line)).length;
  return tagged >= lines.length * 0.8;
}

/** One record of a tagged export: each tag's values in file order. */
export type TaggedRecord = Map<string, string[]>;

export interface TaggedSyntax {
  /** A tagged line: group 1 the tag, group 2 (optional) the value. */
  tagLine: RegExp;
  /** Whether this tag opens a new record; `inRecord` is false before the first one. */
  startsRecord: (tag: string, inRecord: boolean) => boolean;
  /** Whether an untagged line continues the value above it (default: any non-blank line). */
  continues?: (line: string) => boolean;
}

/**
 * The records of a tagged export (EndNote's .enw, RefWorks, MEDLINE), in one pass over its lines:
 * values trimmed, a continuation line joined to the value above it with a space, a blank line ending
 * that value. Tagged lines before the first record are dropped.
 */
export function taggedRecords(text: string, syntax: TaggedSyntax): TaggedRecord[] {
  const records: TaggedRecord[] = [];
  const continues = syntax.continues ?? ((line: string) => line.trim() !== '');
  let current: TaggedRecord | null = null;
  let last: string[] | null = null;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const tagged = syntax.tagLine.exec(line);
    const tag = tagged?.[1];
    if (tag !== undefined) {
      if (syntax.startsRecord(tag, current !== null)) {
        current = new Map();
        records.push(current);
      }
      if (!current) continue;
      const value = (tagged?.[2] ?? '').trim();
      const values = current.get(tag);
      if (values) values.push(value);
      else current.set(tag, [value]);
      last = current.get(tag) ?? null;
    } else if (last && continues(line)) {
      last[last.length - 1] = `${last.at(-1) ?? ''} ${line.trim()}`;
    } else if (!line.trim()) last = null;
  }
  return records;
}

/** A record's first non-empty value of `tag`, or ''. */
export function firstValue(record: TaggedRecord, tag: string): string {
  return record.get(tag)?.find((value) => value !== '') ?? '';
}

/**
 * The digest of a tagged export's records: each a paper, or listed as skipped (named by its type
 * tag's value) when it has no title, DOI or arXiv id. Progress is reported per record.
 */
export function digestOfRecords(
  format: ParsedDigest['format'],
  records: readonly TaggedRecord[],
  toPaper: (record: TaggedRecord) => ParsedPaper,
  typeTag: string,
  context?: ParseContext,
): ParsedDigest {
  const digest: ParsedDigest = { format, digestDate: null, papers: [], skipped: [], warnings: [] };
  records.forEach((record, index) => {
    reportRecordsRead(context, index, records.length);
    const paper = toPaper(record);
    if (!paper.title && !paper.arxivId && !paper.doi) digest.skipped.push({ index, reason: `${firstValue(record, typeTag) || 'record'} with no title, DOI or arXiv id` });
    else digest.papers.push(paper);
  });
  return digest;
}
