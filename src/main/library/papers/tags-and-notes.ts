import { SiftError } from '../../../shared/api-errors.ts';
import type { TagSummary } from '../../../shared/domain.ts';
import type { Database } from 'better-sqlite3';
import { isoNow, systemClock } from '../db/clock.ts';
import { prepared } from '../db/prepared.ts';
import { assertPapersExist } from './triage-papers.ts';
import type { TriageContext } from './triage-papers.ts';

export function addTag(context: TriageContext, ids: readonly number[], tag: string): { changed: number } {
  const { db } = context;
  return db
    .transaction(() => {
      assertPapersExist(db, ids);
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
export function renameTag(db: Database, from: string, to: string): { changed: number } {
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
export function setNote(context: TriageContext, id: number, note: string): { changed: number } {
  const { db } = context;
  assertPapersExist(db, [id]);
  const now = isoNow(context.clock ?? systemClock);
  const changed = prepared(db, `UPDATE papers SET note = ?, note_updated_at = ? WHERE id = ? AND note <> ?`).run(note, now, id, note).changes;
  return { changed };
}
