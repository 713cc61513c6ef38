// Text of an XML element whatever markup it holds: EndNote wraps every value in <style> runs, RDF
// nests values in typed nodes. fast-xml-parser gives objects, so this walks them.

/** All text inside a parsed node, runs joined by a space; attributes ignored. */
export function deepText(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'bigint') return String(node);
  if (Array.isArray(node)) return node.map(deepText).filter(Boolean).join(' ');
  if (!node || typeof node !== 'object') return '';
  return Object.entries(node)
    .filter(([key]) => !key.startsWith('@_'))
    .map(([, value]) => deepText(value))
    .filter(Boolean)
    .join(' ');
}
