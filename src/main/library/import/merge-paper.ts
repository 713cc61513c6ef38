import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';
import { arxivIdFromDoi, identityKey, normaliseArxivId, normaliseDoi, normaliseTitle } from '../papers/paper-identity.ts';
import type { ParsedPaper } from './parsers/parsed-digest.ts';

export interface IncomingPaper {
  arxivId: string | null;
  doi: string | null;
  title: string;
  titleKey: string;
  titleIsPlaceholder: boolean;
  abstract: string;
  authors: string[];
  publishedAt: string | null;
  primaryCategory: string | null;
  links: ParsedPaper['links'];
}

interface ExistingRow {
  id: number;
  arxiv_id: string | null;
  doi: string | null;
  title_is_placeholder: number;
  abstract: string;
  authors: string;
  published_at: string | null;
  primary_category: string | null;
}

/** Longest title kept: a real title is a line; anything longer is a broken source, cut and warned about. */
export const MAX_TITLE_LENGTH = 2000;

export function toIncomingPaper(parsed: ParsedPaper): IncomingPaper {
  const doi = normaliseDoi(parsed.doi);
  const arxivId = normaliseArxivId(parsed.arxivId) ?? arxivIdFromDoi(doi);
  const title = parsed.title.trim().slice(0, MAX_TITLE_LENGTH);
  const placeholder = title === '';
  const shownTitle = placeholder ? (arxivId ? `arXiv:${arxivId}` : doi ? `doi:${doi}` : '') : title;
  return {
    arxivId,
    doi,
    title: shownTitle,
    titleKey: normaliseTitle(shownTitle),
    titleIsPlaceholder: placeholder,
    abstract: parsed.abstract.trim(),
    authors: parsed.authors.map((author) => author.trim()).filter(Boolean),
    publishedAt: parsed.publishedAt,
    primaryCategory: parsed.primaryCategory,
    links: parsed.links,
  };
}

const SELECT_EXISTING = `SELECT id, arxiv_id, doi, title_is_placeholder, abstract, authors, published_at, primary_category FROM papers`;

/**
 * The paper this record is, if the library has it: by arXiv id, then DOI, then normalised title.
 * A title match only counts when the ids do not contradict it (two preprints can share a title).
 */
export function findExistingPaper(db: Database, paper: IncomingPaper): ExistingRow | undefined {
  if (paper.arxivId) {
    const byArxiv = prepared<[string], ExistingRow>(db, `${SELECT_EXISTING} WHERE arxiv_id = ?`).get(paper.arxivId);
    if (byArxiv) return byArxiv;
  }
  if (paper.doi) {
    const byDoi = prepared<[string], ExistingRow>(db, `${SELECT_EXISTING} WHERE doi = ? LIMIT 1`).get(paper.doi);
    if (byDoi && (!paper.arxivId || !byDoi.arxiv_id)) return byDoi;
  }
  if (paper.titleIsPlaceholder || paper.titleKey === '') return undefined;
  const byTitle = prepared<[string], ExistingRow>(db, `${SELECT_EXISTING} WHERE title_key = ? LIMIT 4`).all(paper.titleKey);
  return byTitle.find(
    (row) =>
      (!paper.arxivId || !row.arxiv_id || row.arxiv_id === paper.arxivId) &&
      (!paper.doi || !row.doi || row.doi === paper.doi),
  );
}

export interface NewPaperPlacement {
  status: 'inbox' | 'to-read';
  digestDate: string | null;
  digestPosition: number;
  now: string;
}

export function insertPaper(db: Database, paper: IncomingPaper, placement: NewPaperPlacement): number {
  const position =
    placement.status === 'to-read'
      ? ((prepared(db, `SELECT max(position) FROM papers WHERE status = 'to-read'`).pluck().get() as number | null) ?? 0) + 1
      : null;
  const result = prepared(
    db,
    `INSERT INTO papers (identity_key, arxiv_id, doi, title, title_key, title_is_placeholder, abstract, authors,
       published_at, primary_category, status, position, digest_date, digest_position, added_at, status_changed_at)
     VALUES (@identityKey, @arxivId, @doi, @title, @titleKey, @placeholder, @abstract, @authors,
       @publishedAt, @primaryCategory, @status, @position, @digestDate, @digestPosition, @now, @now)`,
  ).run({
    identityKey: identityKey(paper),
    arxivId: paper.arxivId,
    doi: paper.doi,
    title: paper.title,
    titleKey: paper.titleKey,
    placeholder: paper.titleIsPlaceholder ? 1 : 0,
    abstract: paper.abstract,
    authors: JSON.stringify(paper.authors),
    publishedAt: paper.publishedAt,
    primaryCategory: paper.primaryCategory,
    status: placement.status,
    position,
    digestDate: placement.digestDate,
    digestPosition: placement.digestPosition,
    now: placement.now,
  });
  const id = Number(result.lastInsertRowid);
  insertLinks(db, id, paper.links);
  return id;
}

/**
 * Fills in what the library did not know yet. Never touches reader state (status, star, tags, note,
 * position). Returns true when anything changed.
 */
export function enrichPaper(db: Database, existing: ExistingRow, paper: IncomingPaper): boolean {
  const updates: Record<string, string | number | null> = {};
  if (!existing.arxiv_id && paper.arxivId) updates.arxiv_id = paper.arxivId;
  if (!existing.doi && paper.doi) updates.doi = paper.doi;
  if (existing.title_is_placeholder && !paper.titleIsPlaceholder) {
    updates.title = paper.title;
    updates.title_key = paper.titleKey;
    updates.title_is_placeholder = 0;
  }
  if (!existing.abstract && paper.abstract) updates.abstract = paper.abstract;
  if (existing.authors === '[]' && paper.authors.length) updates.authors = JSON.stringify(paper.authors);
  if (paper.publishedAt && (!existing.published_at || isMorePreciseDate(paper.publishedAt, existing.published_at))) {
    updates.published_at = paper.publishedAt;
  }
  if (!existing.primary_category && paper.primaryCategory) updates.primary_category = paper.primaryCategory;
  if ('arxiv_id' in updates || 'doi' in updates) {
    updates.identity_key = identityKey({
      arxivId: (updates.arxiv_id as string | undefined) ?? existing.arxiv_id,
      doi: (updates.doi as string | undefined) ?? existing.doi,
      titleKey: '',
    });
  }
  const columns = Object.keys(updates);
  if (columns.length) {
    // Column names come from the fixed set above, never from input.
    const assignments = columns.map((column) => `${column} = @${column}`).join(', ');
    prepared(db, `UPDATE papers SET ${assignments} WHERE id = @id`).run({ ...updates, id: existing.id });
  }
  const linksAdded = insertLinks(db, existing.id, paper.links);
  return columns.length > 0 || linksAdded > 0;
}

function insertLinks(db: Database, paperId: number, links: IncomingPaper['links']): number {
  let added = 0;
  const insert = prepared(db, `INSERT OR IGNORE INTO paper_links (paper_id, kind, url) VALUES (?, ?, ?)`);
  for (const link of links) added += insert.run(paperId, link.kind, link.url).changes;
  return added;
}

/** "2024-03-29T17:59:59Z" fills in a BibTeX "2024" or "2024-03": same date, said more precisely. */
function isMorePreciseDate(incoming: string, existing: string): boolean {
  return incoming.length > existing.length && incoming.startsWith(existing);
}
