import type { PaperStatus, PaperSummary } from '../../../shared/domain.ts';

/**
 * The summary columns but the abstract's word count, for a query that reads the whole abstract anyway
 * and counts in JavaScript (abstractWords): SQLite's replace() copy of each abstract was two thirds of
 * the cost of reading a search's rows.
 */
export const SUMMARY_COLUMNS_BUT_WORDS = `p.id, p.title, p.authors, p.status, p.starred, p.arxiv_id, p.digest_date, p.added_at,
  p.read_at, p.starred_at, p.position, substr(p.abstract, 1, 240) AS abstract_preview, p.title_is_placeholder AS id_only,
  (SELECT min(pd.digest_id) FROM paper_digests pd WHERE pd.paper_id = p.id) AS first_digest_id,
  (SELECT group_concat(t.name, char(31)) FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = p.id) AS tags`;

/** Columns every list query selects; `tags` comes from a correlated group_concat. */
export const SUMMARY_COLUMNS = `${SUMMARY_COLUMNS_BUT_WORDS},
  length(p.abstract) - length(replace(p.abstract, ' ', '')) + (p.abstract <> '') AS abstract_words`;

/** The word count SUMMARY_COLUMNS gives: spaces, plus one when there is any text. */
export function abstractWords(abstract: string): number {
  let spaces = 0;
  for (let index = abstract.indexOf(' '); index !== -1; index = abstract.indexOf(' ', index + 1)) spaces += 1;
  return spaces + (abstract === '' ? 0 : 1);
}

export interface PaperSummaryRow {
  id: number;
  title: string;
  authors: string;
  status: PaperStatus;
  starred: number;
  arxiv_id: string | null;
  digest_date: string | null;
  added_at: string;
  read_at: string | null;
  starred_at: string | null;
  position: number | null;
  abstract_preview: string;
  id_only: number;
  first_digest_id: number | null;
  abstract_words: number;
  tags: string | null;
}

export function rowToPaperSummary(row: PaperSummaryRow): PaperSummary {
  return {
    id: row.id,
    title: row.title,
    authors: parseAuthors(row.authors),
    status: row.status,
    starred: row.starred === 1,
    arxivId: row.arxiv_id,
    digestDate: row.digest_date,
    addedAt: row.added_at,
    readAt: row.read_at,
    starredAt: row.starred_at,
    position: row.position,
    abstractPreview: row.abstract_preview,
    idOnly: row.id_only === 1,
    firstDigestId: row.first_digest_id,
    abstractWords: row.abstract_words,
    tags: row.tags ? row.tags.split('\u001f').sort((a, b) => a.localeCompare(b)) : [],
  };
}

export function parseAuthors(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}
