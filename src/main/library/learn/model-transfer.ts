import type { ReaderModel } from './reader-model.ts';

/** The buffers a model owns: moved, not copied, from the worker to the main thread. */
export function transferListOf(model: ReaderModel): ArrayBuffer[] {
  const buffers = [model.space.paperIds, model.space.offsets, model.space.indices, model.space.values];
  if (model.ranker) buffers.push(model.ranker.weights);
  for (const tagModel of model.tagModels) buffers.push(tagModel.model.weights);
  return buffers.map((array) => array.buffer as ArrayBuffer);
}
