import { useCallback, useEffect, useRef, useState } from 'react';
import type { PaperSummary } from '../../shared/domain.ts';
import { api } from '../api/sift-client.ts';
import type { View } from '../app/view.ts';
import type { ListOrder } from './list-order.ts';

/** Views For you can order: the inbox and any digest (the reader's own queues keep their own order). */
export function canOrderForYou(view: View): boolean {
  return view.queue === 'inbox' || view.digestId !== undefined;
}

/**
 * The order of the list, the ranking epoch (a new epoch ranks again) and the more-like-this panel.
 * New papers arriving (an import) start a new epoch; a plain triage never does, so the order holds
 * still under the reader's cursor.
 */
export function useForYou(view: View, paperCount: number) {
  const [chosen, setChosen] = useState<ListOrder>('digest');
  const [rankEpoch, setRankEpoch] = useState(0);
  const [similarTo, setSimilarTo] = useState<PaperSummary | null>(null);
  const order: ListOrder = canOrderForYou(view) ? chosen : 'digest';
  const lastCount = useRef(paperCount);

  useEffect(() => {
    if (paperCount !== lastCount.current) {
      lastCount.current = paperCount;
      setRankEpoch((epoch) => epoch + 1);
    }
  }, [paperCount]);

  /** Switches order and answers where the cursor's paper now stands, so the caller can keep it in view. */
  const switchOrder = useCallback(
    async (next: ListOrder, cursorId: number | undefined): Promise<number | null> => {
      if (next === order) return null;
      let focusIndex: number | null = null;
      if (cursorId !== undefined) {
        const result = await api.listForYou({ queue: view.queue, tag: view.tag, digestId: view.digestId, limit: 1, order: next, focusId: cursorId, refresh: next === 'for-you' });
        focusIndex = result.data?.focusIndex ?? null;
      }
      setChosen(next);
      return focusIndex;
    },
    [order, view.queue, view.tag, view.digestId],
  );

  const rerank = useCallback(() => setRankEpoch((epoch) => epoch + 1), []);
  return { order, rankEpoch, switchOrder, rerank, similarTo, setSimilarTo };
}
