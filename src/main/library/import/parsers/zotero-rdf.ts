import type { ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { arxivIdFromText, referencePaper } from './reference-paper.ts';
import { collapseSpace } from './text-fields.ts';
import { attributeOf, childElement, childElements, elementText, localName, parseXmlRoot } from './xml-elements.ts';
import type { XmlElement } from './xml-elements.ts';

/** rdf:RDF that declares Zotero's or the biblio vocabulary: Zotero's "Zotero RDF" export. */
export function looksLikeZoteroRdf(head: string): boolean {
  return /^<rdf:RDF[\s>]/.test(head) && /xmlns:(?:z|bib)\s*=\s*["']http:\/\/(?:www\.zotero\.org\/namespaces\/export#|purl\.org\/net\/biblio#)/.test(head);
}

// Top-level nodes that are not works: files, notes, collections, and the journals, series and
// publishers items point to.
const NOT_WORKS = new Set(['Attachment', 'Memo', 'Collection', 'Journal', 'Periodical', 'Series', 'Organization', 'Person', 'Seq']);
const NOT_WORK_TYPES = new Set(['attachment', 'note']);

export function parseZoteroRdf(text: string): ParsedDigest {
  const root = parseXmlRoot(text);
  if (localName(root) !== 'RDF') throw new Error(`the root element is <${root.name}>, not rdf:RDF`);
  const containers = containersById(root);
  const digest: ParsedDigest = { format: 'zotero-rdf', digestDate: null, papers: [], skipped: [], warnings: [] };
  let index = 0;
  for (const node of childElements(root)) {
    const name = localName(node);
    const itemType = collapseSpace(elementText(childElement(node, 'itemType')));
    if (NOT_WORKS.has(name) || NOT_WORK_TYPES.has(itemType) || containers.has(attributeOf(node, 'about'))) continue;
    const paper = rdfPaper(node, itemType || name, containerOf(node, containers));
    if (!paper.title && !paper.doi && !paper.arxivId) digest.skipped.push({ index, reason: `${node.name} ${attributeOf(node, 'about')} has no title, DOI or arXiv id` });
    else digest.papers.push(paper);
    index += 1;
  }
  return digest;
}

/** Journals and books that items are part of (dcterms:isPartOf rdf:resource): described, not works. */
function containersById(root: XmlElement): Map<string, XmlElement | undefined> {
  const referenced = new Set<string>();
  const described = new Map<string, XmlElement>();
  for (const node of childElements(root)) {
    const about = attributeOf(node, 'about');
    if (about) described.set(about, node);
    for (const part of childElements(node, 'isPartOf')) {
      const resource = attributeOf(part, 'resource');
      if (resource) referenced.add(resource);
    }
  }
  return new Map([...referenced].map((id) => [id, described.get(id)]));
}

/** The journal or book an item is in: referenced by id, or written inside its isPartOf. */
function containerOf(node: XmlElement, containers: Map<string, XmlElement | undefined>): XmlElement | undefined {
  const part = childElement(node, 'isPartOf');
  const resource = attributeOf(part, 'resource');
  return resource ? containers.get(resource) : childElements(part)[0];
}

function rdfPaper(node: XmlElement, type: string, container: XmlElement | undefined): ParsedPaper {
  const one = (name: string) => collapseSpace(elementText(childElement(node, name)));
  const identifiers = childElements(node, 'identifier').map((identifier) => collapseSpace(elementText(identifier)));
  const doi = identifiers.find((identifier) => /^DOI\s/i.test(identifier))?.replace(/^DOI\s+/i, '') ?? '';
  const url = identifiers.find((identifier) => /^https?:\/\//i.test(identifier)) ?? '';
  return referencePaper({
    title: one('title'),
    abstract: one('abstract'),
    authors: people(node),
    arxivId: arxivIdFromText([url, one('number'), one('description'), one('libraryCatalog') === 'arXiv.org' ? attributeOf(node, 'about') : ''].join(' ')),
    doi,
    url,
    date: one('date'),
    category: '',
    // Zotero writes a journal article's volume on its journal.
    volume: one('volume') || collapseSpace(elementText(childElement(container, 'volume'))),
    edition: one('edition'),
    entryType: type,
  });
}

/** bib:authors / rdf:Seq / rdf:li / foaf:Person with foaf:surname and foaf:givenName (or givenname). */
function people(node: XmlElement): string[] {
  const sequence = childElement(childElement(node, 'authors'), 'Seq');
  return childElements(sequence, 'li')
    .map((item) => {
      const person = childElement(item, 'Person') ?? item;
      const surname = collapseSpace(elementText(childElement(person, 'surname')));
      const given = collapseSpace(elementText(childElement(person, 'givenName') ?? childElement(person, 'givenname')));
      return collapseSpace(`${given} ${surname}`) || collapseSpace(elementText(person));
    })
    .filter(Boolean);
}
