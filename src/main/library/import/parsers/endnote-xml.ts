import type { ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { arxivIdFromText, referencePaper } from './reference-paper.ts';
import { collapseSpace } from './text-fields.ts';
import { attribute, childNode, childNodes, parseXmlDocument } from './xml-document.ts';
import type { XmlNode } from './xml-document.ts';
import { deepText } from './xml-text.ts';

/** EndNote's XML export: `<xml><records><record>`, every value wrapped in `<style>` runs. */
export function looksLikeEndnoteXml(head: string): boolean {
  return /^<xml>\s*<records>\s*<record>/.test(head) || (/^<xml[\s>]/.test(head) && /<record>[\s\S]*?<(?:ref-type|rec-number|titles|contributors)[\s>]/.test(head));
}

export function parseEndnoteXml(text: string): ParsedDigest {
  const document = parseXmlDocument(text);
  const records = childNode(childNode(document, 'xml'), 'records');
  if (!records) throw new Error('there is no <xml><records> element');
  const digest: ParsedDigest = { format: 'endnote-xml', digestDate: null, papers: [], skipped: [], warnings: [] };
  childNodes(records, 'record').forEach((record, index) => {
    const paper = recordPaper(record as XmlNode);
    if (!paper.title && !paper.doi && !paper.arxivId) {
      digest.skipped.push({ index, reason: `record ${collapseSpace(deepText(childNodes(record, 'rec-number')[0])) || `#${index + 1}`} has no title, DOI or arXiv id` });
    } else digest.papers.push(paper);
  });
  return digest;
}

function recordPaper(record: XmlNode): ParsedPaper {
  const text = (node: unknown) => collapseSpace(deepText(node));
  const titles = childNode(record, 'titles');
  const dates = childNode(record, 'dates');
  const urls = childNode(childNode(record, 'urls'), 'related-urls');
  const url = childNodes(urls, 'url').map(text).find((candidate) => /^https?:\/\//i.test(candidate)) ?? '';
  const pubDate = text(childNodes(childNode(dates, 'pub-dates'), 'date')[0]);
  const year = text(childNodes(dates, 'year')[0]);
  const doiField = text(childNodes(record, 'electronic-resource-num')[0]);
  return referencePaper({
    title: text(childNodes(titles, 'title')[0]),
    abstract: text(childNodes(record, 'abstract')[0]),
    authors: childNodes(childNode(childNode(record, 'contributors'), 'authors'), 'author').map((author) => givenNameFirst(text(author))),
    arxivId: arxivIdFromText([url, doiField, text(childNodes(record, 'notes')[0]), text(childNodes(titles, 'secondary-title')[0])].join(' ')),
    doi: /10\.\d{4,9}\/\S+/.exec(doiField)?.[0] ?? '',
    url,
    date: isoLike(pubDate, year),
    category: '',
    volume: text(childNodes(record, 'volume')[0]),
    edition: text(childNodes(record, 'edition')[0]),
    entryType: attribute(childNodes(record, 'ref-type')[0], 'name'),
  });
}

/** EndNote writes "Vaswani, Ashish"; Sift shows names given name first. */
function givenNameFirst(name: string): string {
  const [family, given, suffix] = name.split(',').map((part) => part.trim());
  return given ? [given, family, suffix].filter(Boolean).join(' ') : name;
}

/** A pub-date EndNote wrote as ISO ("2017-06-12") when it has one, else the year. */
function isoLike(pubDate: string, year: string): string {
  if (/^\d{4}-\d{1,2}(?:-\d{1,2})?/.test(pubDate) && pubDate.startsWith(year)) return pubDate;
  return year;
}
