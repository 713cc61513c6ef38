// Reads what the model learns from straight out of the library: every paper's text, authors, tags
// and the reader's decision: one query for the papers, one for all tag links.
import type { Database } from 'better-sqlite3';
import type { PaperStatus } from '../../../shared/domain.ts';
import { prepared } from '../db/prepared.ts';
import { parseAuthors } from '../papers/paper-rows.ts';
import { chooseVocabulary, featureSpaceBuilder, RowPacker } from './feature-space.ts';
import type { FeatureSpace } from './feature-space.ts';
import { tagFeature } from './paper-features.ts';
import { learnReaderModel } from './reader-model.ts';
import type { LibraryPaper, ReaderModel } from './reader-model.ts';
import { countStoredTerms, decodeStoredVector, storeMissingVectors, termNames } from './stored-vectors.ts';

interface LearnRow {
  id: number;
  title: string;
  abstract: string;
  authors: string;
  status: PaperStatus;
  starred: number;
}

/**
 * The library as the model needs it, streamed: each paper's text goes into the feature space as it
 * is read and is not kept, so 100,000 abstracts never sit in memory at once. The papers returned
 * carry only their id, decision and tags.
 */
export function loadLibraryForLearning(db: Database): { papers: LibraryPaper[]; space: FeatureSpace } {
  const tagsById = loadTags(db);
  const builder = featureSpaceBuilder();
  const papers: LibraryPaper[] = [];
  for (const row of prepared<[], LearnRow>(db, PAPERS_SQL).iterate()) {
    const paper = rowToPaper(row, tagsById);
    builder.add(paper);
    papers.push({ ...paper, title: '', abstract: '', authors: [] });
  }
  return { papers, space: builder.finish() };
}

const PAPERS_SQL = `SELECT p.id, p.title, p.abstract, p.authors, p.status, p.starred FROM papers p WHERE p.title_is_placeholder = 0 ORDER BY p.id`;

function rowToPaper(row: LearnRow, tagsById: Map<number, string[]>): LibraryPaper {
  return {
    id: row.id,
    title: row.title,
    abstract: row.abstract,
    authors: parseAuthors(row.authors),
    tags: tagsById.get(row.id) ?? [],
    status: row.status,
    starred: row.starred === 1,
  };
}

/**
 * The library as the model needs it, from the stored vectors (no text read): null when a paper has
 * none yet. Tags are added here, not stored: they change far more often than a paper's text.
 */
export function loadStoredLibrary(db: Database): { papers: LibraryPaper[]; space: FeatureSpace } | null {
  // One read transaction: the terms, tags and vectors of one moment, whatever another process writes meanwhile.
  return db.transaction(() => readStoredLibrary(db))();
}

function readStoredLibrary(db: Database): { papers: LibraryPaper[]; space: FeatureSpace } | null {
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
  const papers: LibraryPaper[] = [];
  const tagFrequency = new Map<number, number>();
  const stored = prepared<[], [number, PaperStatus, number, Buffer | null]>(db, STORED_SQL).raw();
  for (const [id, status, starred, features] of stored.iterate()) {
    if (features === null) return null;
    countStoredTerms(features, frequency);
    const tags = tagsById.get(id) ?? NO_TAGS;
    if (tags.length > 0) for (const tagId of tagFeatureIds(tags)) tagFrequency.set(tagId, (tagFrequency.get(tagId) ?? 0) + 1);
    papers.push({ id, title: '', abstract: '', authors: [], tags, status, starred: starred === 1 });
  }
  const allFrequency = new Uint32Array(firstTagId + tagIds.size);
  allFrequency.set(frequency.subarray(0, firstTagId));
  for (const [tagId, count] of tagFrequency) allFrequency[tagId] = count;
  const vocabulary = chooseVocabulary(allFrequency, allFrequency.length, papers.length);
  const tagNames = [...tagIds.keys()];
  const words = vocabulary.chosen.filter((id) => id < firstTagId);
  const terms = [...termNames(db, words), ...Array.from(vocabulary.chosen.subarray(words.length), (id) => tagNames[id - firstTagId] ?? '')];
  const packer = new RowPacker(vocabulary, papers.length);
  const row = { ids: new Uint32Array(1024), counts: new Uint8Array(1024) };
  let index = 0;
  for (const [id, , , features] of stored.iterate()) {
    // A paper added between the passes is not in this model; the next rebuild has it.
    if (papers[index]?.id !== id || features === null) continue;
    const tags = papers[index]?.tags ?? NO_TAGS;
    const size = decodeStoredVector(features, row, tags.length);
    let end = size;
    if (tags.length > 0) for (const tagId of tagFeatureIds(tags)) {
      row.ids[end] = tagId;
      row.counts[end] = 1;
      end += 1;
    }
    packer.addRow(row.ids, row.counts, 0, end);
    index += 1;
  }
  if (index !== papers.length) return null;
  return { papers, space: packer.finish(papers.map((paper) => paper.id), terms) };
}

const NO_TAGS: string[] = [];

const STORED_SQL = `SELECT p.id, p.status, p.starred, v.features FROM papers p LEFT JOIN paper_vectors v ON v.paper_id = p.id
  WHERE p.title_is_placeholder = 0 ORDER BY p.id`;

/**
 * The reader model of the library as it is now: vectors for new or changed papers are stored first,
 * then the model is built from the stored ones. Where they cannot be written (a read-only library,
 * another process holding the write lock for long) it learns from the text, as before they existed.
 */
export function learnFromLibrary(db: Database, { store = true }: { store?: boolean } = {}): ReaderModel {
  let loaded: { papers: LibraryPaper[]; space: FeatureSpace } | null = null;
  if (store && !db.readonly) {
    try {
      storeMissingVectors(db);
      loaded = loadStoredLibrary(db);
    } catch {
      loaded = null;
    }
  }
  const { papers, space } = loaded ?? loadLibraryForLearning(db);
  return learnReaderModel(papers, { space });
}

/** Every paper with its text, for the bench and tests. */
export function loadLibraryPapers(db: Database): LibraryPaper[] {
  const tagsById = loadTags(db);
  return prepared<[], LearnRow>(db, PAPERS_SQL).all().map((row) => rowToPaper(row, tagsById));
}

/** One pass over the tag links instead of a subquery per paper. */
function loadTags(db: Database): Map<number, string[]> {
  const tagsById = new Map<number, string[]>();
  for (const link of prepared<[], { paper_id: number; name: string }>(db, `SELECT pt.paper_id, t.name FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id`).iterate()) {
    const list = tagsById.get(link.paper_id);
    if (list) list.push(link.name);
    else tagsById.set(link.paper_id, [link.name]);
  }
  return tagsById;
}

/** Changes whenever this or any other connection commits: the model is stale when it differs. */
export function libraryRevision(db: Database): string {
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  const ownChanges = db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${dataVersion}:${ownChanges}`;
}
