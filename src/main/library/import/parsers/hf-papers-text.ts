import { linksInText } from './links-in-text.ts';
import { parseMonthDayDate } from './month-day-date.ts';
import { emptyPaper } from './parsed-digest.ts';
import type { ParseContext, ParsedDigest, ParsedPaper } from './parsed-digest.ts';

// Lines the Hugging Face Papers page shows around the papers; never titles.
const FURNITURE = new Set(
  [
    'new',
    'get trending papers in your email inbox!',
    'subscribe',
    'byak and the research community',
    'daily papers',
    'papers',
    'models',
    'datasets',
    'spaces',
    'posts',
    'docs',
    'pricing',
    'log in',
    'sign up',
    'search',
    'previous',
    'next',
    'upvote',
    'trending',
    'collections',
    'hugging face',
    'view all',
    'daily',
    'weekly',
    'monthly',
  ].map((line) => line.toLowerCase()),
);

const FURNITURE_PATTERNS = [
  /^\d+$/, // upvote counts
  /^submitted by\b/i,
  /^·?\s*\d+\s+authors?$/i,
  /^\d+\s+comments?$/i,
  /^published on\b/i,
  /^[·•]\s*/, // "· 5 authors"-style trailers
];

/** An abstract is long prose; a title is a short line. Titles rarely pass 300 characters. */
const MIN_ABSTRACT_LENGTH = 200;

export function parseHfPapersText(text: string, context: ParseContext): ParsedDigest {
  const digest: ParsedDigest = { format: 'hf-papers-text', digestDate: null, papers: [], skipped: [], warnings: [] };
  let sectionDate: string | null = null;
  let pending: ParsedPaper | null = null;
  const flush = () => {
    if (pending) digest.papers.push(pending);
    pending = null;
  };
  for (const block of paragraphs(text)) {
    const lines = block.filter((line) => !isFurniture(line));
    if (lines.length === 0) continue;
    const date = lines.length === 1 ? parseMonthDayDate(lines[0] ?? '', context.today) : null;
    if (date) {
      flush();
      sectionDate = date;
      digest.digestDate ??= date;
      continue;
    }
    const joined = lines.join(' ').replace(/\s+/g, ' ').trim();
    if (pending && !pending.abstract && looksLikeAbstract(joined)) {
      pending.abstract = joined;
      pending.links = linksInText(joined);
      continue;
    }
    flush();
    if (looksLikeAbstract(joined)) {
      digest.skipped.push({ index: digest.papers.length, reason: `text with no title before it: "${joined.slice(0, 60)}…"` });
      continue;
    }
    pending = { ...emptyPaper(joined), sectionDate };
  }
  flush();
  return digest;
}

/** Splits text into blank-line separated blocks of trimmed lines; tolerant of BOM, CRLF and stray spaces. */
function paragraphs(text: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line) current.push(line);
    else if (current.length) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length) blocks.push(current);
  return blocks;
}

function isFurniture(line: string): boolean {
  return FURNITURE.has(line.toLowerCase()) || FURNITURE_PATTERNS.some((pattern) => pattern.test(line));
}

function looksLikeAbstract(text: string): boolean {
  return text.length >= MIN_ABSTRACT_LENGTH || (/[.!?]\s+\S/.test(text) && text.length > 120);
}
