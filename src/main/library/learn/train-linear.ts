// Weighted logistic regression on sparse rows, by stochastic gradient descent with per-feature
// (AdaGrad) step sizes: a few passes over 10,000 decisions take tens of milliseconds, rare features
// still learn, and no matrix library is needed. Hand-written because the npm options we looked at
// (ml-logistic-regression, natural's classifiers) want dense matrices: 10,000 × 100,000 would not fit.
import { featureOf, levelOf } from './feature-space.ts';
import type { FeatureSpace } from './feature-space.ts';
import { seededRandom } from './seeded-random.ts';

export interface TrainingExample {
  row: number;
  /** 1 for a paper the reader wants, 0 for one they do not. */
  label: 0 | 1;
  /** How much the decision counts (a star says more than a to-read). */
  weight: number;
}

export interface LinearModel {
  weights: Float32Array;
  bias: number;
}

export interface TrainOptions {
  epochs?: number;
  /** L2 penalty per example: keeps a single odd paper from defining the reader. */
  l2?: number;
  learningRate?: number;
  /** Features the model must not use (1 = ignore): a tag's own feature when predicting that tag. */
  ignore?: Uint8Array;
}

export function trainLogistic(space: FeatureSpace, examples: readonly TrainingExample[], options: TrainOptions = {}): LinearModel {
  const { epochs = 12, l2 = 1e-4, learningRate = 0.5, ignore } = options;
  const dim = space.terms.length;
  const weights = new Float32Array(dim);
  const squaredGradients = new Float32Array(dim).fill(1e-6);
  let bias = 0;
  let biasSquared = 1e-6;
  // Balance the classes: a reader who skips nine papers in ten must not learn "skip everything".
  let positive = 0;
  let negative = 0;
  for (const example of examples) {
    if (example.label === 1) positive += example.weight;
    else negative += example.weight;
  }
  if (positive === 0 || negative === 0) return { weights, bias: positive > 0 ? 1 : -1 };
  const positiveScale = (positive + negative) / (2 * positive);
  const negativeScale = (positive + negative) / (2 * negative);
  const order = examples.map((_, index) => index);
  const random = seededRandom(examples.length);
  const { offsets, entries, rowScale } = space;
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    shuffle(order, random);
    for (const position of order) {
      const example = examples[position];
      if (!example) continue;
      const start = offsets[example.row] ?? 0;
      const end = offsets[example.row + 1] ?? 0;
      const rowScaleOf = rowScale[example.row] ?? 0;
      let sum = 0;
      for (let k = start; k < end; k += 1) {
        const entry = entries[k] as number;
        sum += (weights[featureOf(entry)] ?? 0) * levelOf(entry);
      }
      const z = bias + sum * rowScaleOf;
      const predicted = 1 / (1 + Math.exp(-z));
      const scale = example.weight * (example.label === 1 ? positiveScale : negativeScale);
      const error = (predicted - example.label) * scale;
      for (let k = start; k < end; k += 1) {
        const entry = entries[k] as number;
        const feature = featureOf(entry);
        if (ignore && ignore[feature] === 1) continue;
        const w = weights[feature] ?? 0;
        const gradient = error * levelOf(entry) * rowScaleOf + l2 * w;
        const squared = (squaredGradients[feature] ?? 0) + gradient * gradient;
        squaredGradients[feature] = squared;
        weights[feature] = w - (learningRate * gradient) / Math.sqrt(squared);
      }
      biasSquared += error * error;
      bias -= (learningRate * error) / Math.sqrt(biasSquared);
    }
  }
  return { weights, bias };
}

function shuffle(items: number[], random: () => number): void {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    const item = items[index] ?? 0;
    items[index] = items[other] ?? 0;
    items[other] = item;
  }
}
