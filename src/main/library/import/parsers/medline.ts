import type { ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { arxivIdFromText, referencePaper } from './reference-paper.ts';
import { taggedRecords } from './tagged-records.ts';
import type { TaggedRecord } from './tagged-records.ts';
import { collapseSpace } from './text-fields.ts';

// MEDLINE/PubMed format (.nbib, "Save → Format: PubMed"): a tag of up to four letters padded to four,
// "- ", the value; continuation lines indented by six spaces; records separated by blank lines.
const TAG_LINE = /^([A-Z][A-Z0-9]{0,3})\s*- (.*)$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A PMID line, then one of the tags every record has. */
export function looksLikeMedline(text: string): boolean {
  const start = text.slice(0, 20_000);
  return /^PMID- *\d+\s*$/m.test(start) && /^(?:TI|AB|FAU|AU|DP) {0,2}- /m.test(start);
}

export function parseMedline(text: string): ParsedDigest {
  const digest: ParsedDigest = { format: 'medline', digestDate: null, papers: [], skipped: [], warnings: [] };
  medlineRecords(text).forEach((record, index) => {
    const paper = recordPaper(record);
    if (!paper.title && !paper.doi) digest.skipped.push({ index, reason: `PMID ${first(record, 'PMID') || '?'} has no title or DOI` });
    else digest.papers.push(paper);
  });
  return digest;
}

type MedlineRecord = TaggedRecord;

/**
 * Records start at each PMID line (blank lines between them are not always kept by mail clients); a
 * continuation line is indented.
 */
const MEDLINE_SYNTAX = { tagLine: TAG_LINE, startsRecord: (tag: string, inRecord: boolean) => tag === 'PMID' || !inRecord, continues: (line: string) => /^\s{2,}\S/.test(line) };

const medlineRecords = (text: string): MedlineRecord[] => taggedRecords(text, MEDLINE_SYNTAX);

function first(record: MedlineRecord, tag: string): string {
  return collapseSpace(record.get(tag)?.[0]);
}

function recordPaper(record: MedlineRecord): ParsedPaper {
  const pmid = first(record, 'PMID');
  const ids = [...(record.get('AID') ?? []), ...(record.get('LID') ?? [])];
  const doi = ids.map((id) => /^(10\.\d{4,9}\/\S+)\s*\[doi\]/i.exec(id.trim())?.[1]).find(Boolean) ?? '';
  const authors = record.get('FAU') ?? record.get('AU') ?? [];
  const paper = referencePaper({
    // A book chapter's title is in TI; a whole book's in BTI.
    // MEDLINE ends every title with a period and brackets translated ones: "[Original title]."
    title: (first(record, 'TI') || first(record, 'BTI')).replace(/^\[(.*)\]\.?$/, '$1').replace(/([^.])\.$/, '$1'),
    abstract: first(record, 'AB'),
    authors: authors.map((name) => givenNameFirst(collapseSpace(name))),
    arxivId: arxivIdFromText(ids.join(' ')),
    doi,
    url: /^\d+$/.test(pmid) ? `https://pubmed.ncbi.nlm.nih.gov/${pmid}/` : '',
    date: medlineDate(first(record, 'DP')),
    category: '',
    volume: first(record, 'VI'),
    edition: first(record, 'EN'),
    entryType: first(record, 'PT'),
  });
  return paper;
}

/** "Senior, Andrew W" → "Andrew W Senior"; "Senior AW" (AU) stays as written. */
function givenNameFirst(name: string): string {
  const [family, given] = name.split(',').map((part) => part.trim());
  return given ? `${given} ${family}` : name;
}

/** "2020 Jan 15", "2020 Jan-Feb", "2019 Winter", "2020" → "2020-01-15", "2020-01", "2019", "2020". */
function medlineDate(raw: string): string {
  const match = /^(\d{4})(?:\s+([A-Za-z]{3})[a-z]*(?:\s+(\d{1,2}))?)?/.exec(raw);
  if (!match?.[1]) return '';
  const month = match[2] ? MONTHS.indexOf(match[2].toLowerCase()) + 1 : 0;
  if (month === 0) return match[1];
  const day = match[3] ? `-${match[3].padStart(2, '0')}` : '';
  return `${match[1]}-${String(month).padStart(2, '0')}${day}`;
}
