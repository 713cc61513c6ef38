import type { Database } from 'better-sqlite3';

/**
 * Old-style arXiv ids stored before imports canonicalised them (`cs.DB/0003005` is `cs/0003005`, the
 * subject class is not part of the id; `hep-th/9901001v2` is `hep-th/9901001`; any `vN` or `arXiv:`)
 * are rewritten to the form every import now produces, so a later import of the same paper finds it.
 *
 * Two papers that become one id are one paper: they merge into the one that arrived first, by the
 * rules an import and a restore already follow. Bibliographic fields fill in only what the survivor
 * lacks (title only over a placeholder; a date only when more precise). Reader state is never lost: the
 * latest triage decision wins over an older one and over the inbox, a star is kept, two different
 * notes are both kept, tags, links, digest links (at their positions) and title-merge records move to
 * the survivor. The other row is then deleted, and the search triggers queue both for reindexing.
 *
 * The id rule is written out here, not imported: a migration must keep doing what it did when released.
 */
const NEW_STYLE = /^(\d{4}\.\d{4,5})(v\d+)?$/;
const OLD_STYLE = /^([a-z-]+)(?:\.[A-Z]{2})?\/(\d{7})(v\d+)?$/i;

function canonicalArxivId(raw: string): string | null {
  const trimmed = raw.trim().replace(/^arxiv:\s*/i, '');
  const modern = NEW_STYLE.exec(trimmed);
  if (modern?.[1]) return modern[1];
  const old = OLD_STYLE.exec(trimmed);
  return old?.[1] && old[2] ? `${old[1].toLowerCase()}/${old[2]}` : null;
}

interface PaperRow {
  id: number;
  arxiv_id: string;
  doi: string | null;
  title: string;
  title_key: string;
  title_is_placeholder: number;
  abstract: string;
  authors: string;
  published_at: string | null;
  primary_category: string | null;
  volume: string | null;
  edition: string | null;
  entry_type: string | null;
  status: string;
  starred: number;
  note: string;
  position: number | null;
  added_at: string;
  status_changed_at: string;
  read_at: string | null;
  starred_at: string | null;
  note_updated_at: string | null;
  triaged_at: string | null;
}

export function migration008CanonicalArxivIds(db: Database): void {
  // Only ids and keys are scanned; whole rows are read for the few papers that change.
  const ids = db.prepare(`SELECT id, arxiv_id FROM papers WHERE arxiv_id IS NOT NULL ORDER BY id`).all() as { id: number; arxiv_id: string }[];
  const groups = new Map<string, number[]>();
  for (const { id, arxiv_id: stored } of ids) {
    const canonical = canonicalArxivId(stored);
    if (canonical !== null && canonical !== stored) groups.set(canonical, [...(groups.get(canonical) ?? []), id]);
  }
  const rowOf = db.prepare(`SELECT * FROM papers WHERE id = ?`);
  const holder = db.prepare(`SELECT id FROM papers WHERE arxiv_id = ?`).pluck();
  for (const [canonical, changing] of groups) {
    const already = holder.get(canonical) as number | undefined;
    const group = [...(already === undefined ? [] : [already]), ...changing].sort((a, b) => a - b).map((id) => rowOf.get(id) as PaperRow);
    const [survivor, ...others] = group as [PaperRow, ...PaperRow[]];
    for (const other of others) mergeInto(db, survivor, other);
    db.prepare(`UPDATE papers SET arxiv_id = ?, identity_key = ? WHERE id = ?`).run(canonical, `arxiv:${canonical}`, survivor.id);
  }
}

/** Folds `other` into `survivor` (both rows as read before the migration; `survivor` is updated in place). */
function mergeInto(db: Database, survivor: PaperRow, other: PaperRow): void {
  const fill: Partial<PaperRow> = {};
  if (!survivor.doi && other.doi) fill.doi = other.doi;
  if (survivor.title_is_placeholder && !other.title_is_placeholder) Object.assign(fill, { title: other.title, title_key: other.title_key, title_is_placeholder: 0 });
  if (!survivor.abstract && other.abstract) fill.abstract = other.abstract;
  if (survivor.authors === '[]' && other.authors !== '[]') fill.authors = other.authors;
  if (other.published_at && (!survivor.published_at || (other.published_at.length > survivor.published_at.length && other.published_at.startsWith(survivor.published_at)))) {
    fill.published_at = other.published_at;
  }
  for (const column of ['primary_category', 'volume', 'edition', 'entry_type'] as const) if (!survivor[column] && other[column]) fill[column] = other[column];
  const otherDecidedLater = other.status !== 'inbox' && (survivor.status === 'inbox' || other.status_changed_at > survivor.status_changed_at);
  if (otherDecidedLater) {
    Object.assign(fill, { status: other.status, status_changed_at: other.status_changed_at, read_at: other.read_at ?? survivor.read_at, position: other.position, triaged_at: other.triaged_at });
  }
  if (other.starred && !survivor.starred) Object.assign(fill, { starred: 1, starred_at: other.starred_at });
  if (other.note && other.note !== survivor.note) {
    Object.assign(fill, { note: survivor.note ? `${survivor.note}\n\n${other.note}` : other.note, note_updated_at: maxDate(survivor.note_updated_at, other.note_updated_at) });
  }
  if (other.added_at < survivor.added_at) fill.added_at = other.added_at;
  move(db, other.id, survivor.id);
  // The identity key of `other` must be free before the survivor takes the canonical one.
  db.prepare(`DELETE FROM papers WHERE id = ?`).run(other.id);
  const columns = Object.keys(fill);
  if (columns.length > 0) {
    // Column names come from the fixed set above, never from input.
    db.prepare(`UPDATE papers SET ${columns.map((column) => `${column} = @${column}`).join(', ')} WHERE id = @id`).run({ ...fill, id: survivor.id });
    // Leaving the inbox stamps triaged_at (migration 007's trigger): keep the moment the reader decided.
    if ('triaged_at' in fill) db.prepare(`UPDATE papers SET triaged_at = ? WHERE id = ?`).run(fill.triaged_at ?? null, survivor.id);
    Object.assign(survivor, fill);
  }
}

/** Tags, links, digest links and title-merge records of one paper, given to another. */
function move(db: Database, from: number, to: number): void {
  db.prepare(`INSERT OR IGNORE INTO paper_tags (paper_id, tag_id) SELECT ?, tag_id FROM paper_tags WHERE paper_id = ?`).run(to, from);
  db.prepare(`INSERT OR IGNORE INTO paper_links (paper_id, kind, url) SELECT ?, kind, url FROM paper_links WHERE paper_id = ?`).run(to, from);
  db.prepare(`INSERT OR IGNORE INTO paper_digests (paper_id, digest_id, position) SELECT ?, digest_id, position FROM paper_digests WHERE paper_id = ?`).run(to, from);
  db.prepare(`UPDATE title_merges SET paper_id = ? WHERE paper_id = ?`).run(to, from);
}

function maxDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}
