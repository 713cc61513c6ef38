// Writes a run of papers known to be new in a few multi-row statements instead of one statement (and
// one statement journal for the triggers) per paper and per link. The rows are exactly those
// insertPaper would write one by one: the same ids (SQLite gives a new row max(id) + 1, so they are
// assigned here the same way), the same identity keys and the same to-read positions.
import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';
import { identityKey } from '../papers/paper-identity.ts';
import { uniqueIdentityKey } from './merge-paper.ts';
import type { IncomingPaper, NewPaperPlacement } from './merge-paper.ts';

export interface NewPaper {
  paper: IncomingPaper;
  placement: NewPaperPlacement;
}

const PAPER_COLUMNS = `id, identity_key, arxiv_id, doi, title, title_key, title_is_placeholder, abstract, authors,
  published_at, primary_category, volume, edition, entry_type, status, position, digest_date, digest_position,
  added_at, status_changed_at`;
const PAPER_VALUES = `(${Array.from({ length: 20 }, () => '?').join(', ')})`;

/** Rows per statement: a power of two at most, so a handful of statement shapes serve every batch. */
const CHUNK_SIZES = [128, 32, 8, 2, 1] as const;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  let start = 0;
  for (const size of CHUNK_SIZES) {
    while (items.length - start >= size) {
      out.push(items.slice(start, start + size));
      start += size;
    }
  }
  return out;
}

function multiRowInsert(db: Database, head: string, rowSql: string, rows: readonly (readonly unknown[])[]): void {
  for (const chunk of chunks(rows)) {
    prepared(db, `${head} VALUES ${Array.from({ length: chunk.length }, () => rowSql).join(', ')}`).run(chunk.flat());
  }
}

/** Inserts the papers in order and returns their ids. The caller guarantees none matches a paper in the library. */
export function insertNewPapers(db: Database, papers: readonly NewPaper[]): number[] {
  if (papers.length === 0) return [];
  const lastId = prepared(db, `SELECT max(id) FROM papers`).pluck().get() as number | null;
  let lastPosition: number | null = null;
  const rows = papers.map(({ paper, placement }, index) => {
    let position: number | null = null;
    if (placement.status === 'to-read') {
      lastPosition ??= (prepared(db, `SELECT max(position) FROM papers WHERE status = 'to-read'`).pluck().get() as number | null) ?? 0;
      lastPosition += 1;
      position = lastPosition;
    }
    return [
      (lastId ?? 0) + 1 + index,
      // Only papers without ids can collide on their key, and no two in one run share a title key.
      uniqueIdentityKey(db, identityKey(paper)),
      paper.arxivId,
      paper.doi,
      paper.title,
      paper.titleKey,
      paper.titleIsPlaceholder ? 1 : 0,
      paper.abstract,
      JSON.stringify(paper.authors),
      paper.publishedAt,
      paper.primaryCategory,
      paper.volume,
      paper.edition,
      paper.entryType,
      placement.status,
      position,
      placement.digestDate,
      placement.digestPosition,
      placement.now,
      placement.now,
    ];
  });
  multiRowInsert(db, `INSERT INTO papers (${PAPER_COLUMNS})`, PAPER_VALUES, rows);
  const ids = rows.map((row) => row[0] as number);
  const links = papers.flatMap(({ paper }, index) => paper.links.map((link) => [ids[index], link.kind, link.url]));
  multiRowInsert(db, `INSERT OR IGNORE INTO paper_links (paper_id, kind, url)`, '(?, ?, ?)', links);
  return ids;
}

/** Links papers to their digest at their positions, in a few statements. */
export function linkPapersToDigest(db: Database, digestId: number, links: readonly { paperId: number; position: number }[]): void {
  multiRowInsert(
    db,
    `INSERT OR IGNORE INTO paper_digests (paper_id, digest_id, position)`,
    '(?, ?, ?)',
    links.map((link) => [link.paperId, digestId, link.position]),
  );
}
