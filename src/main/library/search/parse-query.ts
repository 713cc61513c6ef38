// The search syntax: words, "exact phrases", -negation, and filters (is:, in:, tag:, digest:, year:).
import { tokenize } from './search-tokens.ts';

export type FilterKey = 'is' | 'in' | 'tag' | 'digest' | 'year';
const FILTER_KEYS: ReadonlySet<string> = new Set(['is', 'in', 'tag', 'digest', 'year']);

export interface WordPart {
  kind: 'word';
  term: string;
  /** As the reader typed it ("SpikMamba"), shown again when another word of the query is corrected. */
  typed: string;
  negated: boolean;
  /** The last word with no space after it: the reader may still be typing it. */
  open: boolean;
}

export interface PhrasePart {
  kind: 'phrase';
  terms: string[];
  negated: boolean;
  /** An unclosed quote at the end: its last word may still be being typed. */
  open: boolean;
}

/**
 * A name written with joiners, unquoted: "Olaf-World", "Qwen2.5-VL", "text-to-image". Each part is a
 * word of its own (corrected or completed like any word), and the parts joined are tried as one word.
 */
export interface CompoundPart {
  kind: 'compound';
  terms: string[];
  /** As the reader typed it ("Qwen2.5-VL"): its joiners are kept when one of its parts is corrected. */
  typed: string;
  negated: boolean;
  /** The last part may still be being typed. */
  open: boolean;
}

export interface FilterPart {
  kind: 'filter';
  key: FilterKey;
  value: string;
  negated: boolean;
}

export type QueryPart = WordPart | PhrasePart | CompoundPart | FilterPart;

/** Splits on spaces outside quotes; a quote may open mid-chunk (tag:"two words"). */
function chunks(query: string): { text: string; quoted: boolean; closed: boolean }[] {
  const found: { text: string; quoted: boolean; closed: boolean }[] = [];
  let index = 0;
  while (index < query.length) {
    while (index < query.length && /\s/.test(query[index] ?? '')) index += 1;
    if (index >= query.length) break;
    let text = '';
    let quoted = false;
    let closed = true;
    while (index < query.length && !/\s/.test(query[index] ?? '')) {
      const char = query[index] ?? '';
      if (char === '"') {
        quoted = true;
        const end = query.indexOf('"', index + 1);
        closed = end !== -1;
        text += `"${query.slice(index + 1, closed ? end : query.length)}"`;
        index = closed ? end + 1 : query.length;
      } else {
        text += char;
        index += 1;
      }
    }
    found.push({ text, quoted, closed });
  }
  return found;
}

const unquote = (text: string) => text.replace(/"/g, '');

export function parseQuery(query: string): QueryPart[] {
  const parts: QueryPart[] = [];
  const endsOpen = query.length > 0 && !/[\s"]$/.test(query);
  const all = chunks(query);
  all.forEach((chunk, index) => {
    const isLast = index === all.length - 1;
    let text = chunk.text;
    let negated = false;
    if (text.startsWith('-') && text.length > 1) {
      negated = true;
      text = text.slice(1);
    }
    const filter = /^([a-z]+):(.*)$/i.exec(text);
    if (filter && FILTER_KEYS.has((filter[1] ?? '').toLowerCase())) {
      parts.push({ kind: 'filter', key: (filter[1] ?? '').toLowerCase() as FilterKey, value: unquote(filter[2] ?? '').trim(), negated });
      return;
    }
    const typed = unquote(text);
    const terms = tokenize(typed).map((token) => token.term);
    if (terms.length === 0) return;
    const open = isLast && (chunk.quoted ? !chunk.closed : endsOpen);
    // A quoted chunk must match as a phrase; so must an excluded name ("-text-to-image").
    if (chunk.quoted || (terms.length > 1 && negated)) parts.push({ kind: 'phrase', terms, negated, open });
    else if (terms.length > 1) parts.push({ kind: 'compound', terms, typed, negated, open });
    else parts.push({ kind: 'word', term: terms[0] ?? '', typed, negated, open });
  });
  return parts;
}

/**
 * A word or name as typed, with its corrected terms put in place of the typed ones: "qwen2.5-vk" with
 * vk → vl reads "qwen2.5-vl", not the terms joined anew ("qwen2-5-vl"). A term the tokenizer changed
 * past finding in the typed text (an accent folded) makes it fall back to the terms joined by "-".
 */
export function typedWithCorrections(part: WordPart | CompoundPart, correctedTerms: readonly string[]): string {
  const terms = part.kind === 'word' ? [part.term] : part.terms;
  const lower = part.typed.toLowerCase();
  let shown = '';
  let from = 0;
  for (const [index, term] of terms.entries()) {
    const at = lower.indexOf(term, from);
    if (at < 0) return correctedTerms.join('-');
    shown += part.typed.slice(from, at) + (correctedTerms[index] === term ? part.typed.slice(at, at + term.length) : correctedTerms[index]);
    from = at + term.length;
  }
  return shown + part.typed.slice(from);
}

/** The query as the reader would write it, with words replaced by what they were corrected to. */
export function formatQuery(parts: readonly QueryPart[], replaceWord: (part: WordPart | CompoundPart) => string): string {
  return parts
    .map((part) => {
      const sign = part.negated ? '-' : '';
      if (part.kind === 'filter') return `${sign}${part.key}:${/\s/.test(part.value) ? `"${part.value}"` : part.value}`;
      if (part.kind === 'phrase') return `${sign}"${part.terms.join(' ')}${part.open ? '' : '"'}`;
      return `${sign}${replaceWord(part)}`;
    })
    .join(' ');
}
