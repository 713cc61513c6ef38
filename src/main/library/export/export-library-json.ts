import type { Database } from 'better-sqlite3';
import type { DigestFormat } from '../../../shared/domain.ts';
import { isoNow } from '../db/clock.ts';
import type { Clock } from '../db/clock.ts';
import { prepared } from '../db/prepared.ts';
import { LIBRARY_JSON_FORMAT, LIBRARY_JSON_VERSION } from './library-json-format.ts';
import type { LibraryJson, LibraryJsonDigest, LibraryJsonPaper } from './library-json-format.ts';
import { loadExportSubscriptions } from './load-export-subscriptions.ts';
import { loadExportTitleMerges } from './load-export-title-merges.ts';
import { loadExportPapers } from './load-export-papers.ts';
import type { ExportScope } from './load-export-papers.ts';

interface DigestRow {
  id: number;
  source_name: string;
  format: DigestFormat;
  digest_date: string | null;
  imported_at: string;
  content_hash: string;
  paper_count: number;
}

/**
 * The library (or the papers of one queue/tag) as a Sift JSON document. With no scope it is the
 * complete library, including tags no paper carries any more, every digest and the subscriptions. One read transaction:
 * the file is a consistent snapshot even while another process writes.
 */
export function exportLibraryJson(db: Database, scope: ExportScope, clock: Clock): LibraryJson {
  return db.transaction((): LibraryJson => {
    const papers = loadExportPapers(db, scope);
    const whole = (scope.queue ?? 'all') === 'all' && scope.tag === undefined;
    const included = new Set(papers.map((paper) => paper.id));
    const jsonPapers = papers.map(({ digestIds: _digestIds, ...paper }): LibraryJsonPaper => paper);
    const usedTags = new Set(papers.flatMap((paper) => paper.tags));
    const allTags = prepared<[], { id: number; name: string }>(db, `SELECT id, name FROM tags ORDER BY id`)
      .all()
      .filter((tag) => whole || usedTags.has(tag.name));
    const members = new Map<number, LibraryJsonDigest['papers']>();
    for (const row of prepared<[], { digest_id: number; paper_id: number; position: number }>(
      db,
      `SELECT digest_id, paper_id, position FROM paper_digests ORDER BY digest_id, position, paper_id`,
    ).iterate()) {
      if (!included.has(row.paper_id)) continue;
      const list = members.get(row.digest_id);
      const entry = { paperId: row.paper_id, position: row.position };
      if (list) list.push(entry);
      else members.set(row.digest_id, [entry]);
    }
    const digests = prepared<[], DigestRow>(
      db,
      `SELECT id, source_name, format, digest_date, imported_at, content_hash, paper_count FROM digests ORDER BY id`,
    )
      .all()
      .filter((row) => whole || members.has(row.id))
      .map(
        (row): LibraryJsonDigest => ({
          id: row.id,
          sourceName: row.source_name,
          format: row.format,
          digestDate: row.digest_date,
          importedAt: row.imported_at,
          contentHash: row.content_hash,
          paperCount: row.paper_count,
          papers: members.get(row.id) ?? [],
        }),
      );
    return {
      format: LIBRARY_JSON_FORMAT,
      version: LIBRARY_JSON_VERSION,
      exportedAt: isoNow(clock),
      scope: { queue: scope.queue ?? 'all', tag: scope.tag ?? null },
      papers: jsonPapers,
      tags: allTags,
      digests,
      // Subscriptions belong to the library, not to a queue or a tag: only a whole export carries them.
      // Title merges too: each names a digest and a paper, which only a whole export is sure to hold.
      ...(whole ? { subscriptions: loadExportSubscriptions(db), titleMerges: loadExportTitleMerges(db) } : {}),
    };
  })();
}
