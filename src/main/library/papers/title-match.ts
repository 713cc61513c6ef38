// When two records share only a normalised title, are they the same work? Only when nothing known
// about them disagrees, and never for titles that many unrelated works carry. Pure, so import,
// restore and tests agree.
import { arxivIdFromDoi } from './paper-identity.ts';

export interface TitleMatchFacts {
  titleKey: string;
  arxivId: string | null;
  doi: string | null;
  publishedAt: string | null;
  authors: readonly string[];
  volume: string | null;
  edition: string | null;
  entryType: string | null;
}

// Normalised (see normaliseTitle). Front and back matter, notices and replies: titles of many works.
const GENERIC_TITLES = new Set([
  'introduction', 'preface', 'foreword', 'editorial', 'editorial board', 'editors note', 'editor s note', 'guest editorial',
  'table of contents', 'contents', 'index', 'author index', 'subject index', 'reply', 'authors reply', 'author s reply',
  'response', 'erratum', 'errata', 'corrigendum', 'correction', 'corrections', 'retraction', 'book review', 'book reviews',
  'conclusion', 'conclusions', 'abstract', 'abstracts', 'front matter', 'back matter', 'frontmatter', 'backmatter',
  'acknowledgments', 'acknowledgements', 'acknowledgment', 'acknowledgement', 'letter to the editor', 'letters to the editor',
  'commentary', 'discussion', 'summary', 'overview', 'appendix', 'references', 'bibliography', 'glossary', 'epilogue',
  'prologue', 'afterword', 'in memoriam', 'obituary', 'announcement', 'announcements', 'news', 'correspondence',
  'title page', 'cover', 'masthead', 'list of contributors', 'contributors', 'reviewers', 'call for papers', 'untitled',
]);

/** "Introduction", "1. Introduction", "Chapter 3: Conclusion": titles that never identify a work alone. */
export function isGenericTitle(titleKey: string): boolean {
  const bare = titleKey.replace(/^(?:(?:chapter|part|section)\s+)?(?:\d+|[ivxlc]+)?\s*/, '');
  return GENERIC_TITLES.has(titleKey) || GENERIC_TITLES.has(bare);
}

/**
 * Why two records with the same title are not the same work, or null when nothing known disagrees.
 * Unknown values never conflict: a bare title from a link list still merges with its full record.
 */
export function titleMatchConflict(incoming: TitleMatchFacts, existing: TitleMatchFacts): string | null {
  if (isGenericTitle(incoming.titleKey)) return 'the title is one many works share';
  const incomingArxiv = incoming.arxivId ?? arxivIdFromDoi(incoming.doi);
  const existingArxiv = existing.arxivId ?? arxivIdFromDoi(existing.doi);
  if (incomingArxiv && existingArxiv && incomingArxiv !== existingArxiv) return 'different arXiv ids';
  const incomingDoi = publisherDoi(incoming.doi);
  const existingDoi = publisherDoi(existing.doi);
  if (incomingDoi && existingDoi && incomingDoi !== existingDoi) return 'different DOIs';
  const incomingYear = yearOf(incoming.publishedAt);
  const existingYear = yearOf(existing.publishedAt);
  if (incomingYear && existingYear && Math.abs(incomingYear - existingYear) > 1) return 'years more than one apart';
  if (differ(volumeKey(incoming.volume), volumeKey(existing.volume))) return 'different volumes';
  if (differ(editionKey(incoming.edition), editionKey(existing.edition))) return 'different editions';
  if (differ(entryKind(incoming.entryType), entryKind(existing.entryType))) return 'different kinds of work';
  const incomingFamily = familyName(incoming.authors[0]);
  const existingFamily = familyName(existing.authors[0]);
  if (incomingFamily && existingFamily && !incomingFamily.includes(existingFamily) && !existingFamily.includes(incomingFamily)) {
    return 'different first authors';
  }
  return null;
}

const differ = (a: string | null, b: string | null) => a !== null && b !== null && a !== b;

/** arXiv's own DOIs name the preprint, not a publication: they are compared as arXiv ids instead. */
function publisherDoi(doi: string | null): string | null {
  return doi && !arxivIdFromDoi(doi) ? doi.toLowerCase() : null;
}

function yearOf(date: string | null): number | null {
  const match = date ? /^(\d{4})/.exec(date) : null;
  return match?.[1] ? Number(match[1]) : null;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10, xi: 11, xii: 12 };
const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** "Vol. II", "2", "volume 2" → "2". */
function volumeKey(volume: string | null): string | null {
  const text = (volume ?? '').toLowerCase().replace(/\b(?:vol(?:ume)?|v|no|part|pt)\b\.?/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
  if (!text) return null;
  return ROMAN[text] !== undefined ? String(ROMAN[text]) : text;
}

/** "2nd ed.", "Second edition", "2" → "2". */
function editionKey(edition: string | null): string | null {
  const text = (edition ?? '').toLowerCase().replace(/\b(?:ed(?:ition)?|edn)\b\.?/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
  if (!text) return null;
  const number = /^(\d+)(?:st|nd|rd|th)?\b/.exec(text)?.[1];
  if (number) return String(Number(number));
  const word = ORDINAL_WORDS.findIndex((ordinal) => text.startsWith(ordinal));
  return word >= 0 ? String(word + 1) : text;
}

// Every manager's type words (BibTeX, RIS, CSL, Zotero, EndNote, MEDLINE), squeezed to letters, grouped
// into kinds that are never the same work: an article and its preprint or report are one kind.
const KINDS: Record<string, string> = {};
const group = (kind: string, words: string) => words.split(' ').forEach((word) => (KINDS[word] = kind));
group('book', 'book mvbook booklet ebook edbook editedbook monograph collection mvcollection proceedings mvproceedings electronicbook classicalwork');
group('chapter', 'chapter inbook incollection booksection bookitem electronicbooksection bookchapter chap echap inreference');
group('thesis', 'thesis phdthesis mastersthesis thes dissertation');
group('paper', 'article articlejournal articlemagazine articlenewspaper journalarticle electronicarticle preprint inproceedings conference conferencepaper paperconference proceedingspaper cpaper conf conferenceproceedings jour ejour mgzn news unpublished manuscript report techreport rprt misc review editorial letter comment');

function entryKind(type: string | null): string | null {
  return type ? (KINDS[type.toLowerCase().replace(/[^a-z]/g, '')] ?? null) : null;
}

/** "Vaswani, Ashish" and "Ashish Vaswani" → "vaswani"; suffixes and accents dropped. */
function familyName(author: string | undefined): string | null {
  if (!author) return null;
  const name = author.includes(',') ? (author.split(',')[0] ?? '') : (author.trim().split(/\s+/).filter((part) => !/^(?:jr|sr|ii|iii|iv)\.?$/i.test(part)).at(-1) ?? '');
  const key = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}]/gu, '');
  return key.length >= 2 ? key : null;
}
