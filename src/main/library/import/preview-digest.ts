import type { Database } from 'better-sqlite3';
import type { ImportPreview } from '../../../shared/contract/digests-contract.ts';
import type { DigestFormat } from '../../../shared/domain.ts';
import type { Clock } from '../db/clock.ts';
import { importKeySet } from './import-key-set.ts';
import { findExistingPaper, toIncomingPaper } from './merge-paper.ts';
import { parseDigestFile } from './parse-digest-file.ts';

/** What an import would do, without writing: the paste dialog shows it before the reader confirms. */
export function previewDigest(db: Database, fileName: string, bytes: Uint8Array, format: DigestFormat | undefined, clock: Clock): ImportPreview {
  const parsed = parseDigestFile(fileName, bytes, format, clock);
  const incoming = parsed.papers.map(toIncomingPaper);
  // Only records with a key the library holds are looked up one by one; the rest are certainly new.
  const keys = importKeySet(db, incoming);
  return {
    format: parsed.format,
    papers: incoming.length,
    newPapers: incoming.filter((paper) => !keys.mayMatch(paper) || !findExistingPaper(db, paper)).length,
    titles: incoming.slice(0, 50).map((paper) => paper.title),
  };
}
