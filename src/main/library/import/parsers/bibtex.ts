import { parse as parseBibtexLibrary } from '@retorquere/bibtex-parser';
import type { Creator, Entry } from '@retorquere/bibtex-parser';
import { normaliseArxivId } from '../../papers/paper-identity.ts';
import { arxivIdFromText, referencePaper } from './reference-paper.ts';
import type { ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { collapseSpace } from './text-fields.ts';

// The TeX decoder reads "<" as "¡" (OT1 encoding) and emits <i>…</i> for \emph: angle brackets
// from the file are swapped for letters it leaves alone, its markup dropped, then they come back.
const LESS = 'QxSiftLessThanQx';
const MORE = 'QxSiftGreaterThanQx';

/** BibTeX as Zotero, Mendeley, JabRef and Google Scholar export it: TeX decoded to plain text. */
export function parseBibtex(text: string): ParsedDigest {
  const guarded = text.replace(/^\uFEFF/, '').replaceAll('<', LESS).replaceAll('>', MORE);
  const library = parseBibtexLibrary(guarded, {
    english: false,
    sentenceCase: false,
    caseProtection: false,
    unsupported: 'ignore',
    applyCrossRef: false,
  });
  const digest: ParsedDigest = { format: 'bibtex', digestDate: null, papers: [], skipped: [], warnings: [] };
  library.entries.forEach((entry, index) => {
    const paper = entryPaper(entry);
    if (!paper.title && !paper.arxivId && !paper.doi) {
      const error = library.errors.find((candidate) => candidate.input && entry.input === '' && candidate.input.includes(`{${entry.key}`));
      digest.skipped.push({ index, reason: `@${entry.type}{${entry.key}}: ${error ? restore(error.error) : 'no title, DOI or arXiv id'}` });
    } else digest.papers.push(paper);
  });
  if (digest.papers.length === 0 && library.errors[0]) throw new Error(restore(library.errors[0].error));
  return digest;
}

function entryPaper(entry: Entry): ParsedPaper {
  const field = (name: string): string => {
    const value: unknown = entry.fields[name];
    if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : '')).join(', ');
    return typeof value === 'string' ? plain(value) : '';
  };
  const archive = field('archiveprefix') || field('eprinttype');
  const eprint = field('eprint');
  const arxivId =
    (/arxiv/i.test(archive) || !archive ? normaliseArxivId(eprint) : null) ??
    arxivIdFromText([field('url'), field('journal'), field('note'), field('howpublished'), field('number')].join(' '));
  return referencePaper({
    title: field('title'),
    abstract: field('abstract'),
    authors: (entry.fields.author ?? []).map(creatorName).filter(Boolean),
    arxivId,
    doi: field('doi'),
    url: field('url'),
    date: field('date') || [field('year'), monthNumber(field('month'))].filter(Boolean).join('-'),
    category: field('primaryclass'),
    volume: field('volume'),
    edition: field('edition'),
    entryType: entry.type,
  });
}

function creatorName(creator: Creator): string {
  if (creator.name) return plain(creator.name);
  return plain([creator.firstName, creator.prefix, creator.lastName, creator.suffix].filter(Boolean).join(' '));
}

/** Drops the decoder's markup, then puts the file's own angle brackets back: text stays verbatim. */
function plain(value: string): string {
  // The decoder emits accents as combining marks; NFC makes "ö" one character again. `{\'\i}` is a
  // dotless i plus an accent, which has no composed form: the accented letter meant is a plain i's.
  return collapseSpace(restore(value.replace(/<\/?[a-z][^<>]*>/gi, '')))
    .replace(/\u0131(?=[\u0300-\u036f])/g, 'i')
    .replace(/\u0237(?=[\u0300-\u036f])/g, 'j')
    .normalize('NFC');
}

function restore(value: string): string {
  return value.replaceAll(LESS, '<').replaceAll(MORE, '>');
}

function monthNumber(month: string): string {
  const number = Number(month);
  return Number.isInteger(number) && number >= 1 && number <= 12 ? String(number).padStart(2, '0') : '';
}
