// Suggested tags: each tag's model scores the paper; tags it already has are not suggested.
import type { ReaderModel } from './reader-model.ts';
import { scoreRow } from './rank-papers.ts';
import type { TagSuggestion } from '../../../shared/contract/learn-contract.ts';


/** Above this a suggestion is worth a click. */
const SUGGEST_ABOVE = 0.5;

export function suggestTagsForRow(model: ReaderModel, row: number, existing: readonly string[], limit = 3): TagSuggestion[] {
  const have = new Set(existing.map((tag) => tag.toLowerCase()));
  return model.tagModels
    .filter((tagModel) => !have.has(tagModel.tag.toLowerCase()))
    .map((tagModel) => ({ tag: tagModel.tag, confidence: scoreRow(model.space, tagModel.model, row) }))
    .filter((suggestion) => suggestion.confidence > SUGGEST_ABOVE)
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, limit)
    .map((suggestion) => ({ ...suggestion, confidence: Math.round(suggestion.confidence * 100) / 100 }));
}
