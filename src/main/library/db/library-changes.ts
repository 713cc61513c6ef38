// How the app tells that the library changed in a way the reader could see (migration 012), not merely
// that some connection committed: the learning process storing vectors commits too, and must neither
// make the window reload its lists nor make the reader model look stale.
import type { Database } from 'better-sqlite3';
import { prepared } from './prepared.ts';

/** The reader-visible change counter; null in a library too old to have one (opened read-only). */
export function libraryChanges(db: Database): number | null {
  try {
    return prepared<[], number>(db, `SELECT changes FROM library_changes WHERE id = 1`).pluck().get() ?? null;
  } catch {
    return null;
  }
}

/** A token that changes whenever the library changes as the reader sees it, by this connection or another. */
export function libraryRevision(db: Database): string {
  const changes = libraryChanges(db);
  if (changes !== null) return `changes:${changes}`;
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  const ownChanges = prepared<[], number>(db, 'SELECT total_changes()').pluck().get() ?? 0;
  return `${dataVersion}:${ownChanges}`;
}

/**
 * What the window polls: a number that moves when *another* connection committed a change the reader
 * can see (a `sift import`, a second window). The window hears of its own writes as it makes them, so
 * those alone leave the number as it was, and so does another connection's derived state.
 */
export function externalChangeWatch(db: Database): () => number {
  let dataVersion: number | null = null;
  let lastChanges: number | null = null;
  let reported = 0;
  return () => {
    const now = db.pragma('data_version', { simple: true }) as number;
    const changes = libraryChanges(db);
    const foreignCommit = dataVersion !== null && now !== dataVersion;
    // Without the counter every foreign commit counts, as before it existed.
    if (foreignCommit && (changes === null || changes !== lastChanges)) reported += 1;
    dataVersion = now;
    lastChanges = changes;
    return reported;
  };
}
