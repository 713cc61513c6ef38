// Scores and reasons from a reader model: what For you sorts by and what the why popover shows.
import { dotRow, featureOf, levelOf } from './feature-space.ts';
import type { FeatureSpace } from './feature-space.ts';
import { AUTHOR_PREFIX, TAG_PREFIX } from './paper-features.ts';
import type { ReaderModel } from './reader-model.ts';
import type { LinearModel } from './train-linear.ts';
import type { Reason } from '../../../shared/contract/learn-contract.ts';

/** Probability-like score in [0, 1] of every row (NaN for none when the model is cold). */
export function scoreAllRows(space: FeatureSpace, model: LinearModel): Float32Array {
  const scores = new Float32Array(space.paperIds.length);
  const { offsets, entries, rowScale } = space;
  const { weights, bias } = model;
  for (let row = 0; row < scores.length; row += 1) {
    let sum = 0;
    const end = offsets[row + 1] ?? 0;
    for (let k = offsets[row] ?? 0; k < end; k += 1) {
      const entry = entries[k] as number;
      sum += levelOf(entry) * (weights[featureOf(entry)] ?? 0);
    }
    scores[row] = sigmoid(bias + sum * (rowScale[row] ?? 0));
  }
  return scores;
}

export function scoreRow(space: FeatureSpace, model: LinearModel, row: number): number {
  return sigmoid(model.bias + dotRow(space, row, model.weights));
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * The features that moved this paper's score most, strongest first: those pulling it up when it
 * ranks in the upper half (`up`, by default judged from the model's own score), else those pulling it down.
 */
export function reasonsFor(model: ReaderModel, row: number, limit = 5, up?: boolean): Reason[] {
  const { space, ranker } = model;
  if (!ranker) return [];
  const contributions: Reason[] = [];
  const end = space.offsets[row + 1] ?? 0;
  for (let k = space.offsets[row] ?? 0; k < end; k += 1) {
    const entry = space.entries[k] ?? 0;
    const feature = featureOf(entry);
    const weight = levelOf(entry) * (space.rowScale[row] ?? 0) * (ranker.weights[feature] ?? 0);
    if (weight !== 0) contributions.push({ ...describeFeature(space.terms[feature] ?? ''), weight });
  }
  const total = contributions.reduce((sum, reason) => sum + Math.abs(reason.weight), 0) || 1;
  const positive = up ?? scoreRow(space, ranker, row) >= 0.5;
  return contributions
    .filter((reason) => (positive ? reason.weight > 0 : reason.weight < 0))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, limit)
    .map((reason) => ({ ...reason, weight: Math.round((reason.weight / total) * 100) / 100 }));
}

export function describeFeature(term: string): Omit<Reason, 'weight'> {
  if (term.startsWith(AUTHOR_PREFIX)) return { kind: 'author', text: term.slice(AUTHOR_PREFIX.length) };
  if (term.startsWith(TAG_PREFIX)) return { kind: 'tag', text: term.slice(TAG_PREFIX.length) };
  return { kind: 'word', text: term };
}
