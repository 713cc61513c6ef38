// The reader model of the library as it is now. Its packed vectors (the feature space) are the costly
// part to rebuild: at 100k papers, reading and packing 100k stored vectors takes seconds of CPU and
// most of the worker's memory peak. A triage changes no vector, so when the library's vectors, tags
// and papers are as they were when the previous space was packed, the previous space is kept and only
// the decisions are read and learnt from.
import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';
import type { FeatureSpace } from './feature-space.ts';
import { loadLibraryForLearning } from './load-library-papers.ts';
import { readLabelled, readStoredLibrary } from './read-stored-library.ts';
import type { StoredLibrary } from './read-stored-library.ts';
import { learnOnSpace, learnReaderModel } from './reader-model.ts';
import type { ReaderModel } from './reader-model.ts';
import { storeMissingVectors } from './stored-vectors.ts';
import type { StoreOptions } from './stored-vectors.ts';

/** A space packed earlier, and the library's change counter when it was (migration 011). */
export interface ReusableSpace {
  space: FeatureSpace;
  stamp: number;
  /** The model file that carried the space, for a learning process to read back (model-file.ts). */
  file?: string | null;
}

export interface LearntLibrary {
  model: ReaderModel;
  /** The change counter the model's space was packed at; null when it was built from the text. */
  stamp: number | null;
  /** True when the previous space was kept and only the decisions were read. */
  reusedSpace: boolean;
}

export interface LearnLibraryOptions {
  /** Store vectors for papers that lack one first (default); off, it learns from the text. */
  store?: boolean;
  previous?: ReusableSpace | null;
  /** How storing vectors gives way between batches (stored-vectors.ts); the worker sleeps. */
  afterBatch?: StoreOptions['afterBatch'];
}

/**
 * Vectors for new or changed papers are stored first (which moves the counter, so the space is packed
 * again), then the model is built from the stored ones, or from the previous space when nothing it was
 * built from has changed. Where vectors cannot be written (a read-only library, another process
 * holding the write lock for long) it learns from the text, as before they existed.
 */
export function learnLibrary(db: Database, { store = true, previous = null, afterBatch }: LearnLibraryOptions = {}): LearntLibrary {
  let loaded: ReturnType<typeof readLibrary> = null;
  if (store && !db.readonly) {
    try {
      storeMissingVectors(db, { afterBatch });
      // One read transaction: the counter, decisions, tags and vectors of one moment.
      loaded = db.transaction(() => readLibrary(db, previous))();
    } catch {
      loaded = null;
    }
  }
  if (loaded) return { model: learnOnSpace(loaded.space, loaded.labelled), stamp: loaded.stamp, reusedSpace: loaded.reusedSpace };
  const fromText = loadLibraryForLearning(db);
  return { model: learnReaderModel(fromText.papers, { space: fromText.space }), stamp: null, reusedSpace: false };
}

/** The model alone (tests, the bench, the CLI's one-off builds). */
export function learnFromLibrary(db: Database, options: LearnLibraryOptions = {}): ReaderModel {
  return learnLibrary(db, options).model;
}

/**
 * Papers that arrived are stored before this is read (which moves the counter); one that arrives in
 * between has no vector yet, is not in this model, and is stored (moving the counter) next time.
 */
function readLibrary(db: Database, previous: ReusableSpace | null): (StoredLibrary & { stamp: number; reusedSpace: boolean }) | null {
  const stamp = learnSpaceStamp(db);
  if (previous && previous.stamp === stamp) return { space: previous.space, labelled: readLabelled(db, previous.space), stamp, reusedSpace: true };
  const stored = readStoredLibrary(db);
  return stored ? { ...stored, stamp, reusedSpace: false } : null;
}

export function learnSpaceStamp(db: Database): number {
  return prepared<[], number>(db, `SELECT changes FROM learn_space_changes WHERE id = 1`).pluck().get() ?? 0;
}

