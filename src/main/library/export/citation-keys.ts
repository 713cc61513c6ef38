import { publicationYear } from './load-export-papers.ts';
import type { ExportPaper } from './load-export-papers.ts';

// Words that make poor keys: "vaswani2017attention", not "vaswani2017is".
const STOP_WORDS = new Set(
  'a an the on of in for to and or with without via from by at as is are be do does can towards toward into over under using about beyond through when what why how your our we its it not no new'.split(
    ' ',
  ),
);

/** Letters and digits only, accents folded: "Müller" → "muller", so every tool accepts the key. */
function asciiWord(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function surname(author: string | undefined): string {
  if (!author) return 'anon';
  const trimmed = author.trim();
  // "Last, First" names the surname first; "First Last" names it last.
  const part = trimmed.includes(',') ? trimmed.split(',')[0] ?? '' : trimmed.split(/\s+/).at(-1) ?? '';
  return asciiWord(part) || asciiWord(trimmed) || 'anon';
}

function firstSignificantWord(title: string, titleIsPlaceholder: boolean): string {
  if (titleIsPlaceholder) return '';
  const words = title.split(/[\s\-–—:/]+/).map(asciiWord).filter(Boolean);
  return words.find((word) => !STOP_WORDS.has(word) && !/^\d+$/.test(word)) ?? words[0] ?? '';
}

export function baseCitationKey(paper: Pick<ExportPaper, 'authors' | 'title' | 'titleIsPlaceholder' | 'publishedAt' | 'arxivId'>): string {
  return `${surname(paper.authors[0])}${publicationYear(paper) ?? ''}${firstSignificantWord(paper.title, paper.titleIsPlaceholder)}`;
}

/** a, b, …, z, aa, ab, …: as many suffixes as any collision needs. */
function suffix(index: number): string {
  let n = index + 1;
  let text = '';
  while (n > 0) {
    n -= 1;
    text = String.fromCharCode(97 + (n % 26)) + text;
    n = Math.floor(n / 26);
  }
  return text;
}

/** What orders a collision group: ids that never change, so a paper keeps its letter from export to export. */
function stableOrder(paper: Pick<ExportPaper, 'arxivId' | 'doi' | 'id'>): string {
  return paper.arxivId ?? paper.doi ?? `~${String(paper.id).padStart(12, '0')}`;
}

/**
 * One key per paper (same order as given), unique within the export. Papers sharing a base key are
 * told apart as a, b, c in a stable order; a plain key that happens to equal a suffixed one is
 * avoided by suffixing further.
 */
export function citationKeys(papers: readonly Pick<ExportPaper, 'id' | 'authors' | 'title' | 'titleIsPlaceholder' | 'publishedAt' | 'arxivId' | 'doi'>[]): string[] {
  const bases = papers.map(baseCitationKey);
  const groups = new Map<string, number[]>();
  bases.forEach((base, index) => {
    const group = groups.get(base);
    if (group) group.push(index);
    else groups.set(base, [index]);
  });
  const keys = new Array<string>(papers.length);
  const used = new Set<string>();
  for (const [base, indexes] of groups) {
    if (indexes.length === 1 && indexes[0] !== undefined) {
      keys[indexes[0]] = base;
      used.add(base);
    }
  }
  for (const [base, indexes] of groups) {
    if (indexes.length === 1) continue;
    const sorted = [...indexes].sort((a, b) => {
      const left = stableOrder(papers[a]!);
      const right = stableOrder(papers[b]!);
      return left < right ? -1 : left > right ? 1 : 0;
    });
    let next = 0;
    for (const index of sorted) {
      let key = `${base}${suffix(next)}`;
      while (used.has(key)) key = `${base}${suffix(++next)}`;
      next += 1;
      keys[index] = key;
      used.add(key);
    }
  }
  return keys;
}
