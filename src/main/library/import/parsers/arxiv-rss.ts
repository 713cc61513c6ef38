import { linksInText } from './links-in-text.ts';
import { emptyPaper } from './parsed-digest.ts';
import type { ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { arxivIdFromUrl, collapseSpace, dayOf, isoDateOrNull, splitAuthorList, textOf } from './text-fields.ts';
import { childNode, childNodes, parseXmlDocument } from './xml-document.ts';
import type { XmlNode } from './xml-document.ts';
import { normaliseArxivId } from '../../papers/paper-identity.ts';

// "arXiv:2609.26811v1 Announce Type: new \nAbstract: …" — the 2024+ arXiv RSS description.
const ANNOUNCE = /^\s*arXiv:(\S+)\s+Announce Type:\s*[\w-]+\s*(?:Abstract:\s*)?/i;

/** arXiv's RSS listing feed (RSS 2.0, or the older RSS 1.0/RDF one): one `item` per paper. */
export function parseArxivRss(text: string): ParsedDigest {
  const document = parseXmlDocument(text);
  const root = childNode(document, 'rss') ?? childNode(document, 'RDF');
  if (!root) throw new Error('there is no <rss> element');
  const channel = childNode(root, 'channel');
  // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
  const items = [...childNodes(channel, 'item'), ...childNodes(root, 'item')];
  const dateText = textOf(channel?.pubDate) || textOf(channel?.lastBuildDate) || textOf(childNode(channel, 'date'));
  const digest: ParsedDigest = { format: 'arxiv-rss', digestDate: dayOf(isoDateOrNull(dateText)), papers: [], skipped: [], warnings: [] };
  items.forEach((item, index) => {
    const paper = rssItem(item as XmlNode);
    if (!paper.title && !paper.arxivId) digest.skipped.push({ index, reason: 'item has neither a title nor an arXiv id' });
    else digest.papers.push(paper);
  });
  return digest;
}

function rssItem(item: XmlNode): ParsedPaper {
  // Old feeds suffix titles with "(arXiv:2401.00001v1 [cs.LG])", "… UPDATED)" or "… CROSS LISTED)".
  const rawTitle = collapseSpace(textOf(item.title));
  const titleSuffix = /\s*\(arXiv:(\S+?)(?:\s+\[([^\]]+)\])?(?:\s+[A-Za-z][A-Za-z -]*)?\)\s*$/.exec(rawTitle);
  // Those feeds also end the title itself with a full stop before the suffix: "Title. (arXiv:…)".
  const paper = emptyPaper(titleSuffix ? rawTitle.slice(0, titleSuffix.index).replace(/(?<=[\p{L}\d)])\.$/u, '') : rawTitle);
  const description = textOf(item.description);
  const announce = ANNOUNCE.exec(description);
  paper.abstract = collapseSpace(stripTags(announce ? description.slice(announce[0].length) : description));
  const link = collapseSpace(textOf(childNodes(item, 'link')[0]));
  paper.arxivId =
    normaliseArxivId(announce?.[1]) ?? normaliseArxivId(titleSuffix?.[1]) ?? arxivIdFromUrl(link) ?? arxivIdFromUrl(textOf(item.guid));
  paper.authors = childNodes(item, 'creator').flatMap((creator) => splitAuthorList(stripTags(textOf(creator))));
  paper.doi = collapseSpace(textOf(item.DOI ?? item.doi)) || null;
  paper.primaryCategory = collapseSpace(textOf(childNodes(item, 'category')[0])) || titleSuffix?.[2] || null;
  paper.publishedAt = isoDateOrNull(textOf(item.pubDate) || textOf(item.date));
  paper.links = [...(link ? [{ kind: 'arxiv' as const, url: link }] : []), ...linksInText(paper.abstract)].filter(
    (candidate, index, all) => all.findIndex((other) => other.url === candidate.url) === index,
  );
  return paper;
}

/** Old arXiv RSS wrapped abstracts and author lists in <p> and <a> markup, escaped inside the XML text. */
function stripTags(text: string): string {
  return /<\/?(?:p|a|br)\b[^>]*>/i.test(text) ? text.replace(/<\/?(?:p|a|br)\b[^>]*>/gi, ' ') : text;
}
