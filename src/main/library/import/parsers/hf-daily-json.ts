import type { PaperLink } from '../../../../shared/domain.ts';
import { normaliseArxivId } from '../../papers/paper-identity.ts';
import { isHttpUrl, linksInText } from './links-in-text.ts';
import { emptyPaper, reportRecordsRead } from './parsed-digest.ts';
import { parsePythonLiteral } from './python-literal.ts';
import type { ParseContext, ParsedDigest, ParsedPaper } from './parsed-digest.ts';
import { collapseSpace, dayOf, isoDateOrNull, textOf } from './text-fields.ts';

type Json = Record<string, unknown>;

/** The `api/daily_papers` response (an array), or any object holding such an array (`dailyPapers`, `papers`). */
export function parseHfDailyJson(text: string, context?: ParseContext): ParsedDigest {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`the JSON is cut off or malformed (${error instanceof Error ? error.message : String(error)})`);
  }
  const entries = entryArray(value);
  if (!entries) throw new Error('the JSON holds no list of papers (expected an array of {paper: …} entries)');
  const digest = papersFromHfEntries(entries.map(entryFromString), 'hf-daily-json', context);
  // A saving script's wrapper ({"status", "date", "count", "data": […]}) states the day it fetched.
  const wrapperDate = isObject(value) ? textOf(value.date) : '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(wrapperDate) && !Number.isNaN(Date.parse(wrapperDate))) digest.digestDate = wrapperDate;
  return digest;
}

/**
 * Entries some scripts saved as text: Python's repr of the entry ("{'paper': {'id': …}}", from str()
 * instead of json.dumps) or JSON inside JSON. Read as data; anything else is left for the skip report.
 */
function entryFromString(entry: unknown): unknown {
  if (typeof entry !== 'string' || !/^\s*\{/.test(entry)) return entry;
  try {
    return /^\s*\{\s*"/.test(entry) ? JSON.parse(entry) : parsePythonLiteral(entry);
  } catch (error) {
    return { unreadable: `a text entry that is neither JSON nor a Python dict (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** The list of entries in a parsed response, wherever the known shapes keep it; null when there is none. */
export function entryArray(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (!isObject(value)) return null;
  for (const key of ['dailyPapers', 'papers', 'data', 'items']) {
    if (Array.isArray(value[key])) return value[key] as unknown[];
  }
  // A single paper (`api/papers/ID`) is a digest of one.
  return isObject(value.paper) || (typeof value.id === 'string' && typeof value.title === 'string') ? [value] : null;
}

/** Shared with the saved-HTML reader: the page embeds the same entries as the API returns. */
export function papersFromHfEntries(entries: unknown[], format: 'hf-daily-json' | 'hf-papers-html', context?: ParseContext): ParsedDigest {
  const digest: ParsedDigest = { format, digestDate: null, papers: [], skipped: [], warnings: [] };
  entries.forEach((entry, index) => {
    reportRecordsRead(context, index, entries.length);
    const paper = isObject(entry) && !('unreadable' in entry) ? hfEntry(entry) : null;
    if (!paper) {
      const why = isObject(entry) && typeof entry.unreadable === 'string' ? entry.unreadable : typeof entry === 'string' ? `a text entry, not a paper object: "${entry.slice(0, 40)}"` : 'entry is not a paper object';
      digest.skipped.push({ index, reason: why });
      return;
    }
    if (!paper.title && !paper.arxivId) {
      digest.skipped.push({ index, reason: 'entry has neither a title nor a paper id' });
      return;
    }
    digest.papers.push(paper);
    digest.digestDate ??= paper.sectionDate;
  });
  return digest;
}

function hfEntry(entry: Json): ParsedPaper {
  // Entries wrap the paper; a bare paper object (search results, single paper) is read the same way.
  const source = isObject(entry.paper) ? entry.paper : entry;
  const paper = emptyPaper(collapseSpace(textOf(source.title) || textOf(entry.title)));
  paper.abstract = collapseSpace(textOf(source.summary) || textOf(entry.summary));
  paper.arxivId = normaliseArxivId(textOf(source.id));
  paper.authors = Array.isArray(source.authors)
    ? source.authors.map((author) => collapseSpace(isObject(author) ? textOf(author.name) : textOf(author))).filter(Boolean)
    : [];
  paper.publishedAt = isoDateOrNull(textOf(source.publishedAt));
  paper.sectionDate = dayOf(isoDateOrNull(textOf(source.submittedOnDailyAt) || textOf(entry.publishedAt)));
  paper.links = hfLinks(source, paper.arxivId, paper.abstract);
  return paper;
}

function hfLinks(source: Json, arxivId: string | null, abstract: string): PaperLink[] {
  const links: PaperLink[] = [];
  const add = (kind: PaperLink['kind'], url: string) => {
    if (isHttpUrl(url) && !links.some((link) => link.url === url)) links.push({ kind, url });
  };
  if (arxivId) add('hf', `https://huggingface.co/papers/${arxivId}`);
  add('code', textOf(source.githubRepo));
  add('project', textOf(source.projectPage));
  for (const link of linksInText(abstract)) add(link.kind, link.url);
  return links;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
