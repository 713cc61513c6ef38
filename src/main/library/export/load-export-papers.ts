import type { Database } from 'better-sqlite3';
import type { LinkKind, PaperLink, PaperStatus, Queue } from '../../../shared/domain.ts';
import { withoutControlCharacters as clean } from '../../../shared/paper-limits.ts';
import { prepared } from '../db/prepared.ts';
import { isHttpUrl } from '../import/parsers/links-in-text.ts';
import { listPapers } from '../papers/list-papers.ts';
import { parseAuthors } from '../papers/paper-rows.ts';

/** Everything the library knows about one paper: what every export format picks from. */
export interface ExportPaper {
  id: number;
  arxivId: string | null;
  doi: string | null;
  title: string;
  titleIsPlaceholder: boolean;
  abstract: string;
  authors: string[];
  publishedAt: string | null;
  primaryCategory: string | null;
  status: PaperStatus;
  starred: boolean;
  note: string;
  position: number | null;
  digestDate: string | null;
  digestPosition: number | null;
  addedAt: string;
  statusChangedAt: string;
  readAt: string | null;
  starredAt: string | null;
  noteUpdatedAt: string | null;
  tags: string[];
  /** Links as stored (identity links such as the arXiv abstract page are derived by each format). */
  links: PaperLink[];
  /** As the source stated them (a book's volume and edition, "article-journal"); null when none did. */
  volume: string | null;
  edition: string | null;
  entryType: string | null;
  digestIds: number[];
}

export interface ExportScope {
  queue?: Queue | undefined;
  tag?: string | undefined;
}

interface PaperRow {
  id: number;
  arxiv_id: string | null;
  doi: string | null;
  title: string;
  title_is_placeholder: number;
  abstract: string;
  authors: string;
  published_at: string | null;
  primary_category: string | null;
  status: PaperStatus;
  starred: number;
  note: string;
  position: number | null;
  digest_date: string | null;
  digest_position: number | null;
  added_at: string;
  status_changed_at: string;
  read_at: string | null;
  starred_at: string | null;
  note_updated_at: string | null;
  volume: string | null;
  edition: string | null;
  entry_type: string | null;
}

// The ids travel as one JSON array: one statement for any number of papers, no SQL built from input.
const IN_IDS = `IN (SELECT value FROM json_each(?))`;

/**
 * The papers of a queue (default: all) and optional tag, in the order the reader sees them in that
 * queue, with tags, note, links and the digests that contained them. Reads in one transaction so a
 * concurrent write cannot show up half-way through the export.
 */
export function loadExportPapers(db: Database, scope: ExportScope = {}): ExportPaper[] {
  return db.transaction(() => {
    const ordered = listPapers(db, { queue: scope.queue ?? 'all', tag: scope.tag, limit: Number.MAX_SAFE_INTEGER });
    const ids = ordered.papers.map((paper) => paper.id);
    return loadPapersByIds(db, ids);
  })();
}

/** Full records for the given ids, in the given order. */
export function loadPapersByIds(db: Database, ids: readonly number[]): ExportPaper[] {
  if (ids.length === 0) return [];
  const idsJson = JSON.stringify(ids);
  const rows = prepared<[string], PaperRow>(
    db,
    `SELECT id, arxiv_id, doi, title, title_is_placeholder, abstract, authors, published_at, primary_category, status,
       starred, note, position, digest_date, digest_position, added_at, status_changed_at, read_at, starred_at, note_updated_at,
       volume, edition, entry_type
     FROM papers WHERE id ${IN_IDS}`,
  ).all(idsJson);
  const tags = groupBy(
    prepared<[string], { paper_id: number; name: string }>(
      db,
      `SELECT pt.paper_id, t.name FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
       WHERE pt.paper_id ${IN_IDS} ORDER BY t.name COLLATE NOCASE, t.name`,
    ).all(idsJson),
    (row) => row.name,
  );
  const links = groupBy(
    prepared<[string], { paper_id: number; kind: LinkKind; url: string }>(
      db,
      `SELECT paper_id, kind, url FROM paper_links WHERE paper_id ${IN_IDS} ORDER BY rowid`,
    ).all(idsJson),
    (row): PaperLink => ({ kind: row.kind, url: row.url }),
  );
  const digests = groupBy(
    prepared<[string], { paper_id: number; digest_id: number }>(
      db,
      `SELECT paper_id, digest_id FROM paper_digests WHERE paper_id ${IN_IDS} ORDER BY digest_id`,
    ).all(idsJson),
    (row) => row.digest_id,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const papers: ExportPaper[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) continue;
    papers.push({
      id: row.id,
      arxivId: row.arxiv_id,
      // No export carries NUL or other control characters, whatever an older Sift let in.
      doi: row.doi === null ? null : clean(row.doi),
      title: clean(row.title),
      titleIsPlaceholder: row.title_is_placeholder === 1,
      abstract: clean(row.abstract),
      authors: parseAuthors(row.authors).map(clean),
      publishedAt: row.published_at,
      primaryCategory: row.primary_category,
      status: row.status,
      starred: row.starred === 1,
      note: clean(row.note),
      position: row.position,
      digestDate: row.digest_date,
      digestPosition: row.digest_position,
      addedAt: row.added_at,
      statusChangedAt: row.status_changed_at,
      readAt: row.read_at,
      starredAt: row.starred_at,
      noteUpdatedAt: row.note_updated_at,
      tags: (tags.get(id) ?? []).map(clean),
      links: links.get(id) ?? [],
      volume: row.volume === null ? null : clean(row.volume),
      edition: row.edition === null ? null : clean(row.edition),
      entryType: row.entry_type === null ? null : clean(row.entry_type),
      digestIds: digests.get(id) ?? [],
    });
  }
  return papers;
}

function groupBy<Row extends { paper_id: number }, Value>(rows: Row[], pick: (row: Row) => Value): Map<number, Value[]> {
  const groups = new Map<number, Value[]>();
  for (const row of rows) {
    const group = groups.get(row.paper_id);
    if (group) group.push(pick(row));
    else groups.set(row.paper_id, [pick(row)]);
  }
  return groups;
}

/** The page a citation should point at: arXiv abstract page, else the DOI, else the first stored link. */
export function canonicalUrl(paper: Pick<ExportPaper, 'arxivId' | 'doi' | 'links'>): string | null {
  if (paper.arxivId) return `https://arxiv.org/abs/${paper.arxivId}`;
  if (paper.doi) return `https://doi.org/${paper.doi}`;
  // Only http(s): a `javascript:` link stored by an older Sift never becomes a clickable export.
  return paper.links.find((link) => isHttpUrl(link.url))?.url ?? null;
}

/** Publication year: the stated date, else the year a new-style arXiv id encodes (2403.01234 → 2024). */
export function publicationYear(paper: Pick<ExportPaper, 'publishedAt' | 'arxivId'>): string | null {
  const stated = paper.publishedAt ? /^(\d{4})/.exec(paper.publishedAt)?.[1] : undefined;
  if (stated) return stated;
  const fromId = paper.arxivId ? /^(\d{2})(\d{2})\./.exec(paper.arxivId) : null;
  if (fromId?.[1]) return `20${fromId[1]}`;
  const oldStyle = paper.arxivId ? /\/(\d{2})\d{5}$/.exec(paper.arxivId) : null;
  if (oldStyle?.[1]) return `${Number(oldStyle[1]) > 90 ? '19' : '20'}${oldStyle[1]}`;
  return null;
}
