import { normaliseArxivId } from '../../papers/paper-identity.ts';
import { linksInText } from './links-in-text.ts';
import { emptyPaper } from './parsed-digest.ts';
import type { ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { collapseSpace, dayOf, isoDateOrNull, splitAuthorList } from './text-fields.ts';
import { attribute, childNode, childNodes, parseXmlDocument } from './xml-document.ts';
import type { XmlNode } from './xml-document.ts';
import { deepText } from './xml-text.ts';

/** An OAI-PMH response from arXiv in its own metadata formats (`arXiv`, `arXivRaw`). */
export function looksLikeArxivOai(head: string): boolean {
  return /^<OAI-PMH[\s>]/.test(head) && (/<arXiv(?:Raw)?[\s>]/.test(head) || /metadataPrefix=["']arXiv(?:Raw)?["']/.test(head));
}

export function parseArxivOai(text: string): ParsedDigest {
  const document = parseXmlDocument(text);
  const root = childNode(document, 'OAI-PMH');
  if (!root) throw new Error('there is no OAI-PMH element');
  const error = childNodes(root, 'error')[0];
  if (error !== undefined) throw new Error(`the OAI-PMH server answered with an error: ${attribute(error, 'code')} ${collapseSpace(deepText(error))}`.trim());
  const digest: ParsedDigest = {
    format: 'arxiv-oai',
    digestDate: dayOf(isoDateOrNull(collapseSpace(deepText(childNodes(root, 'responseDate')[0])))),
    papers: [],
    skipped: [],
    warnings: [],
  };
  const list = childNode(root, 'ListRecords') ?? childNode(root, 'GetRecord');
  childNodes(list, 'record').forEach((record, index) => {
    const header = childNode(record, 'header');
    if (attribute(header, 'status') === 'deleted') {
      digest.skipped.push({ index, reason: `${collapseSpace(deepText(childNodes(header, 'identifier')[0]))} was withdrawn (deleted record)` });
      return;
    }
    const metadata = childNode(record, 'metadata');
    const raw = childNode(metadata, 'arXivRaw');
    const full = childNode(metadata, 'arXiv');
    const paper = raw ? oaiPaper(raw, true) : full ? oaiPaper(full, false) : null;
    if (!paper?.arxivId) digest.skipped.push({ index, reason: 'record has no arXiv or arXivRaw metadata with an id' });
    else digest.papers.push(paper);
  });
  if (childNodes(list, 'resumptionToken').some((token) => collapseSpace(deepText(token)))) {
    digest.warnings.push('This is one page of a longer OAI-PMH listing (it ends with a resumption token); the other pages are separate files.');
  }
  return digest;
}

function oaiPaper(node: XmlNode, raw: boolean): ParsedPaper {
  const one = (name: string) => collapseSpace(deepText(childNodes(node, name)[0]));
  const id = normaliseArxivId(one('id'));
  const paper = emptyPaper(one('title'));
  paper.arxivId = id;
  paper.abstract = one('abstract');
  paper.authors = raw ? splitAuthorList(one('authors')) : structuredAuthors(node);
  paper.doi = one('doi').split(/\s+/)[0] || null;
  paper.primaryCategory = one('categories').split(' ')[0] || null;
  // arXivRaw dates each version ("Mon, 2 Apr 2007 19:18:42 GMT"); the first is the submission.
  paper.publishedAt = raw ? isoDateOrNull(collapseSpace(deepText(childNodes(childNodes(node, 'version')[0], 'date')[0]))) : isoDateOrNull(one('created'));
  paper.links = id ? [{ kind: 'arxiv', url: `https://arxiv.org/abs/${id}` }, ...linksInText(`${paper.abstract} ${one('comments')}`)] : [];
  return paper;
}

/** `<authors><author><keyname>Balázs</keyname><forenames>C.</forenames><suffix>Jr</suffix></author>`. */
function structuredAuthors(node: XmlNode): string[] {
  return childNodes(childNode(node, 'authors'), 'author')
    .map((author) =>
      collapseSpace(['forenames', 'keyname', 'suffix'].map((part) => deepText(childNodes(author, part)[0])).join(' ')),
    )
    .filter(Boolean);
}
