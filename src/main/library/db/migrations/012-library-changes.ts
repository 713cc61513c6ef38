import type { Database } from 'better-sqlite3';

/** The tables whose rows the reader sees (papers, their links, digests, tags, merges, subscriptions, settings). */
const READER_TABLES = [
  'papers', 'paper_links', 'digests', 'paper_digests', 'tags', 'paper_tags', 'title_merges', 'subscriptions', 'subscription_state', 'settings',
] as const;

/**
 * A counter that moves with every change the reader could see, and with nothing else. SQLite's
 * data_version moves with every commit of another connection, including derived state: the learning
 * process storing 100,000 papers' vectors at a first start made the window reload its lists after each
 * batch (keystroke to paint p95 231 ms instead of 59 ms at 100k papers) and made the reader model look
 * stale after every build that stored a vector. The window, and the model, now follow this counter.
 * Derived tables (search index, vectors, learn terms) have no trigger here; a restore leaves the
 * counter to these triggers (it copies no trigger-written table), so it only ever goes up.
 */
export function migration012LibraryChanges(db: Database): void {
  const triggers = READER_TABLES.flatMap((table) =>
    (['INSERT', 'UPDATE', 'DELETE'] as const).map(
      (event) => `CREATE TRIGGER library_changes_${table}_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN
        UPDATE library_changes SET changes = changes + 1 WHERE id = 1;
      END;`,
    ),
  );
  db.exec(`
    CREATE TABLE library_changes (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      changes INTEGER NOT NULL
    ) STRICT;
    INSERT INTO library_changes (id, changes) VALUES (1, 0);
    ${triggers.join('\n')}
  `);
}
