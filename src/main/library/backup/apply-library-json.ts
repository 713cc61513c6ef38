import type { Database } from 'better-sqlite3';
import type { RestorePreview } from '../../../shared/contract/safety-contract.ts';
import { prepared } from '../db/prepared.ts';
import type { LibraryJson, LibraryJsonPaper } from '../export/library-json-format.ts';
import { enrichPaper, findExistingPaper, toIncomingPaper, uniqueIdentityKey } from '../import/merge-paper.ts';
import type { IncomingPaper } from '../import/merge-paper.ts';
import { identityKey, normaliseTitle } from '../papers/paper-identity.ts';
import { parsedPaperOf } from '../export/sift-json-reader.ts';
import { applySubscriptions } from './apply-subscriptions.ts';
import { applyTitleMerges } from './apply-title-merges.ts';

interface ReaderStateRow {
  status: string;
  starred: number;
  note: string;
  position: number | null;
  tag_count: number;
}

/**
 * Folds a Sift JSON export into the library. Call inside one write transaction.
 *
 * Into an empty library the papers, digests and tags keep their ids, so the result is the library
 * that was exported. Into a non-empty one each paper is matched by the import rule (arXiv id → DOI
 * → normalised title): missing bibliographic fields are filled as an import would, and the file's
 * reader state (status, star, note, tags) is taken only where the library has none — a paper still
 * in the inbox, not starred, without a note, without tags. Nothing the reader decided is overwritten.
 * Subscriptions the library lacks are added (matched by kind and target, a feed by its address).
 */
export function applyLibraryJson(db: Database, document: LibraryJson): RestorePreview {
  const empty = prepared(db, `SELECT NOT EXISTS (SELECT 1 FROM papers) AND NOT EXISTS (SELECT 1 FROM digests) AND NOT EXISTS (SELECT 1 FROM tags)`)
    .pluck()
    .get() === 1;
  const subscriptions = document.subscriptions ?? [];
  const outcome: RestorePreview = {
    papers: document.papers.length,
    newPapers: 0,
    updatedPapers: 0,
    digests: document.digests.length,
    newDigests: 0,
    subscriptions: subscriptions.length,
    newSubscriptions: applySubscriptions(db, subscriptions),
  };
  const nextToReadPosition = toReadPositions(db, document, empty);
  // Tags first, so an empty library gets them under their own ids.
  const addTag = prepared(db, `INSERT OR IGNORE INTO tags (id, name) VALUES (?, ?)`);
  for (const tag of document.tags) addTag.run(empty ? tag.id : null, tag.name);
  const libraryIds = new Map<number, number>();
  const insertedPapers = new Map<number, number>();
  // Into an empty library, in the order the papers first came in (their ids): two works sharing a
  // title then get their identity keys ("…", "…#2") in the same order as in the exported library.
  const papers = empty ? [...document.papers].sort((a, b) => a.id - b.id) : document.papers;
  for (const paper of papers) {
    const incoming = incomingOf(paper);
    const existing = empty ? undefined : findExistingPaper(db, incoming);
    if (existing) {
      const enriched = enrichPaper(db, existing, incoming);
      const filled = fillReaderState(db, existing.id, paper, nextToReadPosition);
      if (enriched || filled) outcome.updatedPapers += 1;
      libraryIds.set(paper.id, existing.id);
    } else {
      const id = insertRestoredPaper(db, paper, incoming, empty, nextToReadPosition);
      libraryIds.set(paper.id, id);
      insertedPapers.set(paper.id, id);
      outcome.newPapers += 1;
    }
  }
  const digestIds = new Map<number, number>();
  const linkDigest = prepared(db, `INSERT OR IGNORE INTO paper_digests (paper_id, digest_id, position) VALUES (?, ?, ?)`);
  for (const digest of document.digests) {
    let digestId = prepared<[string], number>(db, `SELECT id FROM digests WHERE content_hash = ?`).pluck().get(digest.contentHash);
    if (digestId === undefined) {
      digestId = Number(
        prepared(
          db,
          `INSERT INTO digests (id, source_name, format, digest_date, imported_at, content_hash, paper_count) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(empty ? digest.id : null, digest.sourceName, digest.format, digest.digestDate, digest.importedAt, digest.contentHash, digest.paperCount)
          .lastInsertRowid,
      );
      outcome.newDigests += 1;
    }
    digestIds.set(digest.id, digestId);
    for (const entry of digest.papers) {
      const paperId = libraryIds.get(entry.paperId);
      if (paperId !== undefined) linkDigest.run(paperId, digestId, entry.position);
    }
  }
  applyTitleMerges(db, document.titleMerges ?? [], { insertedPapers, digests: digestIds, keepIds: empty });
  return outcome;
}

function incomingOf(paper: LibraryJsonPaper): IncomingPaper {
  return toIncomingPaper(parsedPaperOf(paper));
}

/**
 * Where a paper that enters the to-read queue from the file goes. Into an empty library: its own
 * position. Otherwise: after the library's queue, in the file's own to-read order.
 */
function toReadPositions(db: Database, document: LibraryJson, empty: boolean): (paper: LibraryJsonPaper) => number | null {
  if (empty) return (paper) => paper.position;
  const base = (prepared(db, `SELECT coalesce(max(position), 0) FROM papers WHERE status = 'to-read'`).pluck().get() as number) + 1;
  const order = document.papers
    .filter((paper) => paper.status === 'to-read')
    .sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity) || a.id - b.id);
  const rank = new Map(order.map((paper, index) => [paper.id, index]));
  return (paper) => base + (rank.get(paper.id) ?? order.length);
}

function insertRestoredPaper(
  db: Database,
  paper: LibraryJsonPaper,
  incoming: IncomingPaper,
  keepId: boolean,
  position: (paper: LibraryJsonPaper) => number | null,
): number {
  // The stored title is kept verbatim (placeholder titles included), so an empty-library restore is exact.
  const title = paper.titleIsPlaceholder ? incoming.title || paper.title : incoming.title;
  const id = Number(
    prepared(
      db,
      `INSERT INTO papers (id, identity_key, arxiv_id, doi, title, title_key, title_is_placeholder, abstract, authors,
         published_at, primary_category, volume, edition, entry_type, status, starred, note, position, digest_date,
         digest_position, added_at, status_changed_at, read_at, starred_at, note_updated_at)
       VALUES (@id, @identityKey, @arxivId, @doi, @title, @titleKey, @placeholder, @abstract, @authors,
         @publishedAt, @primaryCategory, @volume, @edition, @entryType, @status, @starred, @note, @position, @digestDate,
         @digestPosition, @addedAt, @statusChangedAt, @readAt, @starredAt, @noteUpdatedAt)`,
    ).run({
      id: keepId ? paper.id : null,
      identityKey: uniqueIdentityKey(db, identityKey({ ...incoming, titleKey: normaliseTitle(title) })),
      arxivId: incoming.arxivId,
      doi: incoming.doi,
      title,
      titleKey: normaliseTitle(title),
      placeholder: paper.titleIsPlaceholder ? 1 : 0,
      abstract: paper.abstract,
      authors: JSON.stringify(paper.authors),
      publishedAt: paper.publishedAt,
      primaryCategory: paper.primaryCategory,
      volume: incoming.volume,
      edition: incoming.edition,
      entryType: incoming.entryType,
      status: paper.status,
      starred: paper.starred ? 1 : 0,
      note: paper.note,
      position: paper.status === 'to-read' || keepId ? position(paper) : null,
      digestDate: paper.digestDate,
      digestPosition: paper.digestPosition,
      addedAt: paper.addedAt,
      statusChangedAt: paper.statusChangedAt,
      readAt: paper.readAt,
      starredAt: paper.starredAt,
      noteUpdatedAt: paper.noteUpdatedAt,
    }).lastInsertRowid,
  );
  const addLink = prepared(db, `INSERT OR IGNORE INTO paper_links (paper_id, kind, url) VALUES (?, ?, ?)`);
  for (const link of paper.links) addLink.run(id, link.kind, link.url);
  tagPaper(db, id, paper.tags);
  return id;
}

function tagPaper(db: Database, paperId: number, tags: readonly string[]): void {
  const addTag = prepared(db, `INSERT OR IGNORE INTO tags (name) VALUES (?)`);
  const link = prepared(db, `INSERT OR IGNORE INTO paper_tags (paper_id, tag_id) SELECT ?, id FROM tags WHERE name = ?`);
  for (const tag of tags) {
    addTag.run(tag);
    link.run(paperId, tag);
  }
}

/** Takes the file's reader state only where the library has none. True when anything changed. */
function fillReaderState(db: Database, id: number, paper: LibraryJsonPaper, position: (paper: LibraryJsonPaper) => number | null): boolean {
  const row = prepared<[number], ReaderStateRow>(
    db,
    `SELECT status, starred, note, position, (SELECT count(*) FROM paper_tags WHERE paper_id = p.id) AS tag_count FROM papers p WHERE id = ?`,
  ).get(id);
  if (!row) return false;
  let changed = false;
  if (row.status === 'inbox' && paper.status !== 'inbox') {
    prepared(db, `UPDATE papers SET status = ?, status_changed_at = ?, read_at = ?, position = ? WHERE id = ?`).run(
      paper.status,
      paper.statusChangedAt,
      paper.readAt,
      paper.status === 'to-read' ? position(paper) : row.position,
      id,
    );
    changed = true;
  }
  if (row.starred === 0 && paper.starred) {
    prepared(db, `UPDATE papers SET starred = 1, starred_at = ? WHERE id = ?`).run(paper.starredAt, id);
    changed = true;
  }
  if (row.note === '' && paper.note !== '') {
    prepared(db, `UPDATE papers SET note = ?, note_updated_at = ? WHERE id = ?`).run(paper.note, paper.noteUpdatedAt, id);
    changed = true;
  }
  if (row.tag_count === 0 && paper.tags.length > 0) {
    tagPaper(db, id, paper.tags);
    changed = true;
  }
  return changed;
}
