import type { PaperLink } from '../../../../shared/domain.ts';
import { classifyLink, isHttpUrl, linksInText } from './links-in-text.ts';
import { emptyPaper, reportRecordsRead } from './parsed-digest.ts';
import type { ParseContext, ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { normaliseArxivId } from '../../papers/paper-identity.ts';
import { texToUnicode } from './tex-to-unicode.ts';
import { arxivIdFromUrl, collapseSpace, dayOf, isoDateOrNull, splitAuthorList, textOf } from './text-fields.ts';
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
  paper.arxivId = arxivIdFromUrl(idUrl) ?? arxivIdFromEntryId(idUrl) ?? firstArxivLink(entry);
  paper.authors = entryAuthors(entry);
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

// Feeds that republish arXiv papers (python-feedgen digests and the like) are Atom too, written their
// own way: the id is "arxiv:2601.02610:digest-v1" or a page of theirs, the arXiv page is a link, and all
// authors share one <name> as arXiv's listing prints them ("Zijun Gao, Etienne Roquain, Daniel Xiang",
// with TeX: "Kolst{\o}"). A real one (226 papers) came in without arXiv ids, each with one "author".

/** "arxiv:2601.02610:hepml-v1", "arXiv:hep-th/9901001" → the id. */
function arxivIdFromEntryId(id: string): string | null {
  const match = /^arxiv:([a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})/i.exec(id);
  return match?.[1] ? normaliseArxivId(match[1]) : null;
}

function firstArxivLink(entry: unknown): string | null {
  for (const link of childNodes(entry, 'link')) {
    const id = arxivIdFromUrl(attribute(link, 'href'));
    if (id) return id;
  }
  return null;
}

/** One <author> per person, as arXiv writes them; one <name> holding a list is split into people. */
function entryAuthors(entry: unknown): string[] {
  const names = childNodes(entry, 'author')
    .map((author) => collapseSpace(textOf(childNodes(author, 'name')[0])))
    .filter(Boolean);
  const listed = names.length === 1 && /, \S|\sand\s/.test(names[0] ?? '') ? splitAuthorList(names[0] ?? '') : names;
  return listed.map((name) => (/[\\{]/.test(name) ? collapseSpace(texToUnicode(name)) : name));
}
