import { DomUtils, parseDocument } from 'htmlparser2';
import type { PaperLink } from '../../../../shared/domain.ts';
import { classifyLink, isHttpUrl, linksInText } from './links-in-text.ts';
import { emptyPaper } from './parsed-digest.ts';
import type { ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { arxivIdFromUrl, collapseSpace, dayOf, isoDateOrNull, textOf } from './text-fields.ts';

type Json = Record<string, unknown>;

/** JSON Feed (jsonfeed.org) names its version by URL in the first bytes. */
export function looksLikeJsonFeed(head: string): boolean {
  return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\/1(?:\.\d+)?\/?"/.test(head);
}

/** JSON Feed 1 and 1.1, as the sites that republish the Hugging Face daily list publish it. */
export function parseJsonFeed(text: string): ParsedDigest {
  let feed: unknown;
  try {
    feed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`the JSON is cut off or malformed (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isObject(feed) || !Array.isArray(feed.items)) throw new Error('the feed has no "items" list');
  const digest: ParsedDigest = { format: 'json-feed', digestDate: null, papers: [], skipped: [], warnings: [] };
  feed.items.forEach((item: unknown, index) => {
    const paper = isObject(item) ? feedPaper(item) : null;
    if (!paper) digest.skipped.push({ index, reason: 'item is not an object' });
    else if (!paper.title && !paper.arxivId) digest.skipped.push({ index, reason: 'item has neither a title nor an arXiv link' });
    else {
      digest.papers.push(paper);
      digest.digestDate ??= paper.sectionDate;
    }
  });
  return digest;
}

function feedPaper(item: Json): ParsedPaper {
  const urls = [textOf(item.url), textOf(item.external_url), textOf(item.id)].map(collapseSpace).filter(isHttpUrl);
  const contentText = textOf(item.content_text) || htmlText(textOf(item.content_html));
  const summary = htmlText(textOf(item.summary));
  const paper = emptyPaper(htmlText(textOf(item.title)));
  paper.abstract = contentText.length >= summary.length ? contentText : summary;
  paper.arxivId = urls.map(arxivIdFromUrl).find(Boolean) ?? arxivIdFromUrl(textOf(item.content_html)) ?? null;
  // 1.1 has `authors`; 1.0 had a single `author`. The feed's own author is its publisher, not the paper's.
  paper.authors = namesOf(item.authors ?? item.author);
  paper.publishedAt = isoDateOrNull(textOf(item.date_published));
  paper.sectionDate = dayOf(paper.publishedAt);
  const links: PaperLink[] = [];
  for (const url of [...urls, ...linksInText(contentText).map((link) => link.url)]) {
    if (!links.some((link) => link.url === url)) links.push({ kind: classifyLink(url), url });
  }
  paper.links = links;
  return paper;
}

function namesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.map((author) => collapseSpace(isObject(author) ? textOf(author.name) : textOf(author))).filter(Boolean);
}

/** Text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed. */
function htmlText(html: string): string {
  if (!/[<&]/.test(html)) return collapseSpace(html);
  return collapseSpace(DomUtils.textContent(parseDocument(html, { decodeEntities: true })));
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
