import { arxivIdFromDoi } from '../../papers/paper-identity.ts';
import { firstValidDoi } from './doi-in-url.ts';
import { reportRecordsRead } from './parsed-digest.ts';
import type { ParseContext, ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { arxivIdFromText, referencePaper } from './reference-paper.ts';
import { collapseSpace, textOf } from './text-fields.ts';

type Json = Record<string, unknown>;

// CSL's item types (citationstyles.org, CSL 1.0.2 schema): the value of `type` in every exported item.
const CSL_TYPES = new Set([
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter',
  'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event',
  'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map',
  'motion_picture', 'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical',
  'personal_communication', 'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software',
  'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage',
]);

/**
 * Positive evidence of CSL-JSON at the start of a file: an item `type` CSL defines, beside a field
 * only CSL spells that way (`issued`, `container-title`, `author` as family/given, upper-case `DOI`).
 */
export function looksLikeCslJson(head: string): boolean {
  const type = /"type"\s*:\s*"([a-z_-]+)"/.exec(head)?.[1];
  if (!type || !CSL_TYPES.has(type)) return false;
  return /"(?:issued|container-title|citation-key|DOI|URL|ISSN|ISBN|collection-title|publisher-place)"\s*:|"(?:family|given)"\s*:\s*"/.test(head);
}

/** The "CSL JSON" export of Zotero, Mendeley, Papers and Better BibTeX: an array of items. */
export function parseCslJson(text: string, context?: ParseContext): ParsedDigest {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`the JSON is cut off or malformed (${error instanceof Error ? error.message : String(error)})`);
  }
  const items = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.items) ? value.items : isObject(value) ? [value] : null;
  if (!items) throw new Error('the JSON holds no list of CSL items');
  const digest: ParsedDigest = { format: 'csl-json', digestDate: null, papers: [], skipped: [], warnings: [] };
  items.forEach((item: unknown, index) => {
    reportRecordsRead(context, index, items.length);
    const paper = isObject(item) ? cslPaper(item) : null;
    if (!paper) digest.skipped.push({ index, reason: 'item is not a CSL object' });
    else if (!paper.title && !paper.arxivId && !paper.doi) digest.skipped.push({ index, reason: `item ${textOf(isObject(item) ? item.id : '') || `#${index + 1}`} has no title, DOI or arXiv id` });
    else digest.papers.push(paper);
  });
  return digest;
}

function cslPaper(item: Json): ParsedPaper {
  const field = (name: string) => collapseSpace(textOf(item[name]));
  const url = field('URL');
  // Papers, Mendeley and citation.js write the DOI as a link ("https://doi.org/10.1000/C"), as BibTeX
  // and RIS exports do: the same clean-up, and arXiv's own DOIs give the arXiv id.
  const doi = firstValidDoi(field('DOI')) ?? '';
  return referencePaper({
    title: field('title'),
    abstract: field('abstract'),
    authors: Array.isArray(item.author) ? item.author.map(cslName).filter(Boolean) : [],
    // Zotero puts a preprint's id in `number` ("arXiv:2306.06918") and `note`; Better BibTeX in `URL`.
    arxivId: arxivIdFromText([url, field('number'), field('note'), field('archive_location'), field('container-title')].join(' ')) ?? arxivIdFromDoi(doi),
    doi,
    url,
    date: cslDate(item.issued),
    category: '',
    volume: field('volume'),
    edition: field('edition'),
    entryType: field('type'),
  });
}

/** `{family, given}`, `{literal}`, with particles (`non-dropping-particle`: "van") kept in the name. */
function cslName(name: unknown): string {
  if (!isObject(name)) return collapseSpace(textOf(name));
  const literal = collapseSpace(textOf(name.literal));
  if (literal) return literal;
  const family = [textOf(name['non-dropping-particle']), textOf(name.family)].filter(Boolean).join(' ');
  const given = [textOf(name.given), textOf(name['dropping-particle'])].filter(Boolean).join(' ');
  return collapseSpace([given, family, textOf(name.suffix)].filter(Boolean).join(' '));
}

/** `{"date-parts": [[2017, 6, 12]]}`, `{"raw": "2017-06-12"}` or `{"literal": "2017"}` → "2017-06-12". */
function cslDate(issued: unknown): string {
  if (!isObject(issued)) return textOf(issued);
  const parts = Array.isArray(issued['date-parts']) ? issued['date-parts'][0] : null;
  if (Array.isArray(parts) && parts.length) {
    return parts
      .slice(0, 3)
      .map((part, index) => (index === 0 ? textOf(part) : textOf(part).padStart(2, '0')))
      .join('-');
  }
  return textOf(issued.raw) || textOf(issued.literal);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
