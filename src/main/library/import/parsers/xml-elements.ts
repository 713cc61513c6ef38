// XML read with htmlparser2 in XML mode: a DOM of elements by qualified name ("dc:title"). Ten times
// faster than fast-xml-parser's object tree on multi-megabyte exports (bench/reader-throughput.ts),
// which the reference-manager and OAI-PMH readers need; they look elements up by local name, since
// exporters choose their own prefixes.
import { DomUtils, parseDocument } from 'htmlparser2';

type Document = ReturnType<typeof parseDocument>;
export type XmlElement = ReturnType<typeof DomUtils.getElementsByTagName>[number];
type XmlNode = Document['children'][number];

// In XML mode every element is a plain tag (no script/style special cases).
const isElement = (node: XmlNode): node is XmlElement => node.type === 'tag';

/**
 * The document's root element. The parser forgives anything, so a cut-off download is caught here:
 * the file must end by closing the element it opened first.
 */
export function parseXmlRoot(text: string): XmlElement {
  const document: Document = parseDocument(text, { xmlMode: true });
  const root = document.children.find(isElement);
  if (!root) throw new Error('the XML has no root element');
  const closing = new RegExp(`</${root.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*>\\s*$`);
  if (!closing.test(text.slice(-400))) throw new Error(`the XML is cut off (it never closes its <${root.name}> element)`);
  return root;
}

export function localName(element: XmlElement): string {
  const colon = element.name.indexOf(':');
  return colon < 0 ? element.name : element.name.slice(colon + 1);
}

/** Child elements with this local name, in order. */
export function childElements(element: XmlElement | undefined, name?: string): XmlElement[] {
  if (!element) return [];
  return element.children.filter(isElement).filter((node) => name === undefined || localName(node) === name);
}

export function childElement(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((node): node is XmlElement => isElement(node) && localName(node) === name);
}

/** All text inside, entities decoded (EndNote's <style> runs join into one value). */
export function elementText(element: XmlElement | undefined): string {
  return element ? DomUtils.textContent(element) : '';
}

/** An attribute by local name: `rdf:about` and `about` alike. */
export function attributeOf(element: XmlElement | undefined, name: string): string {
  if (!element) return '';
  for (const [key, value] of Object.entries(element.attribs)) {
    if (key === name || key.endsWith(`:${name}`)) return value;
  }
  return '';
}
