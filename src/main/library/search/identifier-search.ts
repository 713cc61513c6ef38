// A search box that holds only paper identifiers (an arXiv id, an arXiv or Hugging Face link, a DOI or
// a publisher's DOI link, or several of them) finds those papers by id. Read as words, `2501.12948`
// matched nothing and was "corrected" to `250-12948`. An arXiv id still being typed (`2501.129`)
// finds the papers whose ids start so, in id order.
import type { Database } from 'better-sqlite3';
import type { Queue } from '../../../shared/domain.ts';
import { prepared } from '../db/prepared.ts';
import { paperReferencesIn } from '../import/parsers/id-list.ts';
import { QUEUE_ORDER } from '../papers/list-papers.ts';

export interface IdentifierMatches {
  /** Matching paper ids: the identifiers typed, in the order typed, then ids that start as typed. */
  ids: number[];
}

/** A new-style arXiv id as it is being typed: four digits, a dot, up to five more. */
const ARXIV_PREFIX = /^(?:arxiv:\s*)?(\d{4}\.\d{0,5})$/i;
const SCHEMELESS_LINK = /^(?:www\.)?(?:arxiv\.org|huggingface\.co|(?:dx\.)?doi\.org)\//i;
/** Prefix matches shown for an unfinished id: far more than a screen, far fewer than a month of arXiv. */
const PREFIX_LIMIT = 500;

/** The identifiers the query is made of; null when any part of it is something else (words). */
function identifiersOf(query: string): { arxivIds: string[]; dois: string[] } | null {
  const tokens = query
    .replace(/\b(?:arxiv|doi):\s+/gi, (label) => label.trim())
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (tokens.length === 0) return null;
  const arxivIds: string[] = [];
  const dois: string[] = [];
  for (const written of tokens) {
    // Links copied from an address bar often lose their scheme.
    const token = SCHEMELESS_LINK.test(written) ? `https://${written}` : written;
    const [reference, ...more] = paperReferencesIn(token);
    if (!reference || more.length) return null;
    if (reference.arxivId) arxivIds.push(reference.arxivId);
    else if (reference.doi) dois.push(reference.doi);
  }
  return { arxivIds, dois };
}

/** The papers a query of identifiers names; null when the query is not one. */
export function searchByIdentifier(db: Database, query: string, queue: Queue | undefined): IdentifierMatches | null {
  const trimmed = query.trim();
  const inQueue = QUEUE_ORDER[queue ?? 'all'].where;
  const typing = ARXIV_PREFIX.exec(trimmed)?.[1];
  const named = identifiersOf(trimmed);
  if (!named && !typing) return null;
  const ids: number[] = [];
  const seen = new Set<number>();
  const add = (id: number) => {
    if (seen.has(id)) return;
    seen.add(id);
    ids.push(id);
  };
  const byArxivId = prepared<[string], number>(db, `SELECT p.id FROM papers p WHERE p.arxiv_id = ? AND ${inQueue}`).pluck();
  const byDoi = prepared<[string], number>(db, `SELECT p.id FROM papers p WHERE p.doi = ? AND ${inQueue}`).pluck();
  for (const arxivId of named?.arxivIds ?? []) {
    const id = byArxivId.get(arxivId);
    if (id !== undefined) add(id);
  }
  for (const doi of named?.dois ?? []) for (const id of byDoi.all(doi)) add(id);
  if (typing) {
    // A range on the arxiv_id index: every id that starts with what is typed so far.
    const upper = typing.slice(0, -1) + String.fromCharCode(typing.charCodeAt(typing.length - 1) + 1);
    const started = prepared<[string, string, number], number>(
      db,
      `SELECT p.id FROM papers p WHERE p.arxiv_id >= ? AND p.arxiv_id < ? AND ${inQueue} ORDER BY p.arxiv_id LIMIT ?`,
    ).pluck();
    for (const id of started.all(typing, upper, PREFIX_LIMIT)) add(id);
  }
  return { ids };
}
