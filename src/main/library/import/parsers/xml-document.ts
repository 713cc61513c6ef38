import { XMLParser, XMLValidator } from 'fast-xml-parser';

// Elements that may repeat; always arrays so parsers never branch on "one or many".
const ALWAYS_ARRAYS = new Set(['entry', 'item', 'author', 'link', 'category', 'creator']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  // Ids like 2403.01230 must stay text, never become numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ALWAYS_ARRAYS.has(name),
});

export type XmlNode = Record<string, unknown>;

/**
 * Parses an XML feed after checking it is well formed, so a truncated download is reported as such
 * instead of yielding half its entries.
 */
export function parseXmlDocument(text: string): XmlNode {
  refuseEntityTricks(text);
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    throw new Error(`the XML is cut off or malformed (line ${verdict.err.line}: ${verdict.err.msg})`);
  }
  const document: unknown = parser.parse(text);
  if (!document || typeof document !== 'object') throw new Error('the XML has no content');
  return document as XmlNode;
}

/**
 * A feed may carry a DOCTYPE, even one declaring a few text entities. Entities built from other
 * entities (the "billion laughs") or read from elsewhere (SYSTEM/PUBLIC) are never data: refused.
 */
function refuseEntityTricks(text: string): void {
  const doctype = /<!DOCTYPE[^>[]*\[([\s\S]*?)\]\s*>/i.exec(text.slice(0, 100_000));
  if (!doctype?.[1]) return;
  for (const entity of doctype[1].matchAll(/<!ENTITY\s+(%\s*)?[\w.-]+\s+([^>]*)>/gi)) {
    const body = entity[2] ?? '';
    if (entity[1] || /^\s*(?:SYSTEM|PUBLIC)\b/i.test(body) || /[&%][\w#.-]+;/.test(body)) {
      throw new Error('its DOCTYPE declares entities built from other entities or read from elsewhere (an entity-expansion attack); refused');
    }
  }
}

export function childNode(node: unknown, name: string): XmlNode | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const child = (node as XmlNode)[name];
  const first = Array.isArray(child) ? child[0] : child;
  return first && typeof first === 'object' ? (first as XmlNode) : undefined;
}

export function childNodes(node: unknown, name: string): unknown[] {
  if (!node || typeof node !== 'object') return [];
  const child = (node as XmlNode)[name];
  if (child === undefined || child === null) return [];
  return Array.isArray(child) ? child : [child];
}

export function attribute(node: unknown, name: string): string {
  if (!node || typeof node !== 'object') return '';
  const value = (node as XmlNode)[`@_${name}`];
  return typeof value === 'string' ? value : '';
}
