import type { PaperLink } from '../../../../shared/domain.ts';
import { classifyLink, isHttpUrl, linksInText } from './links-in-text.ts';
import { emptyPaper, reportRecordsRead } from './parsed-digest.ts';
import type { ParseContext, ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { arxivIdFromUrl, collapseSpace, dayOf, isoDateOrNull, textOf } from './text-fields.ts';
import { attribute, childNode, childNodes, parseXmlDocument } from './xml-document.ts';

/** The arXiv API's Atom feed (`export.arxiv.org/api/query`): one `entry` per paper. */
export function parseArxivAtom(text: string, context?: ParseContext): ParsedDigest {
  const document = parseXmlDocument(text);
  const feed = childNode(document, 'feed');
  if (!feed) throw new Error('there is no Atom <feed> element');
  const digest: ParsedDigest = { format: 'arxiv-atom', digestDate: dayOf(isoDateOrNull(textOf(feed.updated))), papers: [], skipped: [], warnings: [] };
  const entries = childNodes(feed, 'entry');
  entries.forEach((entry, index) => {
    reportRecordsRead(context, index, entries.length);
    const paper = atomEntry(entry);
    // The API answers an unknown id with an entry titled "Error"; that is not a paper.
    if (collapseSpace(textOf(childNodes(entry, 'title')[0])).toLowerCase() === 'error') {
      digest.skipped.push({ index, reason: `the feed reports an error: ${collapseSpace(textOf(childNodes(entry, 'summary')[0])).slice(0, 120)}` });
    } else if (!paper.title && !paper.arxivId) {
      digest.skipped.push({ index, reason: 'entry has neither a title nor an arXiv id' });
    } else digest.papers.push(paper);
  });
  return digest;
}

function atomEntry(entry: unknown): ParsedPaper {
  const idUrl = collapseSpace(textOf(childNodes(entry, 'id')[0]));
  const paper = emptyPaper(collapseSpace(textOf(childNodes(entry, 'title')[0])));
  const abstract = collapseSpace(textOf(childNodes(entry, 'summary')[0]));
  paper.abstract = abstract;
  paper.arxivId = arxivIdFromUrl(idUrl);
  paper.authors = childNodes(entry, 'author')
    .map((author) => collapseSpace(textOf(childNodes(author, 'name')[0])))
    .filter(Boolean);
  paper.publishedAt = isoDateOrNull(textOf(childNodes(entry, 'published')[0])) ?? isoDateOrNull(textOf(childNodes(entry, 'updated')[0]));
  paper.doi = collapseSpace(textOf(childNodes(entry, 'doi')[0])) || null;
  paper.primaryCategory = attribute(childNode(entry, 'primary_category'), 'term') || attribute(childNodes(entry, 'category')[0], 'term') || null;
  paper.links = entryLinks(entry, abstract, textOf(childNodes(entry, 'comment')[0]));
  return paper;
}

function entryLinks(entry: unknown, abstract: string, comment: string): PaperLink[] {
  const links: PaperLink[] = [];
  for (const link of childNodes(entry, 'link')) {
    const href = attribute(link, 'href');
    if (!isHttpUrl(href)) continue;
    const isPdf = attribute(link, 'title') === 'pdf' || attribute(link, 'type') === 'application/pdf';
    links.push({ kind: isPdf ? 'pdf' : classifyLink(href), url: href });
  }
  // Authors put project pages and code in the abstract or the comment ("Project page: …").
  for (const link of [...linksInText(abstract), ...linksInText(comment)]) {
    if (!links.some((known) => known.url === link.url)) links.push(link);
  }
  return links;
}
