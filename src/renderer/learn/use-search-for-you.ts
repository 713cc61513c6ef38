import { useCallback, useMemo, useRef, useState } from 'react';
import type { LearnProgress } from '../../shared/contract/learn-contract.ts';
import type { Queue } from '../../shared/domain.ts';
import { api } from '../api/sift-client.ts';
import type { SearchSource } from '../search/use-search.ts';
import type { ListOrder } from './list-order.ts';

/**
 * The order of search results (relevance, or For you) and where their pages come from. For you ranks
 * every match once per query, on ↻, or when the order is switched on; pages and reloads after a triage
 * read that same ranking, so the results hold still under the cursor.
 */
export function useSearchForYou() {
  const [order, setOrder] = useState<ListOrder>('digest');
  const [rankEpoch, setRankEpoch] = useState(0);
  const [scores, setScores] = useState<ReadonlyMap<number, number | null>>(new Map());
  const [progress, setProgress] = useState<LearnProgress | null>(null);
  const rankedKey = useRef('');

  const source = useMemo<SearchSource>(() => {
    if (order === 'digest') return api.searchPapers;
    return async (args) => {
      const key = JSON.stringify([args.query, args.queue ?? null, rankEpoch]);
      const refresh = (args.offset ?? 0) === 0 && rankedKey.current !== key;
      if ((args.offset ?? 0) === 0) rankedKey.current = key;
      const response = await api.searchForYou({ ...args, refresh, order: 'for-you' });
      if (!response.data) return response;
      const page = response.data;
      setProgress(page.progress);
      setScores((previous) => {
        const next = new Map(refresh ? [] : previous);
        page.hits.forEach((hit, index) => next.set(hit.paper.id, page.scores[index] ?? null));
        return next;
      });
      return { data: { hits: page.hits, total: page.total, correctedQuery: page.correctedQuery, tookMs: 0 } };
    };
  }, [order, rankEpoch]);

  /** Switches order and answers where the cursor's paper now stands, so the caller can keep it in view. */
  const switchOrder = useCallback(
    async (next: ListOrder, query: string, queue: Queue | undefined, cursorId: number | undefined): Promise<number | null> => {
      if (next === order) return null;
      let focusIndex: number | null = null;
      if (cursorId !== undefined) {
        const result = await api.searchForYou({ query, queue, limit: 1, order: next === 'for-you' ? 'for-you' : 'relevance', focusId: cursorId, refresh: next === 'for-you' });
        focusIndex = result.data?.focusIndex ?? null;
        // That call ranked afresh: the first page need not rank again.
        if (next === 'for-you') rankedKey.current = JSON.stringify([query, queue ?? null, rankEpoch]);
      }
      setOrder(next);
      return focusIndex;
    },
    [order, rankEpoch],
  );

  const rerank = useCallback(() => setRankEpoch((epoch) => epoch + 1), []);
  const scoreOf = useCallback((id: number) => (order === 'for-you' ? scores.get(id) ?? null : null), [order, scores]);
  return { order, source, switchOrder, rerank, scoreOf, progress: order === 'for-you' ? progress : null };
}
