// Classifies the lines of a Hugging Face Papers page copied as text: what is page furniture,
// what is a date heading, what lists authors. The paper reader works on what is left.
import { parseMonthDayDate } from './month-day-date.ts';

const FURNITURE = new Set([
  'new', 'subscribe', 'daily papers', 'papers', 'models', 'datasets', 'spaces', 'posts', 'docs', 'pricing',
  'enterprise', 'log in', 'login', 'sign up', 'search', 'previous', 'next', 'upvote', 'upvoted', 'trending',
  'collections', 'hugging face', 'view all', 'daily', 'weekly', 'monthly', 'submitted by', 'abstract',
  'ai-generated summary', 'community', 'comment', 'comments', 'view arxiv page', 'view pdf', 'add to collection',
  'github', 'project page', 'arxiv page', 'organization', 'authors', 'submit', 'submit a paper', 'follow',
  'join the discussion', 'by', 'ak', 'and the research community', 'upvotes', 'submitted', 'models citing this paper', 'datasets citing this paper', 'spaces citing this paper',
  'collections including this paper', 'get this paper in your agent:', 'website', 'x', '·', '•', '-', '—',
]);

const FURNITURE_PATTERNS = [
  /^[\d.,]+\s*[kKmM]?$/, // upvote and comment counts, "1.2k" stars
  /^submitted by\b/i,
  /^(?:[·•]\s*)?\d+\s+authors?$/i,
  /^(?:[·•]\s*)?\d+\s+(?:comments?|upvotes?|likes?|citations?|models?|datasets?|spaces?|collections?)$/i,
  /^get trending papers\b/i,
  /^by\s*ak\b/i,
  /^(?:published|submitted|featured) on\b/i,
  /^(?:[·•]\s*)?(?:published|submitted)\s+\d/i,
  /^https?:\/\/\S+$/, // a bare link line on its own (avatar, page address)
  /^(?:©|copyright\b)/i,
  /^search\b.*(?:\.\.\.|…)$/i, // "Search models, datasets, users..."
  /^search by arxiv id or title\b/i,
  /^\+\s?\d+$/, // "+3" more authors
  /^[\w' .-]{0,40}\blogo$/i, // "Hugging Face's logo": an image's alt text, copied with the page
];

// The site's navigation and footer, copied as one line per link or several links on one line
// ("TOS Privacy About Jobs", "Models Datasets Spaces Pricing Docs"): a line made only of these is furniture.
const NAVIGATION_WORDS = new Set(
  'models datasets spaces posts docs solutions pricing enterprise company tos privacy about jobs website previous next community learn blog forum status changelog discord github twitter linkedin careers brand assets terms service log in sign up daily weekly monthly'.split(' '),
);

function isNavigation(line: string): boolean {
  const words = line.toLowerCase().split(/[\s|·•]+/).filter(Boolean);
  return words.length > 0 && words.length <= 12 && words.every((word) => NAVIGATION_WORDS.has(word));
}

export type PageLine =
  | { kind: 'blank' }
  | { kind: 'furniture'; published: string | null }
  | { kind: 'date'; date: string }
  | { kind: 'authors'; authors: string[] }
  | { kind: 'text'; text: string };

export function classifyPageLines(text: string, today: Date): PageLine[] {
  const lines: PageLine[] = [];
  let skipNext = false;
  for (const line of joinSeparatorLines(text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/))) {
    if (!line) {
      lines.push({ kind: 'blank' });
      continue;
    }
    // "Submitted by" on its own line is followed by the submitter's user name.
    if (skipNext && !/\s/.test(line)) {
      skipNext = false;
      lines.push({ kind: 'furniture', published: null });
      continue;
    }
    skipNext = /^submitted by:?$/i.test(line);
    const classified = classifyLine(line, today);
    if (AUTHOR_COUNT.test(line)) namesBeforeAuthorCount(lines);
    lines.push(classified);
  }
  return lines;
}

const AUTHOR_COUNT = /^[·•]?\s*\d+\s+authors?$/i;

/** "Liang Chen" on its own line, then "· 7 authors": the line before the count lists authors. */
function namesBeforeAuthorCount(lines: PageLine[]): void {
  const index = lines.findLastIndex((line) => line.kind !== 'blank');
  const previous = lines[index];
  if (previous?.kind !== 'text') return;
  const names = previous.text.split(/\s*,\s*/).filter(Boolean);
  if (names.length > 0 && names.every(looksLikeName)) lines[index] = { kind: 'authors', authors: names };
}

/**
 * The 2024 design lists authors one per line with a "," line between them, and puts "·" on its own line
 * before "9 authors": joined back into "Namgyu Ho, Sangmin Bae" and "· 9 authors" so they read as one.
 */
function joinSeparatorLines(raws: string[]): string[] {
  const lines: string[] = [];
  let joinNext = false;
  for (const raw of raws) {
    const line = raw.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
    const previous = lines.length - 1;
    if (!line) joinNext = false;
    if (line === ',' && previous >= 0 && lines[previous]) {
      lines[previous] = `${lines[previous] ?? ''},`;
      joinNext = true;
    } else if (joinNext && line) {
      lines[previous] = `${lines[previous] ?? ''} ${line}`;
      joinNext = false;
    } else if (/^\d+\s+authors?$/i.test(line) && (lines[previous] === '·' || lines[previous] === '•')) {
      lines[previous] = `· ${line}`;
    } else lines.push(line);
  }
  return lines;
}

function classifyLine(line: string, today: Date): PageLine {
  const date = parseMonthDayDate(line, today);
  if (date) return { kind: 'date', date };
  const published = /^(?:published|submitted) on:?\s+(.+)$/i.exec(line);
  if (published?.[1]) return { kind: 'furniture', published: parseMonthDayDate(published[1], today) };
  if (FURNITURE.has(line.toLowerCase()) || FURNITURE_PATTERNS.some((pattern) => pattern.test(line)) || isNavigation(line)) {
    return { kind: 'furniture', published: null };
  }
  const authors = authorsIn(line);
  return authors ? { kind: 'authors', authors } : { kind: 'text', text: line };
}

const NAME_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'del', 'della', 'le', 'la', 'du', 'dos', 'bin', 'al', 'el', 'y', 'zu']);

/** "Alice Smith, Bob Jones · 5 authors", or a comma list of names, or "Authors: …". */
function authorsIn(line: string): string[] | null {
  const trailer = /\s*[·•]\s*\d+\s+authors?$/i.exec(line);
  const labelled = /^authors?:\s*(.+)$/i.exec(line);
  const list = labelled?.[1] ?? (trailer ? line.slice(0, trailer.index) : line);
  const names = list.split(/\s*,\s*|\s+and\s+/).map((name) => name.trim()).filter(Boolean);
  if (trailer || labelled) return names.length ? names : null;
  // Unlabelled lists need three names: "Look, Listen, and Learn"-style titles have commas too.
  if (names.length < 3 || names.length > 500) return null;
  return names.every(looksLikeName) ? names : null;
}

// Words that put a comma-separated title ("Scaling Laws, Data Mixtures, Model Merging") apart from names.
const TITLE_WORDS = new Set(
  'a an the of for with via on in to and from towards toward using learning model models data language large neural network networks transformer transformers diffusion attention efficient scaling training benchmark reasoning vision agents agent generation survey'.split(' '),
);

function looksLikeName(name: string): boolean {
  const words = name.split(' ');
  if (words.length < 2 || words.length > 5) return false;
  return words.every(
    (word) => NAME_PARTICLES.has(word) || (/^\p{Lu}[\p{L}'’.-]*$/u.test(word) && !TITLE_WORDS.has(word.toLowerCase())),
  );
}
