import { normaliseArxivId } from '../../papers/paper-identity.ts';
import { linksInText } from './links-in-text.ts';
import { emptyPaper } from './parsed-digest.ts';
import type { ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { collapseSpace, dayOf, isoDateOrNull, splitAuthorList } from './text-fields.ts';
import { attributeOf, childElement, childElements, elementText, parseXmlRoot } from './xml-elements.ts';
import type { XmlElement } from './xml-elements.ts';

/** An OAI-PMH response from arXiv in its own metadata formats (`arXiv`, `arXivRaw`). */
export function looksLikeArxivOai(head: string): boolean {
  return /^<OAI-PMH[\s>]/.test(head) && (/<arXiv(?:Raw)?[\s>]/.test(head) || /metadataPrefix=["']arXiv(?:Raw)?["']/.test(head));
}

export function parseArxivOai(text: string): ParsedDigest {
  const root = parseXmlRoot(text);
  if (root.name !== 'OAI-PMH') throw new Error('there is no OAI-PMH element');
  const error = childElement(root, 'error');
  if (error) throw new Error(`the OAI-PMH server answered with an error: ${attributeOf(error, 'code')} ${collapseSpace(elementText(error))}`.trim());
  const digest: ParsedDigest = {
    format: 'arxiv-oai',
    digestDate: dayOf(isoDateOrNull(collapseSpace(elementText(childElement(root, 'responseDate'))))),
    papers: [],
    skipped: [],
    warnings: [],
  };
  const list = childElement(root, 'ListRecords') ?? childElement(root, 'GetRecord');
  childElements(list, 'record').forEach((record, index) => {
    const header = childElement(record, 'header');
    if (attributeOf(header, 'status') === 'deleted') {
      digest.skipped.push({ index, reason: `${collapseSpace(elementText(childElement(header, 'identifier')))} was withdrawn (deleted record)` });
      return;
    }
    const metadata = childElement(record, 'metadata');
    const raw = childElement(metadata, 'arXivRaw');
    const full = childElement(metadata, 'arXiv');
    const paper = raw ? oaiPaper(raw, true) : full ? oaiPaper(full, false) : null;
    if (!paper?.arxivId) digest.skipped.push({ index, reason: 'record has no arXiv or arXivRaw metadata with an id' });
    else digest.papers.push(paper);
  });
  if (collapseSpace(elementText(childElement(list, 'resumptionToken')))) {
    digest.warnings.push('This is one page of a longer OAI-PMH listing (it ends with a resumption token); the other pages are separate files.');
  }
  return digest;
}

function oaiPaper(node: XmlElement, raw: boolean): ParsedPaper {
  const one = (name: string) => collapseSpace(elementText(childElement(node, name)));
  const id = normaliseArxivId(one('id'));
  const paper = emptyPaper(one('title'));
  paper.arxivId = id;
  paper.abstract = one('abstract');
  paper.authors = raw ? splitAuthorList(one('authors')) : structuredAuthors(node);
  paper.doi = one('doi').split(/\s+/)[0] || null;
  paper.primaryCategory = one('categories').split(' ')[0] || null;
  // arXivRaw dates each version ("Mon, 2 Apr 2007 19:18:42 GMT"); the first is the submission.
  paper.publishedAt = raw ? isoDateOrNull(collapseSpace(elementText(childElement(childElement(node, 'version'), 'date')))) : isoDateOrNull(one('created'));
  paper.links = id ? [{ kind: 'arxiv', url: `https://arxiv.org/abs/${id}` }, ...linksInText(`${paper.abstract} ${one('comments')}`)] : [];
  return paper;
}

/** `<authors><author><keyname>Balázs</keyname><forenames>C.</forenames><suffix>Jr</suffix></author>`. */
function structuredAuthors(node: XmlElement): string[] {
  return childElements(childElement(node, 'authors'), 'author')
    .map((author) => collapseSpace(['forenames', 'keyname', 'suffix'].map((part) => elementText(childElement(author, part))).join(' ')))
    .filter(Boolean);
}
