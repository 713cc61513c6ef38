import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { DigestFormat, ImportReport } from '../../../shared/domain.ts';
import { isoNow, systemClock } from '../db/clock.ts';
import type { Clock } from '../db/clock.ts';
import { prepared } from '../db/prepared.ts';
import { withStoppableWriteLock } from '../db/write-lock.ts';
import { parseDigestFile } from './parse-digest-file.ts';
import type { ParsedDigest } from './parsers/parsed-digest.ts';
import { enrichPaper, enrichPaperRecordingChange, findPaperMatch, insertPaper, toIncomingPaper } from './merge-paper.ts';
import type { IncomingPaper, NewPaperPlacement } from './merge-paper.ts';
import { importKeySet } from './import-key-set.ts';
import { insertNewPapers, linkPapersToDigest } from './insert-new-papers.ts';
import { recordTitleMerge } from './title-merges.ts';

import { indexPendingPapers } from '../search/index-sync.ts';
import { withoutSearchIndexMerging } from '../search/bulk-index-merging.ts';
import { SiftError } from '../../../shared/api-errors.ts';

export interface ImportDigestInput {
  /** Shown in messages and recorded as the digest's source. */
  fileName: string;
  bytes: Uint8Array;
  format?: DigestFormat;
  into?: 'inbox' | 'to-read';
}

/** Where an import is, for a progress bar: counts of papers, never percentages. */
export interface ImportStepProgress {
  /** 'reading' while the file parses (papersFound is 0 until 'parsed'), with fractionRead. */
  phase: 'reading' | 'parsed' | 'waiting' | 'writing' | 'indexing' | 'saving';
  fractionRead?: number;
  papersFound: number;
  papersWritten: number;
  papersIndexed: number;
}

export interface ImportObserver {
  /** Called once the file is parsed, then every PROGRESS_EVERY papers written and indexed. */
  onProgress?: (progress: ImportStepProgress) => void;
  /** Asked between batches of papers; true rolls the whole import back (SiftError 'conflict'). */
  isCancelled?: () => boolean;
  /**
   * Index the new papers for search inside the same transaction. An import off the main thread does,
   * so the connection serving searches never has a large batch to index before it can answer.
   */
  indexForSearch?: boolean;
  /**
   * The path before bulk writing: every record matched and written on its own, and the search index
   * merging as it goes. Kept as the reference the bulk path is tested and benchmarked against.
   */
  oneByOne?: boolean;
}

/** Papers between two progress reports and cancel checks: small enough for a bar that moves. */
export const PROGRESS_EVERY = 250;

/** Papers from which an import indexes without FTS5 merging (see search/bulk-index-merging.ts). */
const BULK_INDEXING_FROM = 1000;

export const CANCELLED_MESSAGE = 'The import was cancelled; nothing was added to the library.';

/**
 * Reads one digest file and folds its papers into the library in a single transaction: all of the
 * file or nothing. Throws SiftError('invalid-digest') naming the file when it cannot be read.
 */
export function importDigest(db: Database, input: ImportDigestInput, clock: Clock = systemClock, observer: ImportObserver = {}): ImportReport {
  const parsed = parseDigestFile(input.fileName, input.bytes, input.format, clock, (fractionRead) =>
    observer.onProgress?.({ phase: 'reading', fractionRead, papersFound: 0, papersWritten: 0, papersIndexed: 0 }),
  );
  const contentHash = createHash('sha256').update(input.bytes).digest('hex');
  const progress: ImportStepProgress = { phase: 'parsed', papersFound: parsed.papers.length, papersWritten: 0, papersIndexed: 0 };
  observer.onProgress?.({ ...progress });
  checkCancelled(observer);
  // A plain function, not db.transaction(): the lock below opens the transaction (or the caller's is
  // used), and a savepoint nested in it made SQLite copy every page it touched to a statement journal:
  // 10,000 papers into 100,000 went from 4,610 to 2,344 papers/s, one record at a time from 3,390 to 53.
  const write = () => {
    const report = writeDigest(db, input, parsed, contentHash, clock, observer.oneByOne ?? false, (written) => {
      progress.phase = 'writing';
      progress.papersWritten = written;
      observer.onProgress?.({ ...progress });
      checkCancelled(observer);
    });
    // A small digest keeps FTS5's automerge: deferring it only pays when many papers are indexed.
    const bulk = !observer.oneByOne && parsed.papers.length >= BULK_INDEXING_FROM;
    if (observer.indexForSearch && bulk) withoutSearchIndexMerging(db, () => indexInBatches(db, observer, progress));
    else if (observer.indexForSearch) indexInBatches(db, observer, progress);
    // The commit itself takes a while on a big file (FTS5 writes its index segments then): say so.
    observer.onProgress?.({ ...progress, phase: 'saving' });
    return report;
  };
  // Another process (a `sift` command, a second window) may be writing: wait for it, saying so, and
  // let Cancel end the wait; failing after the connection's few seconds said only "database is locked".
  return withStoppableWriteLock(db, write, {
    onWait: () => observer.onProgress?.({ ...progress, phase: 'waiting' }),
    stop: () => observer.isCancelled?.() ?? false,
    stopped: () => new SiftError('conflict', CANCELLED_MESSAGE),
  });
}

function checkCancelled(observer: ImportObserver): void {
  if (observer.isCancelled?.()) throw new SiftError('conflict', CANCELLED_MESSAGE);
}

function indexInBatches(db: Database, observer: ImportObserver, progress: ImportStepProgress): void {
  progress.phase = 'indexing';
  for (;;) {
    const indexed = indexPendingPapers(db, { limit: PROGRESS_EVERY * 4 });
    if (indexed === 0) return;
    progress.papersIndexed += indexed;
    observer.onProgress?.({ ...progress });
    checkCancelled(observer);
  }
}

function writeDigest(
  db: Database,
  input: ImportDigestInput,
  parsed: ParsedDigest,
  contentHash: string,
  clock: Clock,
  oneByOne: boolean,
  onWritten: (papers: number) => void,
): ImportReport {
  const report: ImportReport = {
    file: input.fileName,
    format: parsed.format,
    digestId: null,
    digestDate: parsed.digestDate,
    papers: parsed.papers.length,
    added: 0,
    existing: 0,
    enriched: 0,
    skipped: parsed.skipped,
    warnings: parsed.warnings,
    alreadyImported: false,
    addedIds: [],
    titleMerges: [],
  };
  const previous = prepared<[string], { id: number }>(db, `SELECT id FROM digests WHERE content_hash = ?`).get(contentHash);
  if (previous) {
    report.alreadyImported = true;
    report.digestId = previous.id;
    report.existing = parsed.papers.length;
    report.warnings = [...report.warnings, `${input.fileName} was already imported; nothing was added.`];
    return report;
  }
  const now = isoNow(clock);
  const digestId = Number(
    prepared(
      db,
      `INSERT INTO digests (source_name, format, digest_date, imported_at, content_hash, paper_count) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(input.fileName, parsed.format, parsed.digestDate, now, contentHash, parsed.papers.length).lastInsertRowid,
  );
  report.digestId = digestId;
  const incoming = parsed.papers.map(toIncomingPaper);
  const keys = oneByOne ? null : importKeySet(db, incoming);
  // Records known to be new wait here and are written together; any other record first flushes them,
  // so the library it is matched against is exactly what the one-by-one path would have written.
  let waiting: { index: number; paper: IncomingPaper; placement: NewPaperPlacement }[] = [];
  const digestLinks: { paperId: number; position: number }[] = [];
  const flush = () => {
    const ids = insertNewPapers(db, waiting);
    waiting.forEach(({ index }, offset) => {
      const paperId = ids[offset] as number;
      report.addedIds.push(paperId);
      digestLinks.push({ paperId, position: index });
    });
    report.added += ids.length;
    waiting = [];
    linkPapersToDigest(db, digestId, digestLinks.splice(0));
  };
  parsed.papers.forEach((parsedPaper, index) => {
    const paper = incoming[index] as IncomingPaper;
    const placement: NewPaperPlacement = {
      status: input.into ?? 'inbox',
      digestDate: parsedPaper.sectionDate ?? parsed.digestDate ?? now.slice(0, 10),
      digestPosition: index,
      now,
    };
    if (keys && !keys.mayMatch(paper)) waiting.push({ index, paper, placement });
    else {
      flush();
      digestLinks.push({ paperId: mergeOrInsert(db, report, { digestId, index, paper, placement }), position: index });
    }
    keys?.add(paper);
    if ((index + 1) % PROGRESS_EVERY === 0 || index + 1 === parsed.papers.length) {
      flush();
      onWritten(index + 1);
    }
  });
  return report;
}

/** One record that may be a paper the library has: matched, merged or enriched as before, else inserted. */
function mergeOrInsert(
  db: Database,
  report: ImportReport,
  record: { digestId: number; index: number; paper: IncomingPaper; placement: NewPaperPlacement },
): number {
  const { digestId, index, paper } = record;
  const match = findPaperMatch(db, paper);
  const existing = match?.row;
  if (!existing) {
    const paperId = insertPaper(db, paper, record.placement);
    report.added += 1;
    report.addedIds.push(paperId);
    return paperId;
  }
  report.existing += 1;
  if (match.by === 'title') {
    const change = enrichPaperRecordingChange(db, existing, paper);
    if (Object.keys(change.replaced).length > 0 || change.addedLinks.length > 0) report.enriched += 1;
    report.titleMerges?.push({
      mergeId: recordTitleMerge(db, { digestId, position: index, paperId: existing.id, incoming: paper, change }),
      index,
      incomingTitle: paper.title,
      incomingId: paper.arxivId ? `arXiv:${paper.arxivId}` : paper.doi ? `doi:${paper.doi}` : null,
      paperId: existing.id,
      paperTitle: existing.title,
      paperIdentifier: existing.arxiv_id ? `arXiv:${existing.arxiv_id}` : existing.doi ? `doi:${existing.doi}` : null,
    });
  } else if (enrichPaper(db, existing, paper)) report.enriched += 1;
  return existing.id;
}
