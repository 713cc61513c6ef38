import type { LinkKind, PaperLink } from '../../../../shared/domain.ts';

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`\]]+/gi;
const CODE_HOSTS = /^(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|huggingface\.co\/spaces|colab\.research\.google\.com)/i;

/** Finds the links written into an abstract (code, project pages), trailing punctuation removed. */
export function linksInText(text: string): PaperLink[] {
  const links: PaperLink[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = trimUrl(match[0]);
    if (!isHttpUrl(url) || seen.has(url)) continue;
    seen.add(url);
    links.push({ kind: classifyLink(url), url });
  }
  return links;
}

export function classifyLink(url: string): LinkKind {
  const rest = url.replace(/^https?:\/\//i, '');
  if (/^(?:www\.|export\.)?arxiv\.org\/pdf\//i.test(rest)) return 'pdf';
  if (/^(?:www\.|export\.)?arxiv\.org\//i.test(rest)) return 'arxiv';
  if (/^(?:dx\.)?doi\.org\//i.test(rest)) return 'doi';
  if (CODE_HOSTS.test(rest)) return 'code';
  if (/^(?:www\.)?huggingface\.co\/papers\//i.test(rest)) return 'hf';
  return 'project';
}

/**
 * The shape nearly every link has: http(s), a host of plain labels whose last one starts with a letter
 * (so it is not an IPv4 address, which the URL parser could refuse), then nothing, a path, a query or a
 * fragment (which the parser encodes, never refuses). Such a link needs no URL parse: imports check
 * hundreds of thousands of links, and `new URL` was a large part of reading a big file.
 */
const PLAIN_HTTP_URL = /^https?:\/\/(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*(?:[/?#]|$)/i;

export function isHttpUrl(candidate: string): boolean {
  if (PLAIN_HTTP_URL.test(candidate)) return true;
  try {
    const url = new URL(candidate);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** Sentences end links with "." or ")"; keep a ")" only when the URL opened one. */
function trimUrl(raw: string): string {
  let url = raw.replace(/[.,;:!?]+$/, '');
  while (url.endsWith(')') && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) {
    url = url.slice(0, -1).replace(/[.,;:!?]+$/, '');
  }
  return url;
}
