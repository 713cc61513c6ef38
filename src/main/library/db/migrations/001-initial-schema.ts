import type { Database } from 'better-sqlite3';

/** Papers, the digests they came from, tags and settings. Reader state lives on `papers`. */
export function migration001InitialSchema(db: Database): void {
  db.exec(`
    CREATE TABLE papers (
      id INTEGER PRIMARY KEY,
      -- 'arxiv:<id>', else 'doi:<doi>', else 'title:<normalised title>': one paper, one row.
      identity_key TEXT NOT NULL,
      arxiv_id TEXT,
      doi TEXT,
      title TEXT NOT NULL,
      title_key TEXT NOT NULL,
      -- 1 while the title is only an id from a list of links; a later digest replaces it.
      title_is_placeholder INTEGER NOT NULL DEFAULT 0 CHECK (title_is_placeholder IN (0, 1)),
      abstract TEXT NOT NULL DEFAULT '',
      authors TEXT NOT NULL DEFAULT '[]',
      published_at TEXT,
      primary_category TEXT,
      status TEXT NOT NULL DEFAULT 'inbox' CHECK (status IN ('inbox', 'to-read', 'read', 'skipped')),
      starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
      note TEXT NOT NULL DEFAULT '',
      -- Order in the to-read queue; the reader controls it. Fractional so a move rewrites one row.
      position REAL,
      -- Date and rank of the digest that first brought the paper: the inbox order.
      digest_date TEXT,
      digest_position INTEGER,
      added_at TEXT NOT NULL,
      status_changed_at TEXT NOT NULL,
      read_at TEXT,
      starred_at TEXT,
      note_updated_at TEXT
    ) STRICT;
    CREATE UNIQUE INDEX papers_by_identity ON papers (identity_key);
    CREATE UNIQUE INDEX papers_by_arxiv_id ON papers (arxiv_id) WHERE arxiv_id IS NOT NULL;
    CREATE INDEX papers_by_doi ON papers (doi) WHERE doi IS NOT NULL;
    CREATE INDEX papers_by_title_key ON papers (title_key);
    CREATE INDEX papers_inbox_order ON papers (status, digest_date DESC, digest_position, id);
    CREATE INDEX papers_to_read_order ON papers (status, position);
    CREATE INDEX papers_read_order ON papers (status, read_at DESC);
    CREATE INDEX papers_starred_order ON papers (starred, starred_at DESC);
    CREATE INDEX papers_added_order ON papers (added_at DESC, id DESC);

    CREATE TABLE paper_links (
      paper_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      url TEXT NOT NULL,
      PRIMARY KEY (paper_id, url)
    ) STRICT;

    CREATE TABLE digests (
      id INTEGER PRIMARY KEY,
      source_name TEXT NOT NULL,
      format TEXT NOT NULL,
      digest_date TEXT,
      imported_at TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      paper_count INTEGER NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX digests_by_content_hash ON digests (content_hash);

    CREATE TABLE paper_digests (
      paper_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
      digest_id INTEGER NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      PRIMARY KEY (paper_id, digest_id)
    ) STRICT;
    CREATE INDEX paper_digests_by_digest ON paper_digests (digest_id, position);

    CREATE TABLE tags (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL COLLATE NOCASE
    ) STRICT;
    CREATE UNIQUE INDEX tags_by_name ON tags (name);

    CREATE TABLE paper_tags (
      paper_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
      PRIMARY KEY (paper_id, tag_id)
    ) STRICT;
    CREATE INDEX paper_tags_by_tag ON paper_tags (tag_id);

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    -- Marks the file as a Sift library, so open() can tell it from any other SQLite file.
    INSERT INTO settings (key, value) VALUES ('application', 'sift');
  `);
}
