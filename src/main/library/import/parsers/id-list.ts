import type { PaperLink } from '../../../../shared/domain.ts';
import { arxivIdFromDoi, normaliseArxivId, normaliseDoi } from '../../papers/paper-identity.ts';
import { doiFromUrl } from './doi-in-url.ts';
import { classifyLink, isHttpUrl } from './links-in-text.ts';
import { emptyPaper } from './parsed-digest.ts';
import type { ParseContext, ParsedDigest, ParsedPaper } from './parsed-digest.ts';

const OLD_ARCHIVES =
  'astro-ph|cond-mat|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math-ph|nlin|nucl-ex|nucl-th|physics|quant-ph|math|cs|q-bio|q-fin|stat|chao-dyn|solv-int|patt-sol|adap-org|comp-gas|chem-ph|alg-geom|dg-ga|funct-an|q-alg|acc-phys|ao-sci|atom-ph|bayes-an|plasm-ph|supr-con|mtrl-th';
// One pattern, alternatives in priority order, so a URL's id is not found again as a bare id.
const PAPER_REFERENCE = new RegExp(
  [
    String.raw`(?<url>https?:\/\/(?:www\.|export\.)?(?:arxiv\.org\/(?:abs|pdf|html)|huggingface\.co\/papers)\/(?<urlId>(?:${OLD_ARCHIVES})(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})(?:v\d+)?[^\s<>"'\])]*)`,
    String.raw`(?<doiUrl>https?:\/\/(?:dx\.)?doi\.org\/(?<doiInUrl>10\.\d{4,9}\/[^\s<>"'\]]+))`,
    // A publisher's page names its DOI: science.org/doi/10.1126/…, link.springer.com/article/10.1186/….
    String.raw`(?<publisherUrl>https?:\/\/[\w.-]+\/(?:[\w.-]+\/){0,4}?(?:doi\/(?:(?:abs|full|pdf|epdf|pdfdirect|fulltext|reader)\/)?|article\/|chapter\/|book\/|content\/pdf\/|document\/)(?<doiInPublisherUrl>10\.\d{4,9}\/[^\s<>"'\]?#]+))`,
    String.raw`(?<![\w.\/-])(?:arXiv:\s*)?(?<bareId>(?:${OLD_ARCHIVES})(?:\.[A-Z]{2})?\/\d{7}|\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?(?!\d|\.\d|\/)`,
    String.raw`(?<![\w\/.])(?:doi:\s*)?(?<bareDoi>10\.\d{4,9}\/[^\s<>"'\]]+)`,
  ].join('|'),
  'gi',
);

export interface PaperReference {
  arxivId: string | null;
  doi: string | null;
  url: string | null;
}

/** Every arXiv id, arXiv or Hugging Face paper URL and DOI in a text, in order, each once. */
export function paperReferencesIn(text: string, context?: ParseContext): PaperReference[] {
  const found: PaperReference[] = [];
  const seen = new Set<string>();
  let matches = 0;
  for (const match of text.matchAll(PAPER_REFERENCE)) {
    // Progress by position in the text: how many links there are is not known before the end.
    matches += 1;
    if (matches % 1024 === 0) context?.onRecordsRead?.(match.index / text.length);
    const groups = match.groups ?? {};
    const url = trimPunctuation(groups.url ?? groups.doiUrl ?? groups.publisherUrl ?? '') || null;
    const doiText = groups.doiInPublisherUrl ? doiFromUrl(trimPunctuation(groups.publisherUrl ?? '')) : trimPunctuation(groups.doiInUrl ?? groups.bareDoi ?? '');
    // arXiv's DOIs (10.48550/arXiv.2310.04959) are arXiv papers.
    const arxivId = normaliseArxivId(groups.urlId ?? groups.bareId) ?? arxivIdFromDoi(normaliseDoi(doiText));
    const doi = arxivId ? null : normaliseDoi(doiText);
    const key = arxivId ? `arxiv:${arxivId}` : doi ? `doi:${doi}` : null;
    if (!key || seen.has(key)) continue;
    seen.add(key);
    // An arXiv, Hugging Face or doi.org link matched with its host spelled out is a valid http(s) URL:
    // parsing it again (new URL, and its garbage) cost more than finding it.
    const knownHost = groups.url !== undefined || groups.doiUrl !== undefined;
    found.push({ arxivId, doi, url: url && (knownHost || isHttpUrl(url)) ? url : null });
  }
  return found;
}

/**
 * A list of links or ids, one per line or mixed into pasted prose. Each becomes a paper with an empty
 * title: the merge layer shows the id until a later digest brings the title.
 */
export function parseIdList(text: string, context?: ParseContext): ParsedDigest {
  const papers = paperReferencesIn(text, context).map(referencePaper);
  return { format: 'id-list', digestDate: null, papers, skipped: [], warnings: [] };
}

/** Mostly ids (at least every other line has one), or short pasted text with some in it. */
export function looksLikeIdList(text: string): boolean {
  const sample = text.slice(0, 20_000);
  const references = paperReferencesIn(sample).length;
  if (references === 0) return false;
  const lines = sample.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  return references * 2 >= lines.length || lines.every((line) => line.length <= 250);
}

function referencePaper(reference: PaperReference): ParsedPaper {
  const paper = emptyPaper('');
  paper.arxivId = reference.arxivId;
  paper.doi = reference.doi;
  const links: PaperLink[] = reference.url ? [{ kind: classifyLink(reference.url), url: reference.url }] : [];
  paper.links = links;
  return paper;
}

function trimPunctuation(text: string): string {
  return text.replace(/[.,;:!?)]+$/, '');
}
