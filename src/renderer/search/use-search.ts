import { useEffect, useRef, useState } from 'react';
import type { SearchResult } from '../../shared/contract/search-contract.ts';
import type { Queue } from '../../shared/domain.ts';
import { api } from '../api/sift-client.ts';

/**
 * Runs the search on every keystroke; answers that arrive after a newer query was typed are dropped,
 * so the list always shows the results of what is in the box.
 */
export function useSearch(query: string, scope: Queue | undefined, revision: number) {
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sequence = useRef(0);
  useEffect(() => {
    const current = ++sequence.current;
    if (!query.trim()) {
      setResult(null);
      setError(null);
      return;
    }
    void api.searchPapers({ query, queue: scope, limit: 200 }).then((response) => {
      if (current !== sequence.current) return;
      setResult(response.data ?? null);
      setError(response.error?.message ?? null);
    });
  }, [query, scope, revision]);
  return { result, error };
}
