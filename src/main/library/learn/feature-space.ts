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

/** Features a paper keeps: its strongest ones. Bounds memory and time at 100k papers; the bench chose it. */
const MAX_FEATURES_PER_PAPER = 80;

/** Builds the vocabulary (features seen in at least two papers: one paper's word cannot generalise) and the vectors. */
export function buildFeatureSpace(papers: readonly LearnablePaper[]): FeatureSpace {
  const perPaper = papers.map(paperFeatures);
  const documentFrequency = new Map<string, number>();
  for (const features of perPaper) {
    for (const name of features.keys()) documentFrequency.set(name, (documentFrequency.get(name) ?? 0) + 1);
  }
  const terms: string[] = [];
  const termIndex = new Map<string, number>();
  const idf: number[] = [];
  const total = papers.length;
  for (const [name, df] of documentFrequency) {
    if (df < 2 && total > 1) continue;
    termIndex.set(name, terms.length);
    terms.push(name);
    idf.push(Math.log((total + 1) / (df + 1)) + 1);
  }
  const offsets = new Uint32Array(papers.length + 1);
  const rowIndices: Uint32Array[] = [];
  const rowValues: Float32Array[] = [];
  let filled = 0;
  perPaper.forEach((features, row) => {
    const entries: [number, number][] = [];
    for (const [name, count] of features) {
      const index = termIndex.get(name);
      if (index !== undefined) entries.push([index, (1 + Math.log(count)) * (idf[index] ?? 1)]);
    }
    entries.sort((a, b) => b[1] - a[1]);
    const kept = entries.slice(0, MAX_FEATURES_PER_PAPER).sort((a, b) => a[0] - b[0]);
    const norm = Math.hypot(...kept.map(([, value]) => value)) || 1;
    rowIndices.push(Uint32Array.from(kept, ([index]) => index));
    rowValues.push(Float32Array.from(kept, ([, value]) => value / norm));
    filled += kept.length;
    offsets[row + 1] = filled;
  });
  const indices = new Uint32Array(filled);
  const values = new Float32Array(filled);
  rowIndices.forEach((row, index) => indices.set(row, offsets[index]));
  rowValues.forEach((row, index) => values.set(row, offsets[index]));
  return { terms, paperIds: Int32Array.from(papers, (paper) => paper.id), offsets, indices, values };
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
