import { parseHfPapersHtml } from './hf-papers-html.ts';
import { parseIdList } from './id-list.ts';
import type { ParsedDigest } from './parsed-digest.ts';

/**
 * HTML that is not a Hugging Face page but a reading list (a GitHub README opening with
 * `<div align="center">`, a bookmarks page): when no paper card is found, the paper links it holds
 * are read, as a list of links would be.
 */
export function parseHtmlOrItsLinks(text: string): ParsedDigest {
  const page = parseHfPapersHtml(text);
  if (page.papers.length) return page;
  const links = parseIdList(text);
  if (links.papers.length === 0) return page;
  return {
    ...links,
    warnings: [`No Hugging Face paper cards were found in this HTML, so the ${links.papers.length} arXiv, Hugging Face and DOI links it holds were read instead.`],
  };
}
