import { normaliseArxivId } from '../../papers/paper-identity.ts';
import { linksInText } from './links-in-text.ts';
import { emptyPaper } from './parsed-digest.ts';
import { texToUnicode } from './tex-to-unicode.ts';
import type { ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { collapseSpace, isoDateOrNull, splitAuthorList } from './text-fields.ts';

const RECORD_SEPARATOR = /^(?:-{20,}|%-%-[-%]*)\s*$/;
const FIELD = /^([A-Za-z][\w-]*):\s*(.*)$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The arXiv daily subscription e-mail: records between lines of dashes, each "\\ header \\ abstract \\".
 * Header fields wrap onto indented lines.
 */
export function parseArxivListingEmail(text: string): ParsedDigest {
  const digest: ParsedDigest = { format: 'arxiv-listing-email', digestDate: listingDate(text), papers: [], skipped: [], warnings: [] };
  let index = 0;
  for (const record of records(text)) {
    const fields = headerFields(record);
    // "arXiv:2411.03341 (*cross-listing*)": the id is the first word; cross-lists and replacements are papers too.
    const id = normaliseArxivId((fields.get('arxiv') ?? fields.get('paper'))?.trim().split(/\s+/)[0]);
    if (!id && !fields.has('title')) continue; // the mail's preamble and section notices
    if (!id || !fields.get('title')) {
      digest.skipped.push({ index, reason: `record without ${id ? 'a title' : 'an arXiv id'}: "${collapseSpace(record.join(' ')).slice(0, 60)}…"` });
    } else digest.papers.push(recordPaper(id, fields, abstractOf(record)));
    index += 1;
  }
  return digest;
}

function records(text: string): string[][] {
  const all: string[][] = [];
  let current: string[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    if (RECORD_SEPARATOR.test(line.trim())) {
      if (current.length) all.push(current);
      current = [];
    } else current.push(line.replace(/\s+$/, ''));
  }
  if (current.length) all.push(current);
  return all;
}

/** Fields from the first line naming the paper to the first "\\" after it; lowercase names. */
function headerFields(record: string[]): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | null = null;
  let started = false;
  for (const line of record) {
    if (line.startsWith('\\\\')) {
      if (started) break;
      continue;
    }
    const field = FIELD.exec(line);
    if (field?.[1] && !/^\s/.test(line)) {
      last = field[1].toLowerCase();
      started = true;
      if (!fields.has(last)) fields.set(last, field[2] ?? '');
    } else if (last && /^\s/.test(line) && line.trim()) {
      fields.set(last, `${fields.get(last) ?? ''} ${line.trim()}`);
    } else if (!line.trim()) last = null;
  }
  return fields;
}

/** The abstract sits between the "\\" that closes the header and the next "\\" line (the link trailer). */
function abstractOf(record: string[]): string {
  const idLine = record.findIndex((line) => /^(?:arXiv|Paper):/i.test(line));
  const open = record.findIndex((line, index) => index > idLine && line.startsWith('\\\\'));
  const openLine = record[open];
  // A record with no abstract (a replacement notice) closes its header with the link trailer itself.
  if (idLine < 0 || open < 0 || openLine === undefined || openLine.trim() !== '\\\\') return '';
  const close = record.findIndex((line, index) => index > open && line.startsWith('\\\\'));
  return collapseSpace(record.slice(open + 1, close < 0 ? undefined : close).join(' '));
}

function recordPaper(id: string, fields: Map<string, string>, abstract: string): ParsedPaper {
  // Titles and names are TeX as submitted (M\"uller, Gon\c{c}alo): decoded as the BibTeX reader does.
  const paper = emptyPaper(collapseSpace(texToUnicode(collapseSpace(fields.get('title')))));
  paper.arxivId = id;
  paper.abstract = abstract;
  paper.authors = splitAuthorList(fields.get('authors') ?? fields.get('author') ?? '').map((name) => collapseSpace(texToUnicode(name)));
  paper.primaryCategory = collapseSpace(fields.get('categories')).split(' ')[0] || null;
  paper.doi = collapseSpace(fields.get('doi')).split(' ')[0] || null;
  paper.publishedAt = isoDateOrNull((fields.get('date') ?? '').replace(/\s*\(.*$/, ''));
  paper.links = [{ kind: 'arxiv', url: `https://arxiv.org/abs/${id}` }, ...linksInText(abstract)];
  return paper;
}

/** "received from  Wed 20 Nov 24 19:00:00 GMT  to  Thu 21 Nov 24 19:00:00 GMT" → 2024-11-21. */
function listingDate(text: string): string | null {
  const match = /received from .*?\bto\s+\w{3},?\s+(\d{1,2})\s+(\w{3})\w*\s+(\d{2,4})\b/i.exec(text.slice(0, 5000));
  if (!match?.[1] || !match[2] || !match[3]) return null;
  const month = MONTHS.indexOf(match[2].toLowerCase());
  if (month < 0) return null;
  const year = match[3].length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
  const date = new Date(Date.UTC(year, month, Number(match[1])));
  return Number.isNaN(date.getTime()) || date.getUTCMonth() !== month ? null : date.toISOString().slice(0, 10);
}
