import type { Database } from 'better-sqlite3';

/**
 * Subscriptions: what the reader asked Sift to fetch, and what happened the last time. Config and
 * state are separate tables because the reader edits one and the fetcher writes the other; the state
 * row goes with its subscription (ON DELETE CASCADE).
 *
 * With no row in `subscriptions`, Sift never makes a network request.
 */
export function migration004Subscriptions(db: Database): void {
  db.exec(`
    CREATE TABLE subscriptions (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('hf-daily', 'arxiv-category', 'arxiv-search', 'feed')),
      -- arXiv categories ('cs.CL+cs.LG'), a search query, or a feed URL; '' for Hugging Face daily papers.
      target TEXT NOT NULL,
      include_cross_lists INTEGER NOT NULL DEFAULT 0 CHECK (include_cross_lists IN (0, 1)),
      include_replacements INTEGER NOT NULL DEFAULT 0 CHECK (include_replacements IN (0, 1)),
      -- Where NEW papers go; papers already in the library keep their place.
      destination TEXT NOT NULL DEFAULT 'inbox' CHECK (destination IN ('inbox', 'to-read')),
      tag TEXT,
      enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX subscriptions_by_target ON subscriptions (kind, target);

    CREATE TABLE subscription_state (
      subscription_id INTEGER PRIMARY KEY REFERENCES subscriptions (id) ON DELETE CASCADE,
      last_attempt_at TEXT,
      last_success_at TEXT,
      papers_brought INTEGER NOT NULL DEFAULT 0,
      -- Plain words for the reader ("offline", "the server answered 503"); NULL after a fetch that worked.
      last_problem TEXT,
      failures INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,
      -- 1 when next_attempt_at is the server's Retry-After: even a manual fetch waits for it.
      server_asked_to_wait INTEGER NOT NULL DEFAULT 0 CHECK (server_asked_to_wait IN (0, 1)),
      -- Validators of the last answer, for conditional requests; they belong to validator_url only.
      validator_url TEXT,
      etag TEXT,
      last_modified TEXT,
      -- Hugging Face: the last past day whose list was fetched whole; later days are fetched one by one.
      last_hf_day TEXT
    ) STRICT;
  `);
}
