// The library as the reader model needs it, from the stored vectors (no text read). Only the
// vectors table is scanned, never the papers table (whose rows carry whole abstracts); decisions come
// through the status and star indexes. Tags are added here, not stored: they change far more often
// than a paper's text.
import type { Database } from 'better-sqlite3';
import type { PaperStatus } from '../../../shared/domain.ts';
import { prepared } from '../db/prepared.ts';
import { chooseVocabulary, RowPacker, rowsById } from './feature-space.ts';
import type { FeatureSpace } from './feature-space.ts';
import { loadTags } from './load-library-papers.ts';
import { tagFeature } from './paper-features.ts';
import type { LabelledRow } from './reader-model.ts';
import { countStoredTerms, decodeStoredVector, termNames } from './stored-vectors.ts';

export interface StoredLibrary {
  space: FeatureSpace;
  /** The papers the reader decided on or tagged, in row order: all the model learns from. */
  labelled: LabelledRow[];
}

/** Null when the vectors changed between the two passes (the caller learns from the text instead). */
export function loadStoredLibrary(db: Database): StoredLibrary | null {
  // One read transaction: the terms, tags and vectors of one moment, whatever another process writes meanwhile.
  return db.transaction(() => readStoredLibrary(db))();
}

const VECTORS_SQL = `SELECT paper_id, features FROM paper_vectors ORDER BY paper_id`;

/** As loadStoredLibrary, inside the caller's read transaction. */
export function readStoredLibrary(db: Database): StoredLibrary | null {
  const tagsById = loadTags(db);
  const firstTagId = (prepared<[], number>(db, `SELECT coalesce(max(id), 0) FROM learn_terms`).pluck().get() ?? 0) + 1;
  const tagIds = new Map<string, number>();
  const tagFeatureIds = (tags: readonly string[]) => {
    const ids: number[] = [];
    for (const name of new Set(tags.map(tagFeature))) {
      let id = tagIds.get(name);
      if (id === undefined) tagIds.set(name, (id = firstTagId + tagIds.size));
      ids.push(id);
    }
    return ids;
  };
  // Two passes over the stored vectors (reading them is cheap) rather than holding 13 million raw
  // entries at 100k papers: the first counts each term's papers, the second packs the rows.
  const frequency = new Uint32Array(firstTagId + 1);
  const paperIds: number[] = [];
  const tagFrequency = new Map<number, number>();
  const stored = prepared<[], [number, Buffer]>(db, VECTORS_SQL).raw();
  for (const [id, features] of stored.iterate()) {
    countStoredTerms(features, frequency);
    const tags = tagsById.get(id);
    if (tags) for (const tagId of tagFeatureIds(tags)) tagFrequency.set(tagId, (tagFrequency.get(tagId) ?? 0) + 1);
    paperIds.push(id);
  }
  const allFrequency = new Uint32Array(firstTagId + tagIds.size);
  allFrequency.set(frequency.subarray(0, firstTagId));
  for (const [tagId, count] of tagFrequency) allFrequency[tagId] = count;
  const vocabulary = chooseVocabulary(allFrequency, allFrequency.length, paperIds.length);
  const tagNames = [...tagIds.keys()];
  const words = vocabulary.chosen.filter((id) => id < firstTagId);
  const terms = [...termNames(db, words), ...Array.from(vocabulary.chosen.subarray(words.length), (id) => tagNames[id - firstTagId] ?? '')];
  const packer = new RowPacker(vocabulary, paperIds.length);
  const row = { ids: new Uint32Array(1024), counts: new Uint8Array(1024) };
  let index = 0;
  for (const [id, features] of stored.iterate()) {
    if (paperIds[index] !== id) return null;
    const tags = tagsById.get(id);
    let end = decodeStoredVector(features, row, tags?.length ?? 0);
    if (tags) for (const tagId of tagFeatureIds(tags)) {
      row.ids[end] = tagId;
      row.counts[end] = 1;
      end += 1;
    }
    packer.addRow(row.ids, row.counts, 0, end);
    index += 1;
  }
  if (index !== paperIds.length) return null;
  const space = packer.finish(paperIds, terms);
  return { space, labelled: readLabelled(db, space, tagsById) };
}

// Two queries, each answered from an index alone (status, and starred, each beside the rowid): one
// query for both reads every decided paper's row, whole abstract and all (0.5 s for 48k decisions).
const DECIDED_SQL = `SELECT id, status FROM papers WHERE status IN ('to-read', 'read', 'skipped')`;
const STARRED_SQL = `SELECT id FROM papers WHERE starred = 1`;

/**
 * The papers of the space the reader decided on or tagged, in row order: what a retrain on a kept
 * space reads (thousands of rows through the status and star indexes, not the whole library).
 */
export function readLabelled(db: Database, space: Pick<FeatureSpace, 'paperIds'>, tagsById = loadTags(db)): LabelledRow[] {
  const decided = new Map<number, { status: PaperStatus; starred: boolean }>();
  for (const [id, status] of prepared<[], [number, PaperStatus]>(db, DECIDED_SQL).raw().iterate()) decided.set(id, { status, starred: false });
  for (const id of prepared<[], number>(db, STARRED_SQL).pluck().iterate()) {
    const decision = decided.get(id);
    if (decision) decision.starred = true;
    else decided.set(id, { status: 'inbox', starred: true });
  }
  const ids = [...new Set([...decided.keys(), ...tagsById.keys()])].sort((a, b) => a - b);
  const rows = rowsById(space);
  const labelled: LabelledRow[] = [];
  for (const id of ids) {
    const row = rows.get(id);
    // A paper without a row is a placeholder (a title to be found): it is not learnt from.
    if (row === undefined) continue;
    const decision = decided.get(id);
    labelled.push({ row, status: decision?.status ?? 'inbox', starred: decision?.starred ?? false, tags: tagsById.get(id) ?? [] });
  }
  return labelled;
}
