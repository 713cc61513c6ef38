// More like this: cosine similarity between TF-IDF vectors (rows are unit length, so a dot product),
// by one pass over the packed rows with the paper's own vector spread into a dense array. At 100,000
// papers that is a few million multiply-adds: no index to build or keep in memory.
import { featureOf, levelOf } from './feature-space.ts';
import type { FeatureSpace } from './feature-space.ts';

export interface SimilarRow {
  row: number;
  similarity: number;
}

export function similarRows(space: FeatureSpace, row: number, limit: number): SimilarRow[] {
  const query = new Float32Array(space.terms.length);
  const start = space.offsets[row] ?? 0;
  const end = space.offsets[row + 1] ?? 0;
  const { offsets, entries, rowScale } = space;
  for (let k = start; k < end; k += 1) query[featureOf(entries[k] ?? 0)] = levelOf(entries[k] ?? 0) * (rowScale[row] ?? 0);
  // A small sorted top list: cheaper than sorting 100k similarities.
  const best: SimilarRow[] = [];
  let floor = 0;
  for (let other = 0; other < space.paperIds.length; other += 1) {
    if (other === row) continue;
    let sum = 0;
    const otherEnd = offsets[other + 1] ?? 0;
    for (let k = offsets[other] ?? 0; k < otherEnd; k += 1) {
      const entry = entries[k] as number;
      sum += levelOf(entry) * (query[featureOf(entry)] ?? 0);
    }
    const similarity = sum * (rowScale[other] ?? 0);
    if (similarity <= floor) continue;
    insertSorted(best, { row: other, similarity }, limit);
    if (best.length === limit) floor = best.at(-1)?.similarity ?? 0;
  }
  return best;
}

function insertSorted(best: SimilarRow[], candidate: SimilarRow, limit: number): void {
  let index = best.length;
  while (index > 0 && (best[index - 1]?.similarity ?? 0) < candidate.similarity) index -= 1;
  best.splice(index, 0, candidate);
  if (best.length > limit) best.pop();
}
