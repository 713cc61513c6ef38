import type { ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { arxivIdFromText, referencePaper } from './reference-paper.ts';
import { collapseSpace } from './text-fields.ts';
import { attributeOf, childElement, childElements, elementText, parseXmlRoot } from './xml-elements.ts';
import type { XmlElement } from './xml-elements.ts';

/** EndNote's XML export: `<xml><records><record>`, every value wrapped in `<style>` runs. */
export function looksLikeEndnoteXml(head: string): boolean {
  return /^<xml>\s*<records>\s*<record>/.test(head) || (/^<xml[\s>]/.test(head) && /<record>[\s\S]*?<(?:ref-type|rec-number|titles|contributors)[\s>]/.test(head));
}

export function parseEndnoteXml(text: string): ParsedDigest {
  const root = parseXmlRoot(text);
  const records = childElement(root, 'records');
  if (root.name !== 'xml' || !records) throw new Error('there is no <xml><records> element');
  const digest: ParsedDigest = { format: 'endnote-xml', digestDate: null, papers: [], skipped: [], warnings: [] };
  childElements(records, 'record').forEach((record, index) => {
    const paper = recordPaper(record);
    if (!paper.title && !paper.doi && !paper.arxivId) {
      digest.skipped.push({ index, reason: `record ${collapseSpace(elementText(childElement(record, 'rec-number'))) || `#${index + 1}`} has no title, DOI or arXiv id` });
    } else digest.papers.push(paper);
  });
  return digest;
}

function recordPaper(record: XmlElement): ParsedPaper {
  const text = (node: XmlElement | undefined) => collapseSpace(elementText(node));
  const titles = childElement(record, 'titles');
  const dates = childElement(record, 'dates');
  const urls = childElement(childElement(record, 'urls'), 'related-urls');
  const url = childElements(urls, 'url').map(text).find((candidate) => /^https?:\/\//i.test(candidate)) ?? '';
  const pubDate = text(childElement(childElement(dates, 'pub-dates'), 'date'));
  const year = text(childElement(dates, 'year'));
  const doiField = text(childElement(record, 'electronic-resource-num'));
  return referencePaper({
    title: text(childElement(titles, 'title')),
    abstract: text(childElement(record, 'abstract')),
    authors: childElements(childElement(childElement(record, 'contributors'), 'authors'), 'author').map((author) => givenNameFirst(text(author))),
    arxivId: arxivIdFromText([url, doiField, text(childElement(record, 'notes')), text(childElement(titles, 'secondary-title'))].join(' ')),
    doi: /10\.\d{4,9}\/\S+/.exec(doiField)?.[0] ?? '',
    url,
    date: isoLike(pubDate, year),
    category: '',
    volume: text(childElement(record, 'volume')),
    edition: text(childElement(record, 'edition')),
    entryType: attributeOf(childElement(record, 'ref-type'), 'name'),
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
