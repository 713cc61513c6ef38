import type { Database } from 'better-sqlite3';
import type { DigestFormat, DigestSummary } from '../../../shared/domain.ts';
import { prepared } from '../db/prepared.ts';

interface DigestRow {
  id: number;
  source_name: string;
  format: DigestFormat;
  digest_date: string | null;
  imported_at: string;
  paper_count: number;
  untriaged: number;
}

export function listDigests(db: Database): DigestSummary[] {
  return prepared<[], DigestRow>(
    db,
    `SELECT d.id, d.source_name, d.format, d.digest_date, d.imported_at, d.paper_count,
       (SELECT count(*) FROM paper_digests pd JOIN papers p ON p.id = pd.paper_id
        WHERE pd.digest_id = d.id AND p.status = 'inbox') AS untriaged
     FROM digests d
     -- As the inbox: the digest's date, never later than its arrival; a dateless digest by when it arrived.
     ORDER BY min(coalesce(d.digest_date, substr(d.imported_at, 1, 10)), substr(d.imported_at, 1, 10)) DESC, d.imported_at DESC, d.id DESC`,
  )
    .all()
    .map((row) => ({
      id: row.id,
      sourceName: row.source_name,
      format: row.format,
      digestDate: row.digest_date,
      importedAt: row.imported_at,
      paperCount: row.paper_count,
      untriaged: row.untriaged,
    }));
}
