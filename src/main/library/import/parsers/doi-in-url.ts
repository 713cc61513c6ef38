// DOIs where people keep them: a bare DOI, a doi.org link, or inside a publisher's URL
// (`science.org/doi/10.1126/…`, `onlinelibrary.wiley.com/doi/abs/10.1002/…`, `dl.acm.org/doi/10.1145/…`,
// `link.springer.com/article/10.1186/…`, `ieeexplore.ieee.org/…/10.1109/…`).

const DOI_BODY = String.raw`10\.\d{4,9}\/[^\s<>"'\]?#]+`;
/** A DOI in a URL's path: after doi.org/, after a /doi/ segment (abs, full, pdf…), or after a Springer-style type. */
export const DOI_IN_URL = new RegExp(
  String.raw`^(?:https?:\/\/)?(?:[\w-]+\.)*[\w-]+\.[a-z]{2,}(?::\d+)?\/(?:[^\s?#]*?\/)?(?:doi\/(?:(?:abs|full|pdf|epdf|pdfdirect|fulltext|reader|book|chapter|epub)\/)?|article\/|chapter\/|book\/|content\/pdf\/|)(${DOI_BODY})`,
  'i',
);
/** Real URLs are short; a megabyte "URL" is an attack on the pattern below, not a link. */
const MAX_URL_LENGTH = 4000;
const BARE_DOI = new RegExp(String.raw`^(?:doi:\s*)?(${DOI_BODY})$`, 'i');

/** The DOI a URL names, or null. Trailing ".pdf", "/abstract", "/full" and punctuation are not part of it. */
export function doiFromUrl(url: string): string | null {
  if (url.length > MAX_URL_LENGTH) return null;
  const match = DOI_IN_URL.exec(url.trim());
  return match?.[1] ? cleanDoi(match[1]) : null;
}

/**
 * The first valid DOI in a field that may hold several ("10.1/a, 10.1/b" for a paper and its erratum),
 * a doi.org link, or a publisher URL. The DOI's own case is kept.
 */
export function firstValidDoi(field: string): string | null {
  for (const part of field.split(/[\s,;]+/)) {
    if (!part || part.length > MAX_URL_LENGTH) continue;
    const bare = BARE_DOI.exec(part);
    const doi = bare?.[1] ? cleanDoi(bare[1]) : doiFromUrl(part);
    if (doi) return doi;
  }
  return null;
}

function cleanDoi(doi: string): string | null {
  const cleaned = decodeURIComponentSafe(doi).replace(/(?:\.pdf|\/(?:abstract|full|pdf|epdf|fulltext|html|meta|references|figures))+$/i, '');
  const trimmed = withoutTrailingPunctuation(cleaned);
  return /^10\.\d{4,9}\/\S+$/.test(trimmed) ? trimmed : null;
}

/**
 * Sentence punctuation and a ")" that closes a bracket opened before the DOI come off; a DOI's own
 * balanced brackets stay: "10.30848/PJB2023-4(30)" (Web of Science) and "10.1016/0022-2836(81)90087-5".
 */
export function withoutTrailingPunctuation(text: string): string {
  let unmatched = count(text, ')') - count(text, '(');
  let end = text.length;
  for (; end > 0; end -= 1) {
    const char = text[end - 1] ?? '';
    if (char === ')' && unmatched > 0) unmatched -= 1;
    else if (!'.,;:!?'.includes(char)) break;
  }
  return text.slice(0, end);
}

function count(text: string, char: string): number {
  let found = 0;
  for (let index = text.indexOf(char); index >= 0; index = text.indexOf(char, index + 1)) found += 1;
  return found;
}

function decodeURIComponentSafe(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
