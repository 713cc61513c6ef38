import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';
import type { LibraryJsonTitleMerge } from './library-json-format.ts';

interface TitleMergeRow {
  id: number;
  digest_id: number;
  position: number;
  paper_id: number;
  incoming: string;
  replaced: string;
  added_links: string;
}

/** A stored JSON column read back; a row an older bug left unreadable is skipped, never fatal to an export. */
function parsed<T>(json: string): T | undefined {
  try {
    return JSON.parse(json) as T;
  } catch {
    return undefined;
  }
}

/** The title-only merges the reader can still split, as the library export writes them. */
export function loadExportTitleMerges(db: Database): LibraryJsonTitleMerge[] {
  return prepared<[], TitleMergeRow>(db, `SELECT id, digest_id, position, paper_id, incoming, replaced, added_links FROM title_merges ORDER BY id`)
    .all()
    .flatMap((row) => {
      const incoming = parsed<LibraryJsonTitleMerge['incoming']>(row.incoming);
      const replaced = parsed<LibraryJsonTitleMerge['replaced']>(row.replaced);
      const addedLinks = parsed<LibraryJsonTitleMerge['addedLinks']>(row.added_links);
      if (!incoming || !replaced || !addedLinks) return [];
      return [{ id: row.id, digestId: row.digest_id, position: row.position, paperId: row.paper_id, incoming, replaced, addedLinks }];
    });
}
