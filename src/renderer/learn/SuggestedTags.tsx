import { useEffect, useState } from 'react';
import type { TagSuggestion } from '../../shared/contract/learn-contract.ts';
import { api } from '../api/sift-client.ts';

/** Tags the reader gave papers like this one; a click adds one. Shown for papers still in the inbox. */
export function SuggestedTags({ paperId, tags, onAdd }: { paperId: number; tags: readonly string[]; onAdd: (tag: string) => void }) {
  const [suggestions, setSuggestions] = useState<TagSuggestion[]>([]);
  const tagKey = tags.join('\u001f');
  useEffect(() => {
    let current = true;
    void api.suggestTags({ id: paperId }).then((result) => current && setSuggestions(result.data ?? []));
    return () => {
      current = false;
    };
  }, [paperId, tagKey]);
  if (suggestions.length === 0) return null;
  return (
    <div className="suggested-tags" data-testid="suggested-tags">
      <span className="suggested-tags__label">Suggested tags</span>
      {suggestions.map((suggestion) => (
        <button
          key={suggestion.tag}
          type="button"
          className="tag-chip suggested-tags__chip"
          title={`You gave this tag to papers like this one (${Math.round(suggestion.confidence * 100)}% sure). Click to add it.`}
          onClick={() => onAdd(suggestion.tag)}
        >
          + {suggestion.tag}
        </button>
      ))}
    </div>
  );
}
