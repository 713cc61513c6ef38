import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ForYouPage, LearnProgress } from '../../shared/contract/learn-contract.ts';
import type { PaperSummary } from '../../shared/domain.ts';
import { api } from '../api/sift-client.ts';
import type { View } from '../app/view.ts';
import type { ListOrder } from '../learn/list-order.ts';

const CHUNK = 200;

/**
 * The rows of a queue, loaded in chunks as the list scrolls, so a 100,000-paper view costs what the
 * screen shows. On every library revision the loaded range is fetched again (stale rows stay visible
 * until the fresh ones arrive, so nothing flickers).
 */
export function usePaperWindow(view: View, revision: number, order: ListOrder = 'digest', rankEpoch = 0) {
  const [total, setTotal] = useState(0);
  const [rows, setRows] = useState<ReadonlyMap<number, PaperSummary>>(new Map());
  const [loading, setLoading] = useState(true);
  // Papers the reader just moved out of this view: hidden at once, before the library answers, so a fast
  // "t t t" acts on the next paper each time. An id stays hidden until a reload no longer lists it: a
  // reload can overtake the action it follows (requests travel on separate connections).
  const [hiddenIds, setHiddenIds] = useState<ReadonlySet<number>>(new Set());
  const wanted = useRef<{ start: number; end: number }>({ start: 0, end: CHUNK });
  const loadedChunks = useRef(new Set<number>());
  const generation = useRef(0);
  // For you: scores of the loaded rows, and whether the ranking is trusted yet (cold start).
  const [scores, setScores] = useState<ReadonlyMap<number, number | null>>(new Map());
  const [progress, setProgress] = useState<LearnProgress | null>(null);
  // The ranking is recomputed only when the view, the order or the epoch changes, never on a plain revision:
  // the order must not reshuffle under the reader's cursor while they triage.
  const rankedKey = useRef('');

  const fetchChunks = useCallback(
    async (chunks: number[], replace: boolean) => {
      const current = generation.current;
      const key = JSON.stringify([view.queue, view.tag, view.digestId, order, rankEpoch]);
      const refresh = order === 'for-you' && replace && rankedKey.current !== key;
      rankedKey.current = key;
      const fetchPage = (chunk: number, fresh: boolean) =>
        order === 'for-you'
          ? api.listForYou({ queue: view.queue, tag: view.tag, digestId: view.digestId, offset: chunk * CHUNK, limit: CHUNK, refresh: fresh })
          : api.listPapers({ queue: view.queue, tag: view.tag, digestId: view.digestId, offset: chunk * CHUNK, limit: CHUNK });
      // A refresh ranks first; the other chunks then read the same fresh ranking.
      const [head, ...rest] = chunks;
      const first = head === undefined ? [] : [await fetchPage(head, refresh)];
      const pages = [...first, ...(await Promise.all(rest.map((chunk) => fetchPage(chunk, false))))];
      if (current === generation.current && order === 'for-you') {
        const ranked = pages.map((page) => page.data as ForYouPage | undefined);
        const latestProgress = ranked.findLast((data) => data?.progress)?.progress;
        if (latestProgress) setProgress(latestProgress);
        setScores((previous) => {
          const next = new Map(replace ? [] : previous);
          for (const data of ranked) data?.papers.forEach((paper, index) => next.set(paper.id, data.scores[index] ?? null));
          return next;
        });
      }
      if (current !== generation.current) return; // a newer view or revision superseded this fetch
      if (replace) {
        const listed = new Set(pages.flatMap((page) => page.data?.papers.map((paper) => paper.id) ?? []));
        setHiddenIds((previous) => (previous.size === 0 ? previous : new Set([...previous].filter((id) => listed.has(id)))));
      }
      setRows((previous) => {
        const next = new Map(replace ? [] : previous);
        pages.forEach((page, index) => {
          const chunk = chunks[index] ?? 0;
          page.data?.papers.forEach((paper, offset) => next.set(chunk * CHUNK + offset, paper));
        });
        return next;
      });
      const lastPage = pages.at(-1)?.data;
      if (lastPage) setTotal(lastPage.total);
      setLoading(false);
    },
    [view.queue, view.tag, view.digestId, order, rankEpoch],
  );

  // Declared first so a new view starts from its top before the fetch below runs.
  useEffect(() => {
    wanted.current = { start: 0, end: CHUNK };
    setLoading(true);
  }, [view.queue, view.tag, view.digestId, order]);

  useEffect(() => {
    generation.current += 1;
    const { start, end } = wanted.current;
    const chunks = chunkRange(start, end);
    loadedChunks.current = new Set(chunks);
    void fetchChunks(chunks, true);
  }, [fetchChunks, revision]);

  const requestRange = useCallback(
    (start: number, end: number) => {
      wanted.current = { start, end };
      const missing = chunkRange(start, end).filter((chunk) => !loadedChunks.current.has(chunk));
      if (missing.length === 0) return;
      missing.forEach((chunk) => loadedChunks.current.add(chunk));
      void fetchChunks(missing, false);
    },
    [fetchChunks],
  );

  /** Hides the given papers from the view until a reload shows the library has moved them. */
  const hide = useCallback((ids: readonly number[]) => {
    generation.current += 1; // a reload already in flight predates this change: drop it
    setHiddenIds((previous) => new Set([...previous, ...ids]));
  }, []);

  /** After an undo the hidden papers may come back: show whatever the library says. */
  const unhideAll = useCallback(() => setHiddenIds(new Set()), []);

  const hidden = useMemo(
    () =>
      hiddenIds.size === 0
        ? []
        : [...rows.entries()].filter(([, paper]) => hiddenIds.has(paper.id)).map(([index]) => index).sort((a, b) => a - b),
    [rows, hiddenIds],
  );

  const rowAt = useCallback(
    (index: number): PaperSummary | undefined => {
      let underlying = index;
      for (const hiddenIndex of hidden) {
        if (hiddenIndex <= underlying) underlying += 1;
        else break;
      }
      return rows.get(underlying);
    },
    [rows, hidden],
  );

  const scoreOf = useCallback((id: number) => (order === 'for-you' ? scores.get(id) ?? null : null), [order, scores]);

  return { total: Math.max(0, total - hidden.length), rowAt, loading, requestRange, hide, unhideAll, scoreOf, progress: order === 'for-you' ? progress : null };
}

function chunkRange(start: number, end: number): number[] {
  const first = Math.floor(Math.max(0, start) / CHUNK);
  const last = Math.floor(Math.max(start, end) / CHUNK);
  const chunks: number[] = [];
  for (let chunk = first; chunk <= last; chunk += 1) chunks.push(chunk);
  return chunks;
}
