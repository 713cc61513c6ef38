import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempLibrary } from '../../../../tests/support/temp-library.ts';
import { insertPaper, toIncomingPaper } from '../import/merge-paper.ts';
import { emptyPaper } from '../import/parsers/parsed-digest.ts';
import { restoredTables } from '../backup/restore-backup.ts';
import { addTag } from '../papers/tags-and-notes.ts';
import { setStatus } from '../papers/triage-papers.ts';
import { learnFromLibrary } from './learn-from-library.ts';
import { loadLibraryForLearning } from './load-library-papers.ts';
import { loadStoredLibrary } from './read-stored-library.ts';
import { featureOf } from './feature-space.ts';
import { learnReaderModel } from './reader-model.ts';
import { scoreAllRows } from './rank-papers.ts';
import { countMissingVectors, storeMissingVectors } from './stored-vectors.ts';
import { readDiffusionSkipRest, topicLibrariesClosedAfterEach } from './testing/topic-library.ts';

const open: { cleanup: () => void }[] = [];
afterEach(() => open.splice(0).forEach((library) => library.cleanup()));
const openTopicLibrary = topicLibrariesClosedAfterEach();

function topicLibrary() {
  const opened = openTopicLibrary(15);
  readDiffusionSkipRest(opened);
  const { context, ids, topics } = opened;
  addTag(context, ids.filter((id) => topics.get(id) === 'speech').slice(0, 4), 'audio');
  return opened;
}

describe('stored paper vectors (derived state)', () => {
  it('a model rebuilt from stored vectors scores every paper as one learnt from the text does', () => {
    const { library } = topicLibrary();
    expect(countMissingVectors(library.db)).toBe(60);
    const fromStore = learnFromLibrary(library.db);
    expect(countMissingVectors(library.db)).toBe(0);
    const fromText = loadLibraryForLearning(library.db);
    const textModel = learnReaderModel(fromText.papers, { space: fromText.space });
    expect(new Set(fromStore.space.terms)).toEqual(new Set(fromText.space.terms));
    expect(fromStore.space.terms).toContain('#audio');
    const storeScores = scoreAllRows(fromStore.space, fromStore.ranker ?? { weights: new Float32Array(), bias: 0 });
    const textScores = scoreAllRows(textModel.space, textModel.ranker ?? { weights: new Float32Array(), bias: 0 });
    storeScores.forEach((score, row) => expect(score).toBeCloseTo(textScores[row] ?? -1, 2));
  });

  it('a paper whose text changes is tokenised again; a deleted paper\'s vector goes with it', () => {
    const { library, ids } = topicLibrary();
    learnFromLibrary(library.db);
    const changed = ids[3] ?? 0;
    library.db.prepare(`UPDATE papers SET title = 'Zeppelin aerodynamics zeppelin' WHERE id = ?`).run(changed);
    expect(countMissingVectors(library.db)).toBe(1);
    const other = ids[5] ?? 0;
    library.db.prepare(`UPDATE papers SET title = 'Zeppelin flight' WHERE id = ?`).run(other);
    const model = learnFromLibrary(library.db);
    const row = Array.from(model.space.paperIds).indexOf(changed);
    const zeppelin = model.space.terms.indexOf('zeppelin');
    expect(zeppelin).toBeGreaterThanOrEqual(0);
    const start = model.space.offsets[row] ?? 0;
    expect(Array.from(model.space.entries.subarray(start, model.space.offsets[row + 1]), featureOf)).toContain(zeppelin);
    // A status change alone is no reason to tokenise again.
    setStatus({ db: library.db, history: library.history, clock: library.clock }, [ids[7] ?? 0], 'to-read');
    expect(countMissingVectors(library.db)).toBe(0);
    library.db.prepare(`DELETE FROM papers WHERE id = ?`).run(changed);
    expect(library.db.prepare(`SELECT count(*) FROM paper_vectors WHERE paper_id = ?`).pluck().get(changed)).toBe(0);
    expect(Array.from(loadStoredLibrary(library.db)?.space.paperIds ?? [])).not.toContain(changed);
  });

  it('a read-only library still learns (from the text) and is left untouched', () => {
    const { library } = topicLibrary();
    const readOnly = new BetterSqlite3(library.path, { readonly: true });
    try {
      const model = learnFromLibrary(readOnly);
      expect(model.ranker).not.toBeNull();
      expect(model.space.paperIds.length).toBe(60);
    } finally {
      readOnly.close();
    }
    expect(countMissingVectors(library.db)).toBe(60);
  });

  it('a restore leaves the vectors and terms to the library (they are not content)', () => {
    const { library } = topicLibrary();
    expect(restoredTables(library.db)).not.toContain('paper_vectors');
    expect(restoredTables(library.db)).not.toContain('learn_terms');
  });
});

describe('filling a whole library gives way to the window', () => {
  it('stops after each full batch and says how long it took, so the worker can sleep as long', () => {
    const library = openTempLibrary();
    open.push(library);
    library.db.transaction(() => {
      for (let index = 0; index < 2300; index += 1) {
        const parsed = { ...emptyPaper(`Paper ${index} on sparse attention`), abstract: `Abstract ${index}.`, authors: ['A. Writer'] };
        insertPaper(library.db, toIncomingPaper(parsed), { status: 'inbox', digestDate: '2026-11-20', digestPosition: index, now: '2026-11-20T08:00:00.000Z' });
      }
    })();
    const pauses: number[] = [];
    expect(storeMissingVectors(library.db, { afterBatch: (busyMs) => pauses.push(busyMs) })).toBe(2300);
    // Batches of 1,000: a pause after each of the two full ones; the last, short one ends the fill.
    expect(pauses).toHaveLength(2);
    expect(pauses.every((ms) => ms > 0)).toBe(true);
    expect(countMissingVectors(library.db)).toBe(0);
  });
});
