import type { LinkKind, PaperLink } from '../../../../shared/domain.ts';
import { arxivIdFromDoi, normaliseArxivId, normaliseDoi } from '../../papers/paper-identity.ts';
import { doiFromUrl, withoutTrailingPunctuation } from './doi-in-url.ts';
import { classifyLink, isHttpUrl } from './links-in-text.ts';
import { emptyPaper } from './parsed-digest.ts';
import { withoutReferenceMarkup } from './reference-markup.ts';
import type { ParseContext, ParsedDigest, ParsedPaper } from './parsed-digest.ts';

const OLD_ARCHIVES =
  'astro-ph|cond-mat|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math-ph|nlin|nucl-ex|nucl-th|physics|quant-ph|math|cs|q-bio|q-fin|stat|chao-dyn|solv-int|patt-sol|adap-org|comp-gas|chem-ph|alg-geom|dg-ga|funct-an|q-alg|acc-phys|ao-sci|atom-ph|bayes-an|plasm-ph|supr-con|mtrl-th';
// One pattern, alternatives in priority order, so a URL's id is not found again as a bare id. Plain
// numbered groups (named ones cost an object per match, a tenth of reading a 5 MB list):
// 1 arXiv/HF URL, 2 its id; 3 doi.org URL, 4 its DOI; 5 publisher URL, 6 its DOI; 7 bare arXiv id; 8 bare DOI.
const PAPER_REFERENCE = new RegExp(
  [
    String.raw`(https?:\/\/(?:www\.|export\.)?(?:arxiv\.org\/(?:abs|pdf|html)|huggingface\.co\/papers)\/((?:${OLD_ARCHIVES})(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})(?:v\d+)?[^\s<>"'\])]*)`,
    String.raw`(https?:\/\/(?:dx\.)?doi\.org\/(10\.\d{4,9}\/[^\s<>"'\]]+))`,
    // A publisher's page names its DOI: science.org/doi/10.1126/…, link.springer.com/article/10.1186/….
    String.raw`(https?:\/\/[\w.-]+\/(?:[\w.-]+\/){0,4}?(?:doi\/(?:(?:abs|full|pdf|epdf|pdfdirect|fulltext|reader)\/)?|article\/|chapter\/|book\/|content\/pdf\/|document\/)(10\.\d{4,9}\/[^\s<>"'\]?#]+))`,
    String.raw`(?<![\w.\/-])(?:arXiv:\s*)?((?:${OLD_ARCHIVES})(?:\.[A-Z]{2})?\/\d{7}|\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?(?!\d|\.\d|\/)`,
    String.raw`(?<![\w\/.])(?:doi:\s*)?(10\.\d{4,9}\/[^\s<>"'\]]+)`,
  ].join('|'),
  'gi',
);

const ARXIV_PDF_URL = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/pdf\//i;

export interface PaperReference {
  arxivId: string | null;
  doi: string | null;
  url: string | null;
  /** The text of a Markdown link to the paper, when it reads as a title: "[Attention Is All You Need](…)". */
  title?: string;
  /** The link's kind when the pattern already knows it (arXiv, Hugging Face, doi.org): no second look. */
  kind?: LinkKind;
}

// Link texts that name the link, not the paper.
const NOT_A_TITLE = /^(?:\W*(?:pdf|paper|arxiv|abs|abstract|link|here|code|github|project(?: page)?|website|page|blog|demo|tweet|thread|video|slides|hf|hugging ?face|doi|preprint|full text|read|html)\W*)+$/i;

/**
 * "[Title](url)": the link text before the URL, if it reads as a title. A link named "Paper" or "PDF"
 * takes the bold title on the line above it instead, as lists written "- **Title**  \n venue, [Paper](url)"
 * have it, provided no other link comes between. Looks back at most 400 characters.
 */
function markdownLinkTitle(text: string, urlStart: number): string | undefined {
  if (text[urlStart - 1] !== '(' || text[urlStart - 2] !== ']') return undefined;
  const before = text.slice(Math.max(0, urlStart - 402), urlStart - 2);
  const open = before.lastIndexOf('[');
  if (open < 0) return undefined;
  const linkText = before.slice(open + 1);
  if (NOT_A_TITLE.test(linkText)) {
    // The bold text ends its line and the link is on the next, or nothing but brackets stand between
    // them ("- **GPTQ: …** [[Paper](…)]"): a newsletter's bold nickname followed by prose is not taken.
    const bold =
      /\*\*([^*\n[\]()]{8,300})\*\*[ \t]*(?:<br\s*\/?>)?[ \t]*\r?\n[^*[\]\n]*$/.exec(before.slice(0, open)) ??
      /\*\*([^*\n[\]()]{8,300})\*\*[ \t[(]*$/.exec(before.slice(0, open));
    return bold?.[1] ? plausibleTitle(bold[1]) : undefined;
  }
  return plausibleTitle(linkText);
}

/** `<a href="url">Title</a>`, as READMEs mixing HTML and saved reading lists write links. */
function anchorTitle(text: string, urlStart: number, urlEnd: number): string | undefined {
  if (!/href\s*=\s*["']?$/i.test(text.slice(Math.max(0, urlStart - 8), urlStart))) return undefined;
  const anchor = /^[^<>]{0,200}>([^]{1,400}?)<\/a>/i.exec(text.slice(urlEnd, urlEnd + 600));
  return anchor?.[1] ? plausibleTitle(anchor[1].replace(/<[^<>]{0,200}>/g, '')) : undefined;
}

function plausibleTitle(candidate: string): string | undefined {
  const title = withoutReferenceMarkup(candidate.replace(/\*\*|__|`/g, '')).replace(/^[^\p{L}\p{N}]+/u, '').replace(/\s+/g, ' ').trim();
  const plausible = title.length >= 8 && title.includes(' ') && !/[[\]\n]|https?:|:\/\//.test(title) && !NOT_A_TITLE.test(title);
  // Text that is itself a reference ("arXiv 2307.09288", "doi:10.1000/x") names the link, not the paper.
  return plausible && !/^(?:arxiv|doi)?[:\s]*(?:\d{4}\.\d{4,5}|10\.\d{4,9}\/)/i.test(title) ? title : undefined;
}

/** Every arXiv id, arXiv or Hugging Face paper URL and DOI in a text, in order, each once. */
export function paperReferencesIn(text: string, context?: ParseContext): PaperReference[] {
  const found: PaperReference[] = [];
  const seen = new Map<string, PaperReference>();
  let matches = 0;
  PAPER_REFERENCE.lastIndex = 0;
  for (let match = PAPER_REFERENCE.exec(text); match; match = PAPER_REFERENCE.exec(text)) {
    // Progress by position in the text: how many links there are is not known before the end.
    matches += 1;
    if (matches % 1024 === 0) context?.onRecordsRead?.(match.index / text.length);
    const [, arxivUrl, urlId, doiUrl, doiInUrl, publisherUrl, doiInPublisherUrl, bareId, bareDoi] = match;
    const url = trimPunctuation(arxivUrl ?? doiUrl ?? publisherUrl ?? '') || null;
    const doiText = doiInPublisherUrl ? doiFromUrl(trimPunctuation(publisherUrl ?? '')) : trimPunctuation(doiInUrl ?? bareDoi ?? '');
    // A new-style id from a URL is already canonical ("2401.00001"); anything else is normalised.
    // arXiv's DOIs (10.48550/arXiv.2310.04959) are arXiv papers.
    const arxivId = (urlId && urlId.charCodeAt(0) <= 57 ? urlId : normaliseArxivId(urlId ?? bareId)) ?? (doiText ? arxivIdFromDoi(normaliseDoi(doiText)) : null);
    const doi = arxivId || !doiText ? null : normaliseDoi(doiText);
    // arXiv ids and "doi:…" keys cannot collide: no prefix needed for the (many more) arXiv ones.
    const key = arxivId ?? (doi ? `doi:${doi}` : null);
    if (!key) continue;
    const title = url ? (markdownLinkTitle(text, match.index) ?? anchorTitle(text, match.index, match.index + match[0].length)) : undefined;
    const earlier = seen.get(key);
    if (earlier) {
      // A list may link a paper twice, its title only on the second link ("[PDF](…) … [Title](…)").
      if (title && !earlier.title) earlier.title = title;
      continue;
    }
    // An arXiv, Hugging Face or doi.org link matched with its host spelled out is a valid http(s) URL:
    // parsing it again (new URL, and its garbage) cost more than finding it.
    const knownHost = arxivUrl !== undefined || doiUrl !== undefined;
    const reference: PaperReference = { arxivId, doi, url: url && (knownHost || isHttpUrl(url)) ? url : null };
    if (title) reference.title = title;
    if (reference.url && arxivUrl) reference.kind = ARXIV_PDF_URL.test(arxivUrl) ? 'pdf' : arxivUrl.includes('huggingface.co') ? 'hf' : 'arxiv';
    else if (reference.url && doiUrl) reference.kind = 'doi';
    seen.set(key, reference);
    found.push(reference);
  }
  return found;
}

/**
 * A list of links or ids, one per line or mixed into pasted prose. Each becomes a paper titled by its
 * Markdown link text when that reads as a title (an awesome list's "[Attention Is All You Need](…)"),
 * else with an empty title: the merge layer shows the id until a later digest brings the title.
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
  const paper = emptyPaper(reference.title ?? '');
  paper.arxivId = reference.arxivId;
  paper.doi = reference.doi;
  const links: PaperLink[] = reference.url ? [{ kind: reference.kind ?? classifyLink(reference.url), url: reference.url }] : [];
  paper.links = links;
  return paper;
}

function trimPunctuation(text: string): string {
  // Most links end in a letter or digit: nothing to trim, no copy.
  return /[.,;:!?)]$/.test(text) ? withoutTrailingPunctuation(text) : text;
}
