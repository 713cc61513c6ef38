// TF-IDF vectors for every paper in the library, packed in flat typed arrays (compressed sparse rows)
// so 100,000 papers cost tens of megabytes, can be handed from a worker to the main thread without
// copying, and a score over all of them is one tight loop.
import { paperFeatures } from './paper-features.ts';
import type { LearnablePaper } from './paper-features.ts';

export interface FeatureSpace {
  /** Feature names by index: words, `@author`, `#tag`. */
  terms: string[];
  /** Row r is paper paperIds[r]; its features are indices[offsets[r] .. offsets[r+1]). */
  paperIds: Int32Array;
  offsets: Uint32Array;
  indices: Uint32Array;
  values: Float32Array;
}

/** Features a paper keeps: its strongest ones. Bounds memory and time at 100k papers. */
const MAX_FEATURES_PER_PAPER = 80;
/** The most widespread features kept: bounds the weight vectors (and a cache-friendly dense query). */
const MAX_VOCABULARY = 150_000;

/**
 * Builds the vocabulary (features seen in at least two papers: one paper's word cannot generalise)
 * and the vectors.
 */
export function buildFeatureSpace(papers: Iterable<LearnablePaper>): FeatureSpace {
  const builder = featureSpaceBuilder();
  for (const paper of papers) builder.add(paper);
  return builder.finish();
}

/**
 * Papers one at a time, so a caller can stream 100,000 rows from SQLite without holding their text:
 * each paper's features are interned to integer ids as they are read, leaving two small typed
 * arrays per paper rather than its abstract or a Map.
 */
export function featureSpaceBuilder(): { add: (paper: LearnablePaper) => void; finish: () => FeatureSpace } {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const paperIds: number[] = [];
  let frequency: Uint32Array = new Uint32Array(1024);
  const rawIds: Uint32Array[] = [];
  const rawCounts: Float32Array[] = [];
  const add = (paper: LearnablePaper) => {
    const features = paperFeatures(paper);
    const rowIds = new Uint32Array(features.size);
    const rowCounts = new Float32Array(features.size);
    let k = 0;
    for (const [name, count] of features) {
      let id = ids.get(name);
      if (id === undefined) {
        id = names.length;
        ids.set(name, id);
        names.push(name);
        if (id >= frequency.length) frequency = grow(frequency);
      }
      frequency[id] = (frequency[id] ?? 0) + 1;
      rowIds[k] = id;
      rowCounts[k] = count;
      k += 1;
    }
    paperIds.push(paper.id);
    rawIds.push(rowIds);
    rawCounts.push(rowCounts);
  };
  const finish = () => {
    const { terms, remap, idf } = chooseVocabulary(names, frequency, paperIds.length);
    return packRows(paperIds, rawIds, rawCounts, remap, idf, terms);
  };
  return { add, finish };
}

function grow(array: Uint32Array): Uint32Array {
  const bigger = new Uint32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

function chooseVocabulary(names: string[], frequency: Uint32Array, total: number) {
  const minimum = total > 1 ? 2 : 1;
  let candidates: number[] = [];
  for (let id = 0; id < names.length; id += 1) if ((frequency[id] ?? 0) >= minimum) candidates.push(id);
  if (candidates.length > MAX_VOCABULARY) {
    candidates = candidates.sort((a, b) => (frequency[b] ?? 0) - (frequency[a] ?? 0)).slice(0, MAX_VOCABULARY).sort((a, b) => a - b);
  }
  const remap = new Int32Array(names.length).fill(-1);
  const terms: string[] = [];
  const idf = new Float32Array(candidates.length);
  for (const id of candidates) {
    remap[id] = terms.length;
    idf[terms.length] = Math.log((total + 1) / ((frequency[id] ?? 0) + 1)) + 1;
    terms.push(names[id] ?? '');
  }
  return { terms, remap, idf };
}

function packRows(papers: readonly number[], rawIds: Uint32Array[], rawCounts: Float32Array[], remap: Int32Array, idf: Float32Array, terms: string[]): FeatureSpace {
  const offsets = new Uint32Array(papers.length + 1);
  let indices = new Uint32Array(papers.length * 48 + 16);
  let values = new Float32Array(indices.length);
  let filled = 0;
  for (let row = 0; row < papers.length; row += 1) {
    const entries: [number, number][] = [];
    const rowIds = rawIds[row] ?? new Uint32Array(0);
    const rowCounts = rawCounts[row] ?? new Float32Array(0);
    for (let k = 0; k < rowIds.length; k += 1) {
      const index = remap[rowIds[k] ?? 0] ?? -1;
      if (index >= 0) entries.push([index, (1 + Math.log(rowCounts[k] ?? 1)) * (idf[index] ?? 1)]);
    }
    entries.sort((a, b) => b[1] - a[1]);
    const kept = entries.slice(0, MAX_FEATURES_PER_PAPER).sort((a, b) => a[0] - b[0]);
    let squared = 0;
    for (const [, value] of kept) squared += value * value;
    const norm = Math.sqrt(squared) || 1;
    if (filled + kept.length > indices.length) {
      const capacity = Math.max(indices.length * 2, filled + kept.length);
      const nextIndices = new Uint32Array(capacity);
      nextIndices.set(indices);
      const nextValues = new Float32Array(capacity);
      nextValues.set(values);
      indices = nextIndices;
      values = nextValues;
    }
    for (const [index, value] of kept) {
      indices[filled] = index;
      values[filled] = value / norm;
      filled += 1;
    }
    offsets[row + 1] = filled;
  }
  return {
    terms,
    paperIds: Int32Array.from(papers),
    offsets,
    indices: indices.slice(0, filled),
    values: values.slice(0, filled),
  };
}

/** Dot product of row r with a dense weight vector. */
export function dotRow(space: FeatureSpace, row: number, dense: Float32Array | Float64Array): number {
  let sum = 0;
  const end = space.offsets[row + 1] ?? 0;
  for (let k = space.offsets[row] ?? 0; k < end; k += 1) sum += (space.values[k] ?? 0) * (dense[space.indices[k] ?? 0] ?? 0);
  return sum;
}

/** Row of each paper id. */
export function rowsById(space: FeatureSpace): Map<number, number> {
  const rows = new Map<number, number>();
  space.paperIds.forEach((id, row) => rows.set(id, row));
  return rows;
}
