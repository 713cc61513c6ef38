import { classifyPageLines } from './hf-page-lines.ts';
import { linksInText } from './links-in-text.ts';
import { emptyPaper } from './parsed-digest.ts';
import type { ParseContext, ParsedDigest, ParsedPaper } from './parsed-digest.ts';

/** An abstract is long prose; a title is a short line. Titles rarely pass 300 characters. */
const MIN_ABSTRACT_LENGTH = 200;
const MAX_WRAPPED_TITLE = 400;

type PageEvent =
  | { kind: 'run'; lines: string[] }
  | { kind: 'date'; date: string }
  | { kind: 'authors'; authors: string[] }
  | { kind: 'published'; date: string };

/**
 * The Hugging Face Papers page as the browser copies it (or as saved text): date headings, then per
 * paper a title (maybe wrapped), maybe authors, maybe an abstract, among the page's furniture.
 */
export function parseHfPapersText(text: string, context: ParseContext): ParsedDigest {
  const events = pageEvents(text, context.today);
  // A page whose cards carry abstracts alternates title and abstract: that structure, not only line
  // length, tells a short abstract from a second title.
  const reader = new PageReader(events.some((event) => event.kind === 'run' && event.lines.some((line) => isProse(line, [line]))));
  events.forEach((event, index) => {
    if (event.kind === 'date') reader.startSection(event.date);
    else if (event.kind === 'authors') reader.setAuthors(event.authors);
    else if (event.kind === 'published') reader.setPublished(event.date);
    else reader.readRun(event.lines, nextRunStartsWithProse(events, index));
  });
  return reader.finish();
}

function pageEvents(text: string, today: Date): PageEvent[] {
  const events: PageEvent[] = [];
  let run: string[] = [];
  const endRun = () => {
    if (run.length) events.push({ kind: 'run', lines: run });
    run = [];
  };
  for (const line of classifyPageLines(text, today)) {
    if (line.kind === 'text') run.push(line.text);
    else {
      endRun();
      if (line.kind === 'date') events.push({ kind: 'date', date: line.date });
      else if (line.kind === 'authors') events.push({ kind: 'authors', authors: line.authors });
      else if (line.kind === 'furniture' && line.published) events.push({ kind: 'published', date: line.published });
    }
  }
  endRun();
  return events;
}

function nextRunStartsWithProse(events: PageEvent[], index: number): boolean {
  const next = events.slice(index + 1).find((event) => event.kind === 'run' || event.kind === 'date');
  if (next?.kind !== 'run') return false;
  const first = next.lines[0] ?? '';
  return isProse(first, [first]) || isHardWrappedProse(next.lines);
}

class PageReader {
  private readonly digest: ParsedDigest = { format: 'hf-papers-text', digestDate: null, papers: [], skipped: [], warnings: [] };
  private sectionDate: string | null = null;
  private pending: ParsedPaper | null = null;
  private readonly pageHasAbstracts: boolean;

  constructor(pageHasAbstracts: boolean) {
    this.pageHasAbstracts = pageHasAbstracts;
  }

  startSection(date: string): void {
    this.flush();
    this.sectionDate = date;
    this.digest.digestDate ??= date;
  }

  setAuthors(authors: string[]): void {
    if (this.pending && this.pending.authors.length === 0) this.pending.authors = authors;
  }

  setPublished(date: string): void {
    if (this.pending && !this.pending.publishedAt) this.pending.publishedAt = date;
  }

  /** A run of consecutive text lines: titles, abstracts, or (copied without blank lines) both. */
  readRun(lines: string[], followedByProse: boolean): void {
    const [title, second] = lines;
    if (this.pageHasAbstracts && !followedByProse && lines.length === 2 && title && second && !wrapsOnto(title, second) && isSentenceLike(second)) {
      this.readTitles([title], true);
      this.readAbstract(second);
      return;
    }
    if (lines.some((line) => isProse(line, [line]))) {
      let titles: string[] = [];
      for (const line of lines) {
        if (isProse(line, [line])) {
          this.readTitles(titles, true);
          titles = [];
          this.readAbstract(line);
        } else titles.push(line);
      }
      this.readTitles(titles, followedByProse);
    } else if (isHardWrappedProse(lines)) this.readAbstract(lines.join(' '));
    else this.readTitles(lines, followedByProse);
  }

  private readTitles(lines: string[], followedByProse: boolean): void {
    for (const title of joinWrappedTitles(lines, followedByProse)) {
      this.flush();
      this.pending = { ...emptyPaper(title), sectionDate: this.sectionDate };
    }
  }

  private readAbstract(text: string): void {
    const abstract = text.replace(/\s+/g, ' ').trim();
    if (this.pending && !this.pending.abstract) {
      this.pending.abstract = abstract;
      this.pending.links = linksInText(abstract);
      return;
    }
    this.flush();
    this.digest.skipped.push({ index: this.digest.papers.length, reason: `text with no title before it: "${abstract.slice(0, 60)}…"` });
  }

  private flush(): void {
    if (this.pending) this.digest.papers.push(this.pending);
    this.pending = null;
  }

  finish(): ParsedDigest {
    this.flush();
    return this.digest;
  }
}

function isProse(line: string, lines: string[]): boolean {
  const text = lines.length > 1 ? lines.join(' ') : line;
  return text.length >= MIN_ABSTRACT_LENGTH || (/[.!?]\s+\S/.test(text) && text.length > 120) || isSentence(text);
}

/**
 * A one-sentence abstract ("We introduce X, a model that …."): a title is in Title Case and does not
 * end with a full stop; a sentence ends with one and most of its words are lower case.
 */
function isSentence(text: string): boolean {
  if (!/[a-z)\]]\.$/.test(text) || /\bet al\.$/.test(text)) return false;
  return isSentenceLike(text);
}

/** Six words or more, most of them lower case: prose, where a Title Case title capitalises its words. */
function isSentenceLike(text: string): boolean {
  const words = text.split(' ');
  if (words.length < 6) return false;
  const lower = words.filter((word) => /^[\p{Ll}]/u.test(word)).length;
  return lower >= words.length * 0.5;
}

/** An abstract saved with hard line breaks: long when joined, and its lines run on into lower case. */
function isHardWrappedProse(lines: string[]): boolean {
  if (lines.length < 2 || !isProse('', lines)) return false;
  const runOns = lines.slice(1).filter((line, index) => /^[\p{Ll}(\d]/u.test(line) || /[,;]$/.test(lines[index] ?? '')).length;
  return runOns >= (lines.length - 1) / 3;
}

const CONTINUES = /(?:[:,\-–—(&/]|\b(?:a|an|the|of|for|with|via|in|on|to|and|or|from|by|at|into|towards?|using|through|beyond|without|vs\.?))$/i;

function wrapsOnto(previous: string, line: string): boolean {
  return CONTINUES.test(previous) || /^[\p{Ll}(]/u.test(line);
}

/** Consecutive short lines: one title wrapped over several lines, or several titles without abstracts. */
function joinWrappedTitles(lines: string[], followedByProse: boolean): string[] {
  // Two lines right before an abstract are one title: a paper has one title and one abstract.
  if (followedByProse && lines.length === 2 && lines.join(' ').length <= MAX_WRAPPED_TITLE) return [lines.join(' ')];
  const titles: string[] = [];
  for (const line of lines) {
    const previous = titles[titles.length - 1];
    const wraps = previous !== undefined && wrapsOnto(previous, line);
    if (wraps && previous.length + line.length < MAX_WRAPPED_TITLE) titles[titles.length - 1] = `${previous} ${line}`;
    else titles.push(line);
  }
  return titles.filter((title) => !/^[\p{Ll}\d_.-]+$/u.test(title)); // a lone user name, not a title
}
