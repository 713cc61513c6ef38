import type { ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { arxivIdFromText, referencePaper } from './reference-paper.ts';
import { collapseSpace } from './text-fields.ts';
import { attribute, childNode, childNodes, parseXmlDocument } from './xml-document.ts';
import type { XmlNode } from './xml-document.ts';
import { deepText } from './xml-text.ts';

/** rdf:RDF that declares Zotero's or the biblio vocabulary: Zotero's "Zotero RDF" export. */
export function looksLikeZoteroRdf(head: string): boolean {
  return /^<rdf:RDF[\s>]/.test(head) && /xmlns:(?:z|bib)\s*=\s*["']http:\/\/(?:www\.zotero\.org\/namespaces\/export#|purl\.org\/net\/biblio#)/.test(head);
}

// Top-level nodes that are not works: files, notes, collections, and the journals, series and
// publishers items point to.
const NOT_WORKS = new Set(['Attachment', 'Memo', 'Collection', 'Journal', 'Periodical', 'Series', 'Organization', 'Person', 'Seq']);
const NOT_WORK_TYPES = new Set(['attachment', 'note']);

export function parseZoteroRdf(text: string): ParsedDigest {
  const document = parseXmlDocument(text);
  const root = childNode(document, 'RDF');
  if (!root) throw new Error('there is no rdf:RDF element');
  const nodes = Object.entries(root)
    .filter(([name]) => !name.startsWith('@_') && !NOT_WORKS.has(name))
    .flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((node: unknown) => ({ name, node })));
  const containers = containersById(root);
  const digest: ParsedDigest = { format: 'zotero-rdf', digestDate: null, papers: [], skipped: [], warnings: [] };
  let index = 0;
  for (const { name, node } of nodes) {
    if (!node || typeof node !== 'object') continue;
    const itemType = collapseSpace(deepText(childNodes(node, 'itemType')[0]));
    if (NOT_WORK_TYPES.has(itemType) || containers.has(attribute(node, 'about'))) continue;
    const paper = rdfPaper(node as XmlNode, itemType || name, containerOf(node as XmlNode, containers));
    if (!paper.title && !paper.doi && !paper.arxivId) digest.skipped.push({ index, reason: `${name} ${attribute(node, 'about')} has no title, DOI or arXiv id` });
    else digest.papers.push(paper);
    index += 1;
  }
  return digest;
}

/** Journals and books that items are part of (dcterms:isPartOf rdf:resource): described, not works. */
function containersById(root: XmlNode): Map<string, XmlNode> {
  const referenced = new Set<string>();
  const described = new Map<string, XmlNode>();
  for (const value of Object.values(root)) {
    for (const node of Array.isArray(value) ? value : [value]) {
      const about = attribute(node, 'about');
      if (about && node && typeof node === 'object') described.set(about, node as XmlNode);
      for (const part of childNodes(node, 'isPartOf')) {
        const resource = attribute(part, 'resource');
        if (resource) referenced.add(resource);
      }
    }
  }
  return new Map([...referenced].map((id) => [id, described.get(id) ?? {}]));
}

/** The journal or book an item is in: referenced by id, or written inside its isPartOf. */
function containerOf(node: XmlNode, containers: Map<string, XmlNode>): XmlNode | undefined {
  const part = childNode(node, 'isPartOf');
  const resource = attribute(part, 'resource');
  if (resource) return containers.get(resource);
  return part ? (Object.values(part).find((child) => child && typeof child === 'object' && !Array.isArray(child)) as XmlNode | undefined) : undefined;
}

function rdfPaper(node: XmlNode, type: string, container: XmlNode | undefined): ParsedPaper {
  const one = (name: string) => collapseSpace(deepText(childNodes(node, name)[0]));
  const identifiers = childNodes(node, 'identifier').map((identifier) => collapseSpace(deepText(identifier)));
  const doi = identifiers.find((identifier) => /^DOI\s/i.test(identifier))?.replace(/^DOI\s+/i, '') ?? '';
  const url = identifiers.find((identifier) => /^https?:\/\//i.test(identifier)) ?? '';
  return referencePaper({
    title: one('title'),
    abstract: one('abstract'),
    authors: people(node),
    arxivId: arxivIdFromText([url, one('number'), one('description'), one('libraryCatalog') === 'arXiv.org' ? attribute(node, 'about') : ''].join(' ')),
    doi,
    url,
    date: one('date'),
    category: '',
    // Zotero writes a journal article's volume on its journal.
    volume: one('volume') || collapseSpace(deepText(childNodes(container, 'volume')[0])),
    edition: one('edition'),
    entryType: type,
  });
}

/** bib:authors / rdf:Seq / rdf:li / foaf:Person with foaf:surname and foaf:givenName (or givenname). */
function people(node: XmlNode): string[] {
  const sequence = childNode(childNode(node, 'authors'), 'Seq');
  return childNodes(sequence, 'li').map((item) => {
    const person = childNode(item, 'Person') ?? (item as XmlNode);
    const surname = collapseSpace(deepText(childNodes(person, 'surname')[0]));
    const given = collapseSpace(deepText(childNodes(person, 'givenName')[0] ?? childNodes(person, 'givenname')[0]));
    return collapseSpace(`${given} ${surname}`) || collapseSpace(deepText(person));
  }).filter(Boolean);
}
