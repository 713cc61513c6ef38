// The one set of limits on what a paper may hold, applied by every way in: import, restore from
// JSON, the API (app and serve bridge) and the CLI. Real papers sit far below each; a value above is a
// broken or hostile source, which would otherwise make every search slow (a 2,000,000-author paper
// made each search take a second and the app 1 GB).

export const PAPER_LIMITS = {
  titleChars: 2000,
  abstractChars: 100_000,
  authors: 5000,
  authorChars: 300,
  tagChars: 200,
  tagsPerPaper: 200,
  noteChars: 1_000_000,
  links: 50,
  urlChars: 2000,
} as const;

// NUL and the other C0 controls (but tab, line feed, carriage return) are never text a reader wrote;
// NUL in particular ends strings in C tools and breaks CSV readers.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

const graphemes = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/**
 * `text` cut to at most `max` UTF-16 units, ending in "…" when cut, never inside a character or an
 * emoji: the cut falls between grapheme clusters (code points where Intl.Segmenter is missing).
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const budget = max - 1; // room for the ellipsis
  let end = 0;
  if (graphemes) {
    // Only the neighbourhood of the cut needs segmenting, not a megabyte of abstract.
    for (const { segment, index } of graphemes.segment(text.slice(0, budget + 32))) {
      if (index + segment.length > budget) break;
      end = index + segment.length;
    }
  } else {
    end = budget;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end -= 1; // a high surrogate without its pair
  }
  return `${text.slice(0, end)}…`;
}

export interface LimitedText {
  text: string;
  cut: boolean;
}

/** Control characters removed, then cut to `max`. */
export function limitText(text: string, max: number): LimitedText {
  const clean = withoutControlCharacters(text);
  const limited = cutText(clean, max);
  return { text: limited, cut: limited !== clean };
}

/** Authors: at most `authors` names, each at most `authorChars`, blanks dropped. */
export function limitAuthors(authors: readonly string[]): { authors: string[]; cut: boolean } {
  let cut = authors.length > PAPER_LIMITS.authors;
  let changed = cut;
  const limited: string[] = [];
  for (const author of authors.slice(0, PAPER_LIMITS.authors)) {
    const name = limitText(author, PAPER_LIMITS.authorChars);
    cut ||= name.cut;
    if (name.text.trim()) limited.push(name.text);
    changed ||= name.text !== author || !name.text.trim();
  }
  // Unchanged, the caller's own array: it can tell by identity that nothing was cut or cleaned.
  return { authors: changed ? limited : (authors as string[]), cut };
}
