import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PaperSummary } from '../../shared/domain.ts';
import { api } from '../api/sift-client.ts';
import type { View } from '../app/view.ts';

const CHUNK = 200;

/**
 * The rows of a queue, loaded in chunks as the list scrolls, so a 100,000-paper view costs what the
 * screen shows. On every library revision the loaded range is fetched again (stale rows stay visible
 * until the fresh ones arrive, so nothing flickers).
 */
export function usePaperWindow(view: View, revision: number) {
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

  const fetchChunks = useCallback(
    async (chunks: number[], replace: boolean) => {
      const current = generation.current;
      const pages = await Promise.all(
        chunks.map((chunk) =>
          api.listPapers({ queue: view.queue, tag: view.tag, digestId: view.digestId, offset: chunk * CHUNK, limit: CHUNK }),
        ),
      );
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
    [view.queue, view.tag, view.digestId],
  );

  // Declared first so a new view starts from its top before the fetch below runs.
  useEffect(() => {
    wanted.current = { start: 0, end: CHUNK };
    setLoading(true);
  }, [view.queue, view.tag, view.digestId]);

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

  return { total: Math.max(0, total - hidden.length), rowAt, loading, requestRange, hide, unhideAll };
}

function chunkRange(start: number, end: number): number[] {
  const first = Math.floor(Math.max(0, start) / CHUNK);
  const last = Math.floor(Math.max(start, end) / CHUNK);
  const chunks: number[] = [];
  for (let chunk = first; chunk <= last; chunk += 1) chunks.push(chunk);
  return chunks;
}
