import { texToUnicode } from './tex-to-unicode.ts';

/**
 * BibTeX's author list: names joined by "and" outside braces (`{Barnes and Noble}` is one name), each
 * "von Last, Jr, First", "Last, First" or "First von Last". Returned given name first, TeX decoded.
 */
export function bibtexNames(raw: string): string[] {
  return splitOutsideBraces(raw, /\s+and\s+/iy)
    .map((name) => name.trim())
    .filter((name) => name !== '' && name.toLowerCase() !== 'others')
    .map(givenNameFirst)
    .filter(Boolean);
}

function givenNameFirst(name: string): string {
  const parts = splitOutsideBraces(name, /\s*,\s*/y).map((part) => texToUnicode(part).replace(/\s+/g, ' ').trim());
  const [last = '', second = '', third = ''] = parts;
  if (parts.length >= 3) return [third, last, second].filter(Boolean).join(' ');
  if (parts.length === 2) return [second, last].filter(Boolean).join(' ');
  return last;
}

/** Splits where `separator` (a sticky pattern) matches at brace depth 0. Linear in the text. */
function splitOutsideBraces(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\\') index += 1;
    else if (char === '{') depth += 1;
    else if (char === '}') depth = Math.max(0, depth - 1);
    // Tried once per run of spaces (at its start), so a long run costs its length, not its square.
    else if (depth === 0 && (char === ',' || (/\s/.test(char ?? '') && !/\s/.test(text[index - 1] ?? '')))) {
      separator.lastIndex = index;
      const match = separator.exec(text);
      if (match && match[0].length > 0) {
        parts.push(text.slice(start, index));
        start = index + match[0].length;
        index = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts;
}
