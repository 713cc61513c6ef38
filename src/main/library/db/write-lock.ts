import type { Database } from 'better-sqlite3';

/** What a front end shows while another process holds the library's write lock. */
export const WAITING_MESSAGE = 'waiting for another Sift process to finish writing to the library…';

// A normal write by another process (an import of a large digest, an upgrade) can take longer than a
// busy_timeout is worth: wait this long, having said so, before giving up.
const DEFAULT_PATIENCE_MS = 10 * 60 * 1000;
const CONNECTION_BUSY_TIMEOUT_MS = 5000;
// Short enough that a cancel is felt at once, long enough that waiting costs no CPU to speak of.
const STOPPABLE_WAIT_SLICE_MS = 100;

export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) || (error instanceof Error && /database is locked/i.test(error.message));
}

const lockedTooLong = (patienceMs: number) =>
  new Error(`The library stayed locked by another Sift process for ${Math.round(patienceMs / 1000)} s; nothing was written.`);

function tryBegin(db: Database, busyTimeoutMs: number): boolean {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  try {
    db.exec('BEGIN IMMEDIATE');
    return true;
  } catch (error) {
    if (isBusyError(error)) return false;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${CONNECTION_BUSY_TIMEOUT_MS}`);
  }
}

/**
 * Runs `write` holding the write lock (BEGIN IMMEDIATE … COMMIT, or ROLLBACK when it throws). When
 * another process holds the lock, `onWait` is told once and the wait goes on (SQLite's busy handler)
 * for up to `patienceMs`, instead of failing after the connection's few seconds with "database is
 * locked". Transactions `write` opens itself nest as savepoints.
 */
export function withWriteLock<T>(db: Database, write: () => T, onWait: (message: string) => void, patienceMs = DEFAULT_PATIENCE_MS): T {
  if (!tryBegin(db, 0)) {
    onWait(WAITING_MESSAGE);
    if (!tryBegin(db, patienceMs)) throw lockedTooLong(patienceMs);
  }
  return finish(db, write);
}

/**
 * The same for a thread that may be told to stop while it waits (an import in a worker, which the
 * reader can cancel): the wait goes in short slices of SQLite's busy handler, and `stop()` is asked
 * between them; when it says so, `stopped()` is thrown and nothing was written. Inside a transaction
 * already held (the CLI takes the lock itself), `write` simply runs.
 */
export function withStoppableWriteLock<T>(
  db: Database,
  write: () => T,
  options: { onWait: (message: string) => void; stop: () => boolean; stopped: () => Error; patienceMs?: number },
): T {
  if (db.inTransaction) return write();
  const patienceMs = options.patienceMs ?? DEFAULT_PATIENCE_MS;
  const started = Date.now();
  if (!tryBegin(db, 0)) {
    options.onWait(WAITING_MESSAGE);
    for (;;) {
      if (options.stop()) throw options.stopped();
      if (Date.now() - started > patienceMs) throw lockedTooLong(patienceMs);
      if (tryBegin(db, STOPPABLE_WAIT_SLICE_MS)) break;
    }
  }
  return finish(db, write);
}

/**
 * The same for a server: waits for the lock without blocking the event loop (polling with
 * busy_timeout 0), so reads from other requests are answered meanwhile.
 */
export async function withWriteLockAsync<T>(db: Database, write: () => T | Promise<T>, patienceMs = DEFAULT_PATIENCE_MS): Promise<T> {
  const started = Date.now();
  let pause = 5;
  while (!tryBegin(db, 0)) {
    if (Date.now() - started > patienceMs) throw lockedTooLong(patienceMs);
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 100);
  }
  return finish(db, write);
}

function finish<T>(db: Database, write: () => T): T {
  let result: T;
  try {
    result = write();
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
  if (result instanceof Promise) {
    // An async write keeps the transaction open until it settles.
    return result.then(
      (value) => {
        if (db.inTransaction) db.exec('COMMIT');
        return value;
      },
      (error: unknown) => {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      },
    ) as T;
  }
  if (db.inTransaction) db.exec('COMMIT');
  return result;
}
