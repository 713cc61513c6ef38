// Moving a model between the worker and the main thread cheaply: the feature space lives in shared
// memory (both threads see the same bytes), the weights are transferred (moved, not copied), and the
// vocabulary travels as one string, because structured-cloning 150,000 separate strings would stall
// the receiving thread for the best part of a second. A model learnt on a kept space sends no
// vocabulary back: the main thread already has it.
import type { FeatureSpace } from './feature-space.ts';
import type { LearntLibrary, ReusableSpace } from './learn-from-library.ts';
import { TAG_PREFIX } from './paper-features.ts';
import type { ReaderModel } from './reader-model.ts';

const SEPARATOR = '\u001f';

type SpaceArrays = Omit<FeatureSpace, 'terms'>;

export interface ModelMessage {
  model: Omit<ReaderModel, 'space'> & { space: SpaceArrays };
  /** Null when the space is the one the main thread sent (its vocabulary is unchanged). */
  terms: string | null;
  stamp: number | null;
  reusedSpace: boolean;
}

/**
 * What the main thread sends a worker so it can keep the space: the arrays shared, and of the
 * vocabulary only its size and the tags (training reads no other name), not 120,000 strings.
 */
export interface ReusableSpaceMessage {
  space: SpaceArrays;
  termCount: number;
  tagTerms: [number, string][];
  stamp: number;
}

export function toMessage(learnt: LearntLibrary): { message: ModelMessage; transfer: ArrayBuffer[] } {
  const { model, stamp, reusedSpace } = learnt;
  const { terms, ...space } = model.space;
  const buffers: ArrayBufferLike[] = [];
  if (model.ranker) buffers.push(model.ranker.weights.buffer);
  for (const tagModel of model.tagModels) buffers.push(tagModel.model.weights.buffer);
  // Shared buffers are shared, not transferred (transferring one is an error).
  const transfer = buffers.filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
  return { message: { model: { ...model, space }, terms: reusedSpace ? null : terms.join(SEPARATOR), stamp, reusedSpace }, transfer };
}

/** The model on the main thread; a kept space is the caller's own object again (same rows, same vocabulary). */
export function fromMessage(message: ModelMessage, previous: ReusableSpace | null): LearntLibrary {
  const space: FeatureSpace = message.reusedSpace && previous
    ? previous.space
    : { ...message.model.space, terms: splitTerms(message.terms ?? '') };
  return { model: { ...message.model, space }, stamp: message.stamp, reusedSpace: message.reusedSpace && previous !== null };
}

export function toReusableMessage(previous: ReusableSpace): ReusableSpaceMessage {
  const { terms, ...space } = previous.space;
  const tagTerms: [number, string][] = [];
  terms.forEach((term, index) => {
    if (term.startsWith(TAG_PREFIX)) tagTerms.push([index, term]);
  });
  return { space, termCount: terms.length, tagTerms, stamp: previous.stamp };
}

export function fromReusableMessage(message: ReusableSpaceMessage): ReusableSpace {
  const terms = new Array<string>(message.termCount).fill('');
  for (const [index, term] of message.tagTerms) terms[index] = term;
  return { space: { ...message.space, terms }, stamp: message.stamp };
}

function splitTerms(text: string): string[] {
  return text === '' ? [] : text.split(SEPARATOR);
}
