// The reader's model: TF-IDF vectors of the whole library, a logistic regression trained on the
// reader's decisions, blended with a Rocchio centroid (kept minus skipped), and one small model per
// tag for suggestions. Pure: it takes papers and decisions in, so the app, the CLI, a worker, the
// tests and the bench all build it the same way.
import type { PaperStatus } from '../../../shared/domain.ts';
import { buildFeatureSpace, dotRow, featureOf, levelOf } from './feature-space.ts';
import type { FeatureSpace } from './feature-space.ts';
import { TAG_PREFIX } from './paper-features.ts';
import type { LearnablePaper } from './paper-features.ts';
import { seededRandom } from './seeded-random.ts';
import { trainLogistic } from './train-linear.ts';
import type { LinearModel, TrainingExample, TrainOptions } from './train-linear.ts';

export interface LibraryPaper extends LearnablePaper {
  status: PaperStatus;
  starred: boolean;
}

/** Below this many kept and skipped decisions the ranking would be noise: Sift keeps digest order. */
export const COLD_START = { kept: 10, skipped: 10 } as const;

export interface DecisionCounts {
  kept: number;
  skipped: number;
}

export interface TagModel {
  tag: string;
  model: LinearModel;
  /** Papers carrying the tag when the model was trained. */
  examples: number;
}

export interface ReaderModel {
  space: FeatureSpace;
  decisions: DecisionCounts;
  /** Null while the reader has made too few decisions (cold start). */
  ranker: LinearModel | null;
  tagModels: TagModel[];
}

export interface LearnOptions {
  /** Weight of the Rocchio centroid added to the logistic weights (0: logistic only). Chosen by the bench. */
  centroidWeight?: number;
  /** Skip the logistic regression (the bench compares the centroid alone). */
  centroidOnly?: boolean;
  /** Logistic regression settings (the bench tries several). */
  training?: TrainOptions;
  /** Scale the logistic and centroid weights to unit length before blending them (default on: unscaled, the logistic weights drown the centroid). */
  normalise?: boolean;
  /** A prebuilt feature space for these papers (the bench reuses one across readers). */
  space?: FeatureSpace;
}

export const DEFAULT_CENTROID_WEIGHT = 1;
/**
 * The ranker's L2 penalty, stronger than the tag models' (1e-3): measured on both families of simulated
 * readers (bench/RESULTS.md), 3e-2 ranks better on every measure of both (seed readers' nDCG@10 per day
 * 0.456 -> 0.478, phrase readers' 0.847 -> 0.860): a reader's noisy choices must not pin single words.
 */
const RANKER_L2 = 3e-2;
/** A tag needs this many papers before Sift suggests it. */
const MIN_TAG_EXAMPLES = 3;
/** Examples of each class one tag model trains on at most. */
const MAX_TAG_NEGATIVES = 1000;

/** How much one decision says: a star most, then read, then to-read; a skip says "not this". */
export function decisionOf(paper: Pick<LibraryPaper, 'status' | 'starred'>): { label: 0 | 1; weight: number } | null {
  if (paper.starred) return { label: 1, weight: 2 };
  if (paper.status === 'read') return { label: 1, weight: 1.5 };
  if (paper.status === 'to-read') return { label: 1, weight: 1 };
  if (paper.status === 'skipped') return { label: 0, weight: 1 };
  return null;
}

/**
 * A paper the model learns from, by its row in the space: one the reader decided on or tagged. The
 * others (the inbox, untagged) teach nothing, so a library of 100,000 papers need not be 100,000
 * objects to learn from.
 */
export interface LabelledRow extends Pick<LibraryPaper, 'status' | 'starred' | 'tags'> {
  row: number;
}

export function learnReaderModel(papers: readonly LibraryPaper[], options: LearnOptions = {}): ReaderModel {
  const space = options.space ?? buildFeatureSpace(papers);
  const labelled: LabelledRow[] = [];
  papers.forEach((paper, row) => {
    if (paper.tags.length > 0 || decisionOf(paper)) labelled.push({ row, status: paper.status, starred: paper.starred, tags: paper.tags });
  });
  return learnOnSpace(space, labelled, options);
}

/** The model from a packed space and the rows the reader labelled, in row order. */
export function learnOnSpace(space: FeatureSpace, labelled: readonly LabelledRow[], options: LearnOptions = {}): ReaderModel {
  const examples: TrainingExample[] = [];
  const decisions = { kept: 0, skipped: 0 };
  for (const paper of labelled) {
    const decision = decisionOf(paper);
    if (!decision) continue;
    examples.push({ row: paper.row, ...decision });
    if (decision.label === 1) decisions.kept += 1;
    else decisions.skipped += 1;
  }
  const warm = decisions.kept >= COLD_START.kept && decisions.skipped >= COLD_START.skipped;
  const ranker = warm ? trainRanker(space, examples, { ...options, training: { l2: RANKER_L2, ...options.training } }) : null;
  return { space, decisions, ranker, tagModels: trainTagModels(space, labelled) };
}

function trainRanker(space: FeatureSpace, examples: TrainingExample[], options: LearnOptions): LinearModel {
  const centroidWeight = options.centroidWeight ?? DEFAULT_CENTROID_WEIGHT;
  const normalise = options.normalise ?? true;
  const model = options.centroidOnly ? { weights: new Float32Array(space.terms.length), bias: 0 } : trainLogistic(space, examples, { l2: 1e-3, ...options.training });
  if (normalise) model.bias /= scaleToUnit(model.weights);
  if (centroidWeight > 0 || options.centroidOnly) {
    const centroid = rocchioCentroid(space, examples);
    if (normalise) scaleToUnit(centroid);
    const scale = options.centroidOnly ? 1 : centroidWeight;
    for (let feature = 0; feature < centroid.length; feature += 1) {
      model.weights[feature] = (model.weights[feature] ?? 0) + scale * (centroid[feature] ?? 0);
    }
  }
  return model;
}

/** Scales in place; returns the old length (the bias must follow it). */
function scaleToUnit(vector: Float32Array): number {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum) || 1;
  for (let index = 0; index < vector.length; index += 1) vector[index] = (vector[index] ?? 0) / norm;
  return norm;
}

/**
 * Small tag sets leave a logistic model's probabilities badly calibrated, so the scale is set by the
 * training data: a point between the mean score of the others and the mean score of the tag's papers
 * becomes 0.5, and the tag's papers' mean becomes 0.88 (z = 2).
 */
function calibrate(space: FeatureSpace, model: LinearModel, examples: readonly TrainingExample[]): LinearModel {
  const sums = [0, 0];
  const counts = [0, 0];
  for (const example of examples) {
    const z = model.bias + dotRow(space, example.row, model.weights);
    sums[example.label] = (sums[example.label] ?? 0) + z;
    counts[example.label] = (counts[example.label] ?? 0) + 1;
  }
  const meanPositive = (sums[1] ?? 0) / (counts[1] || 1);
  const meanNegative = (sums[0] ?? 0) / (counts[0] || 1);
  // Nearer the others than halfway: the tag's own papers score higher in training than any new paper will.
  const middle = meanNegative + 0.3 * (meanPositive - meanNegative);
  const scale = meanPositive > middle ? 2 / (meanPositive - middle) : 1;
  return { weights: model.weights.map((weight) => weight * scale), bias: (model.bias - middle) * scale };
}

/** Few examples need more passes to learn anything; many need few. Bounded either way. */
function epochsFor(examples: number): number {
  return Math.max(5, Math.min(40, Math.ceil(10_000 / Math.max(1, examples))));
}

/** Mean of what the reader kept minus mean of what they skipped (each weighted by how much it says). */
function rocchioCentroid(space: FeatureSpace, examples: readonly TrainingExample[]): Float32Array {
  const kept = new Float64Array(space.terms.length);
  const skipped = new Float64Array(space.terms.length);
  let keptWeight = 0;
  let skippedWeight = 0;
  for (const example of examples) {
    const target = example.label === 1 ? kept : skipped;
    if (example.label === 1) keptWeight += example.weight;
    else skippedWeight += example.weight;
    const end = space.offsets[example.row + 1] ?? 0;
    const scale = example.weight * (space.rowScale[example.row] ?? 0);
    for (let k = space.offsets[example.row] ?? 0; k < end; k += 1) {
      const entry = space.entries[k] ?? 0;
      const feature = featureOf(entry);
      target[feature] = (target[feature] ?? 0) + scale * levelOf(entry);
    }
  }
  const centroid = new Float32Array(space.terms.length);
  for (let feature = 0; feature < centroid.length; feature += 1) {
    centroid[feature] = (kept[feature] ?? 0) / (keptWeight || 1) - (skipped[feature] ?? 0) / (skippedWeight || 1);
  }
  return centroid;
}

/**
 * One-vs-rest per tag (arxiv-sanity's per-tag SVM idea): papers with the tag against every other
 * paper the reader tagged or decided on. The tag's own feature is hidden from its model, or it would only
 * learn that papers tagged X are tagged X.
 */
function trainTagModels(space: FeatureSpace, labelled: readonly LabelledRow[]): TagModel[] {
  const byTag = new Map<string, number[]>();
  const candidates: number[] = [];
  for (const paper of labelled) {
    const decision = decisionOf(paper);
    if (paper.tags.length === 0 && !decision) continue;
    candidates.push(paper.row);
    for (const tag of paper.tags) {
      const rows = byTag.get(tag) ?? [];
      rows.push(paper.row);
      byTag.set(tag, rows);
    }
  }
  const tagFeatures = new Uint8Array(space.terms.length);
  space.terms.forEach((term, index) => {
    if (term.startsWith(TAG_PREFIX)) tagFeatures[index] = 1;
  });
  const random = seededRandom(candidates.length);
  const models: TagModel[] = [];
  for (const [tag, rows] of byTag) {
    if (rows.length < MIN_TAG_EXAMPLES) continue;
    const members = new Set(rows);
    // A tag's model needs its papers and a fair sample of the others, not all 100,000 of them.
    const negatives = candidates.filter((row) => !members.has(row));
    const sampled = negatives.length <= MAX_TAG_NEGATIVES ? negatives : negatives.filter(() => random() < MAX_TAG_NEGATIVES / negatives.length);
    if (sampled.length === 0) continue;
    const examples: TrainingExample[] = [
      ...rows.slice(0, MAX_TAG_NEGATIVES).map((row) => ({ row, label: 1 as const, weight: 1 })),
      ...sampled.map((row) => ({ row, label: 0 as const, weight: 1 })),
    ];
    // The same blend as the ranker (it measured best), with the tag's own feature removed from the centroid too.
    const model = trainRanker(space, examples, { training: { ignore: tagFeatures, epochs: epochsFor(examples.length) } });
    tagFeatures.forEach((isTag, feature) => {
      if (isTag) model.weights[feature] = 0;
    });
    models.push({ tag, model: calibrate(space, model, examples), examples: rows.length });
  }
  return models.sort((a, b) => a.tag.localeCompare(b.tag));
}
