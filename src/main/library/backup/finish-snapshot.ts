import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { writeBackupStamp } from '../db/library-identity.ts';

export interface SnapshotStamp {
  libraryId: string;
  /** ISO time the check passed, recorded in the backup. */
  checkedAt: string;
}

/** 'ok', or SQLite's words for what is wrong with the snapshot: the caller says it in the library's terms. */
export type SnapshotCheck = { ok: true; paperCount: number } | { ok: false; problem: string };

/**
 * A backup is a self-contained file: checked (`quick_check` reads every page and verifies the b-trees),
 * stamped with whose backup it is and when it was verified, switched to rollback-journal mode (no
 * -wal/-shm beside it, readable by a read-only open), then moved into place. One that fails the check
 * is never moved into place. Synchronous and slow on a large library (seconds at 100k papers): the app
 * runs it in a worker (snapshot-worker.ts); only the before-upgrade snapshot runs it in place.
 */
export function finishSnapshot(partialPath: string, finalPath: string, stamp: SnapshotStamp): SnapshotCheck {
  const snapshot = new BetterSqlite3(partialPath, { fileMustExist: true });
  let paperCount: number;
  try {
    const check = quickCheck(snapshot);
    if (check !== 'ok') return { ok: false, problem: check };
    // Counted here, while the pages are fresh from the check, so the listing need not open the file.
    paperCount = snapshot.prepare('SELECT count(*) FROM papers').pluck().get() as number;
    snapshot.pragma('journal_mode = DELETE');
    writeBackupStamp(snapshot, stamp.libraryId, stamp.checkedAt);
  } finally {
    snapshot.close();
  }
  fs.renameSync(partialPath, finalPath);
  return { ok: true, paperCount };
}

function quickCheck(snapshot: Database): string {
  try {
    const rows = snapshot.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
    return rows.map((row) => row.quick_check).join('; ');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
