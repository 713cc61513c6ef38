import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';
import { arxivIdFromDoi, identityKey, normaliseArxivId, normaliseDoi, normaliseTitle } from '../papers/paper-identity.ts';
import { titleMatchConflict } from '../papers/title-match.ts';
import type { TitleMatchFacts } from '../papers/title-match.ts';
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
  volume: string | null;
  edition: string | null;
  entryType: string | null;
}

interface ExistingRow {
  id: number;
  arxiv_id: string | null;
  doi: string | null;
  title: string;
  title_key: string;
  title_is_placeholder: number;
  abstract: string;
  authors: string;
  published_at: string | null;
  primary_category: string | null;
  volume: string | null;
  edition: string | null;
  entry_type: string | null;
}

/** How a record was found in the library: a title match is the one a reader may want to check. */
export interface PaperMatch {
  row: ExistingRow;
  by: 'arxiv' | 'doi' | 'title';
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
    volume: parsed.volume?.trim() || null,
    edition: parsed.edition?.trim() || null,
    entryType: parsed.entryType?.trim() || null,
  };
}

const SELECT_EXISTING = `SELECT id, arxiv_id, doi, title, title_key, title_is_placeholder, abstract, authors, published_at,
  primary_category, volume, edition, entry_type FROM papers`;

/** The paper this record is, if the library has it (see findPaperMatch). */
export function findExistingPaper(db: Database, paper: IncomingPaper): ExistingRow | undefined {
  return findPaperMatch(db, paper)?.row;
}

/**
 * The paper this record is, if the library has it: by arXiv id, then DOI, then normalised title.
 * A title match only counts when nothing known about the two disagrees (ids, year, volume, edition,
 * kind of work, first author) and the title is not one many works carry ("Introduction").
 */
export function findPaperMatch(db: Database, paper: IncomingPaper): PaperMatch | undefined {
  if (paper.arxivId) {
    const byArxiv = prepared<[string], ExistingRow>(db, `${SELECT_EXISTING} WHERE arxiv_id = ?`).get(paper.arxivId);
    if (byArxiv) return { row: byArxiv, by: 'arxiv' };
  }
  if (paper.doi) {
    const byDoi = prepared<[string], ExistingRow>(db, `${SELECT_EXISTING} WHERE doi = ? LIMIT 1`).get(paper.doi);
    if (byDoi && (!paper.arxivId || !byDoi.arxiv_id)) return { row: byDoi, by: 'doi' };
  }
  if (paper.titleIsPlaceholder || paper.titleKey === '') return undefined;
  // Up to 50 namesakes: enough for every "Introduction" a real library holds, bounded for speed.
  const byTitle = prepared<[string], ExistingRow>(db, `${SELECT_EXISTING} WHERE title_key = ? AND title_is_placeholder = 0 LIMIT 50`).all(paper.titleKey);
  const incoming = titleFacts(paper);
  const row = byTitle.find((candidate) => titleMatchConflict(incoming, rowFacts(candidate)) === null);
  return row ? { row, by: 'title' } : undefined;
}

function titleFacts(paper: IncomingPaper): TitleMatchFacts {
  return { ...paper };
}

function rowFacts(row: ExistingRow): TitleMatchFacts {
  return {
    titleKey: row.title_key,
    arxivId: row.arxiv_id,
    doi: row.doi,
    publishedAt: row.published_at,
    authors: parseAuthors(row.authors),
    volume: row.volume,
    edition: row.edition,
    entryType: row.entry_type,
  };
}

function parseAuthors(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * 'title:<key>' is unique per row, but two works may now share a title: the second gets '#2', and so on.
 * Ids keep their plain keys; only namesakes without ids are numbered.
 */
export function uniqueIdentityKey(db: Database, key: string): string {
  if (!key.startsWith('title:')) return key;
  const taken = prepared<[string], number>(db, `SELECT 1 FROM papers WHERE identity_key = ?`).pluck();
  if (taken.get(key) === undefined) return key;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${key}#${suffix}`;
    if (taken.get(candidate) === undefined) return candidate;
  }
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
       published_at, primary_category, volume, edition, entry_type, status, position, digest_date, digest_position,
       added_at, status_changed_at)
     VALUES (@identityKey, @arxivId, @doi, @title, @titleKey, @placeholder, @abstract, @authors,
       @publishedAt, @primaryCategory, @volume, @edition, @entryType, @status, @position, @digestDate, @digestPosition,
       @now, @now)`,
  ).run({
    identityKey: uniqueIdentityKey(db, identityKey(paper)),
    volume: paper.volume,
    edition: paper.edition,
    entryType: paper.entryType,
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
  const change = enrichPaperRecordingChange(db, existing, paper);
  return Object.keys(change.replaced).length > 0 || change.addedLinks.length > 0;
}

/** What an enrichment changed: each column's value before it, and the links it added. */
export interface EnrichmentChange {
  replaced: Record<string, string | number | null>;
  addedLinks: IncomingPaper['links'];
}

export function enrichPaperRecordingChange(db: Database, existing: ExistingRow, paper: IncomingPaper): EnrichmentChange {
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
  if (!existing.volume && paper.volume) updates.volume = paper.volume;
  if (!existing.edition && paper.edition) updates.edition = paper.edition;
  if (!existing.entry_type && paper.entryType) updates.entry_type = paper.entryType;
  const replaced: Record<string, string | number | null> = {};
  for (const column of Object.keys(updates)) replaced[column] = (existing as unknown as Record<string, string | number | null>)[column] ?? null;
  if ('arxiv_id' in updates || 'doi' in updates) {
    replaced.identity_key = prepared<[number], string>(db, `SELECT identity_key FROM papers WHERE id = ?`).pluck().get(existing.id) ?? null;
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
  return { replaced, addedLinks: insertLinks(db, existing.id, paper.links) };
}

function insertLinks(db: Database, paperId: number, links: IncomingPaper['links']): IncomingPaper['links'] {
  const insert = prepared(db, `INSERT OR IGNORE INTO paper_links (paper_id, kind, url) VALUES (?, ?, ?)`);
  return links.filter((link) => insert.run(paperId, link.kind, link.url).changes > 0);
}

/** "2024-03-29T17:59:59Z" fills in a BibTeX "2024" or "2024-03": same date, said more precisely. */
function isMorePreciseDate(incoming: string, existing: string): boolean {
  return incoming.length > existing.length && incoming.startsWith(existing);
}
