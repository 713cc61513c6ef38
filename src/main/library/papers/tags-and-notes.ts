import { SiftError } from '../../../shared/api-errors.ts';
import { PAPER_LIMITS, withoutControlCharacters } from '../../../shared/paper-limits.ts';
import type { TagSummary } from '../../../shared/domain.ts';
import type { Database } from 'better-sqlite3';
import { isoNow, systemClock } from '../db/clock.ts';
import { prepared } from '../db/prepared.ts';
import { assertPapersExist } from './triage-papers.ts';
import type { TriageContext } from './triage-papers.ts';

/** A tag as every way in (API, CLI) must give it: one line, no control characters, within the limit. */
function checkedTag(raw: string): string {
  const tag = withoutControlCharacters(raw).replace(/\s+/g, ' ').trim();
  if (tag === '') throw new SiftError('invalid-arguments', 'A tag needs at least one visible character; nothing was changed.');
  if (tag.length > PAPER_LIMITS.tagChars) {
    throw new SiftError('invalid-arguments', `A tag may be at most ${PAPER_LIMITS.tagChars} characters long (this one has ${tag.length.toLocaleString('en')}); nothing was changed.`);
  }
  return tag;
}

function assertRoomForTag(db: Database, ids: readonly number[], tag: string): void {
  const full = prepared<[{ id: number; tag: string; limit: number }], number>(
    db,
    `SELECT 1 WHERE (SELECT count(*) FROM paper_tags WHERE paper_id = @id) >= @limit
       AND NOT EXISTS (SELECT 1 FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = @id AND t.name = @tag)`,
  ).pluck();
  const crowded = ids.filter((id) => full.get({ id, tag, limit: PAPER_LIMITS.tagsPerPaper }) !== undefined);
  if (crowded.length) {
    throw new SiftError('invalid-arguments', `Paper ${crowded.slice(0, 5).join(', ')} already has ${PAPER_LIMITS.tagsPerPaper} tags, the most a paper may have; nothing was changed.`);
  }
}

export function addTag(context: TriageContext, ids: readonly number[], rawTag: string): { changed: number } {
  const { db } = context;
  const tag = checkedTag(rawTag);
  return db
    .transaction(() => {
      assertPapersExist(db, ids);
      assertRoomForTag(db, ids, tag);
      context.history.record(db, `tag ${tag}`, ids);
      prepared(db, `INSERT OR IGNORE INTO tags (name) VALUES (?)`).run(tag);
      const link = prepared(db, `INSERT OR IGNORE INTO paper_tags (paper_id, tag_id) SELECT ?, id FROM tags WHERE name = ?`);
      let changed = 0;
      for (const id of ids) changed += link.run(id, tag).changes;
      return { changed };
    })
    .immediate();
}

export function removeTag(context: TriageContext, ids: readonly number[], tag: string): { changed: number } {
  const { db } = context;
  return db
    .transaction(() => {
      assertPapersExist(db, ids);
      context.history.record(db, `untag ${tag}`, ids);
      const unlink = prepared(
        db,
        `DELETE FROM paper_tags WHERE paper_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)`,
      );
      let changed = 0;
      for (const id of ids) changed += unlink.run(id, tag).changes;
      return { changed };
    })
    .immediate();
}

export function listTags(db: Database): TagSummary[] {
  return prepared<[], TagSummary>(
    db,
    `SELECT t.name, count(pt.paper_id) AS count FROM tags t LEFT JOIN paper_tags pt ON pt.tag_id = t.id
     GROUP BY t.id ORDER BY t.name COLLATE NOCASE`,
  ).all();
}

/** Renaming onto an existing tag merges the two. */
export function renameTag(db: Database, from: string, rawTo: string): { changed: number } {
  const to = checkedTag(rawTo);
  return db
    .transaction(() => {
      const source = prepared<[string], number>(db, `SELECT id FROM tags WHERE name = ?`).pluck().get(from);
      if (source === undefined) throw new SiftError('not-found', `There is no tag named "${from}".`);
      const target = prepared<[string], number>(db, `SELECT id FROM tags WHERE name = ?`).pluck().get(to);
      if (target === undefined || target === source) {
        prepared(db, `UPDATE tags SET name = ? WHERE id = ?`).run(to, source);
        return { changed: 1 };
      }
      const moved = prepared(db, `INSERT OR IGNORE INTO paper_tags (paper_id, tag_id) SELECT paper_id, ? FROM paper_tags WHERE tag_id = ?`).run(target, source).changes;
      prepared(db, `DELETE FROM tags WHERE id = ?`).run(source);
      return { changed: moved };
    })
    .immediate();
}

export function deleteTag(db: Database, name: string): { changed: number } {
  const changed = prepared(db, `DELETE FROM tags WHERE name = ?`).run(name).changes;
  if (changed === 0) throw new SiftError('not-found', `There is no tag named "${name}".`);
  return { changed };
}

/** Notes are saved as the reader types; they are not part of undo (every keystroke would be a step). */
export function setNote(context: TriageContext, id: number, rawNote: string): { changed: number } {
  const { db } = context;
  if (rawNote.length > PAPER_LIMITS.noteChars) {
    throw new SiftError('invalid-arguments', `A note may be at most ${PAPER_LIMITS.noteChars.toLocaleString('en')} characters long (this one has ${rawNote.length.toLocaleString('en')}); it was not saved.`);
  }
  const note = withoutControlCharacters(rawNote);
  assertPapersExist(db, [id]);
  const now = isoNow(context.clock ?? systemClock);
  const changed = prepared(db, `UPDATE papers SET note = ?, note_updated_at = ? WHERE id = ? AND note <> ?`).run(note, now, id, note).changes;
  return { changed };
}
