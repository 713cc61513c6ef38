// Moving a model from the worker to the main thread cheaply: typed arrays are transferred (moved, not
// copied), and the vocabulary travels as one string, because structured-cloning 150,000 separate
// strings would stall the receiving thread for the best part of a second.
import type { ReaderModel } from './reader-model.ts';

const SEPARATOR = '\u001f';

export interface ModelMessage {
  model: Omit<ReaderModel, 'space'> & { space: Omit<ReaderModel['space'], 'terms'> };
  terms: string;
}

export function toMessage(model: ReaderModel): { message: ModelMessage; transfer: ArrayBuffer[] } {
  const { terms, ...space } = model.space;
  const buffers = [space.paperIds, space.offsets, space.indices, space.values];
  if (model.ranker) buffers.push(model.ranker.weights);
  for (const tagModel of model.tagModels) buffers.push(tagModel.model.weights);
  return { message: { model: { ...model, space }, terms: terms.join(SEPARATOR) }, transfer: buffers.map((array) => array.buffer as ArrayBuffer) };
}

export function fromMessage(message: ModelMessage): ReaderModel {
  const terms = message.terms === '' ? [] : message.terms.split(SEPARATOR);
  return { ...message.model, space: { ...message.model.space, terms } };
}
