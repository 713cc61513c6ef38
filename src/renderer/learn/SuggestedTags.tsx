import { useEffect, useState } from 'react';
import type { TagSuggestion } from '../../shared/contract/learn-contract.ts';
import { api } from '../api/sift-client.ts';

/** How long the cursor rests on a paper before its suggestions are asked for. */
const SETTLE_MS = 250;

/** Tags the reader gave papers like this one; a click adds one. Shown for papers still in the inbox. */
export function SuggestedTags({ paperId, tags, onAdd }: { paperId: number; tags: readonly string[]; onAdd: (tag: string) => void }) {
  const [suggestions, setSuggestions] = useState<TagSuggestion[]>([]);
  const tagKey = tags.join('\u001f');
  const [forPaper, setForPaper] = useState(paperId);
  useEffect(() => {
    let current = true;
    // Asked only once the cursor rests on the paper: while the reader types a search or holds j, each
    // new cursor paper would send a request that waits for the model, and in a browser (sift serve)
    // a handful of those waiting took every connection, so the searches queued behind them (~1.7 s).
    const timer = setTimeout(() => {
      void api.suggestTags({ id: paperId }).then((result) => {
        if (!current) return;
        setSuggestions(result.data ?? []);
        setForPaper(paperId);
      });
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [paperId, tagKey]);
  if (forPaper !== paperId) return null;
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
