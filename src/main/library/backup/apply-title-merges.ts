import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';
import type { LibraryJsonTitleMerge } from '../export/library-json-format.ts';

export interface RestoredIds {
  /** File paper id → library paper id, for the papers this restore inserted (their rows are the file's). */
  insertedPapers: ReadonlyMap<number, number>;
  /** File digest id → library digest id. */
  digests: ReadonlyMap<number, number>;
  /** An empty library keeps the file's ids, merge ids included. */
  keepIds: boolean;
}

/**
 * Brings back the title-only merges of papers this restore inserted, so a wrong merge can still be
 * split. A paper the library already had was never merged with that record here: its merges stay out.
 */
export function applyTitleMerges(db: Database, merges: readonly LibraryJsonTitleMerge[], ids: RestoredIds): void {
  const insert = prepared(db, `INSERT INTO title_merges (id, digest_id, position, paper_id, incoming, replaced, added_links) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const merge of merges) {
    const paperId = ids.insertedPapers.get(merge.paperId);
    const digestId = ids.digests.get(merge.digestId);
    if (paperId === undefined || digestId === undefined) continue;
    insert.run(
      ids.keepIds ? merge.id : null,
      digestId,
      merge.position,
      paperId,
      JSON.stringify(merge.incoming),
      JSON.stringify(merge.replaced),
      JSON.stringify(merge.addedLinks),
    );
  }
}
