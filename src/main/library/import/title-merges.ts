import type { Database } from 'better-sqlite3';
import { SiftError } from '../../../shared/api-errors.ts';
import { isoNow } from '../db/clock.ts';
import type { Clock } from '../db/clock.ts';
import { prepared } from '../db/prepared.ts';
import { insertPaper } from './merge-paper.ts';
import type { EnrichmentChange, IncomingPaper } from './merge-paper.ts';

// A merge made on the title alone is remembered, so a wrong one can be split into two papers again:
// the record becomes its own paper and the paper it joined gets back the values it had.

export function recordTitleMerge(db: Database, merge: { digestId: number; position: number; paperId: number; incoming: IncomingPaper; change: EnrichmentChange }): number {
  const result = prepared(
    db,
    `INSERT INTO title_merges (digest_id, position, paper_id, incoming, replaced, added_links) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(merge.digestId, merge.position, merge.paperId, JSON.stringify(merge.incoming), JSON.stringify(merge.change.replaced), JSON.stringify(merge.change.addedLinks));
  return Number(result.lastInsertRowid);
}

interface TitleMergeRow {
  digest_id: number;
  position: number;
  paper_id: number;
  incoming: string;
  replaced: string;
  added_links: string;
  digest_date: string | null;
}

/**
 * Undoes one title-only merge in a single transaction: the paper gets back what the merge filled in,
 * the record becomes a new inbox paper that owns its place in that digest. Returns the new paper's id.
 */
export function splitTitleMerge(db: Database, mergeId: number, clock: Clock): { paperId: number; newPaperId: number } {
  return db.transaction(() => {
    const row = prepared<[number], TitleMergeRow>(
      db,
      `SELECT m.digest_id, m.position, m.paper_id, m.incoming, m.replaced, m.added_links, d.digest_date
         FROM title_merges m JOIN digests d ON d.id = m.digest_id WHERE m.id = ?`,
    ).get(mergeId);
    if (!row) throw new SiftError('not-found', `There is no title merge ${mergeId} to split (it was split already, or its paper or digest was removed).`);
    restoreReplacedValues(db, row.paper_id, JSON.parse(row.replaced) as Record<string, string | number | null>);
    const removeLink = prepared(db, `DELETE FROM paper_links WHERE paper_id = ? AND url = ?`);
    for (const link of JSON.parse(row.added_links) as { url: string }[]) removeLink.run(row.paper_id, link.url);
    const now = isoNow(clock);
    const newPaperId = insertPaper(db, JSON.parse(row.incoming) as IncomingPaper, {
      status: 'inbox',
      digestDate: row.digest_date ?? now.slice(0, 10),
      digestPosition: row.position,
      now,
    });
    prepared(db, `UPDATE paper_digests SET paper_id = ? WHERE paper_id = ? AND digest_id = ?`).run(newPaperId, row.paper_id, row.digest_id);
    prepared(db, `DELETE FROM title_merges WHERE id = ?`).run(mergeId);
    return { paperId: row.paper_id, newPaperId };
  }).immediate();
}

// Only the columns an enrichment may fill; a stored name outside them is ignored, never interpolated.
const RESTORABLE = new Set(['arxiv_id', 'doi', 'title', 'title_key', 'title_is_placeholder', 'abstract', 'authors', 'published_at', 'primary_category', 'volume', 'edition', 'entry_type', 'identity_key']);

function restoreReplacedValues(db: Database, paperId: number, replaced: Record<string, string | number | null>): void {
  const columns = Object.keys(replaced).filter((column) => RESTORABLE.has(column));
  if (columns.length === 0) return;
  const assignments = columns.map((column) => `${column} = @${column}`).join(', ');
  prepared(db, `UPDATE papers SET ${assignments} WHERE id = @id`).run({ ...Object.fromEntries(columns.map((column) => [column, replaced[column] ?? null])), id: paperId });
}
