import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchHit, SearchResult } from '../../shared/contract/search-contract.ts';
import type { ApiResult } from '../../shared/api-errors.ts';
import type { Queue } from '../../shared/domain.ts';
import { api } from '../api/sift-client.ts';

/** Rows asked for at a time as the list scrolls: a few screens. */
const PAGE = 50;
/**
 * An empty answer to a word still being typed is shown only once the reader pauses: "sparse ate" may be
 * on its way to "sparse attention", and blanking the list at every such keystroke reads as flicker.
 */
const EMPTY_AFTER_PAUSE_MS = 500;
/**
 * A keystroke's answer may count a large result only roughly ("about 1,800 found"): counting every
 * match would slow each keystroke. Once typing pauses this long, the exact count is asked for.
 */
const EXACT_COUNT_AFTER_PAUSE_MS = 300;

/** Where pages of results come from: the search itself, or another order of its matches (For you). */
export type SearchSource = (args: { query: string; queue?: Queue | undefined; limit: number; offset: number }) => Promise<ApiResult<SearchResult>>;

interface Shown {
  query: string;
  scope: Queue | undefined;
  total: number;
  totalIsEstimate: boolean;
  correctedQuery: string | null;
  pages: ReadonlyMap<number, readonly SearchHit[]>;
  /** Later pages come from where the first came from, so two orders never mix. */
  source: SearchSource;
}

/**
 * The results of what is in the search box, as a window over every match: the first page on each
 * keystroke, later pages as the list scrolls to them. The previous results stay on screen until the
 * answer to a newer query arrives, and answers that a newer query overtook are dropped.
 */
export function useSearch(query: string, scope: Queue | undefined, revision: number, source: SearchSource = api.searchPapers) {
  const [shown, setShown] = useState<Shown | null>(null);
  /** The last query whose answer (nothing yet) left the previous results on screen. */
  const [keptFor, setKeptFor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sequence = useRef(0);
  const shownRef = useRef<Shown | null>(null);
  const loading = useRef(new Set<number>());
  const wanted = useRef({ start: 0, end: PAGE });
  const emptyTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const countTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  /** The keystroke whose answer is on screen. */
  const applied = useRef(0);
  const waiting = useRef<(() => void) | null>(null);

  const show = useCallback((next: Shown | null) => {
    shownRef.current = next;
    loading.current = new Set();
    setShown(next);
    setKeptFor(null);
  }, []);

  /** Replaces an estimated total on screen with the exact one, if the results are still those of `query`. */
  const exactCountLater = useCallback((query: string, scope: Queue | undefined) => {
    clearTimeout(countTimer.current);
    countTimer.current = setTimeout(() => {
      void api.countSearchMatches({ query, queue: scope }).then((response) => {
        const current = shownRef.current;
        if (!response.data || !current || current.query !== query || current.scope !== scope || !current.totalIsEstimate) return;
        const next = { ...current, total: response.data.total, totalIsEstimate: false };
        shownRef.current = next;
        setShown(next);
      });
    }, EXACT_COUNT_AFTER_PAUSE_MS);
  }, []);

  const loadPages = useCallback((start: number, end: number) => {
    const current = shownRef.current;
    if (!current) return;
    const last = Math.min(Math.floor(Math.max(start, end - 1) / PAGE), Math.floor(Math.max(0, current.total - 1) / PAGE));
    for (let page = Math.floor(Math.max(0, start) / PAGE); page <= last; page += 1) {
      if (current.pages.has(page) || loading.current.has(page)) continue;
      loading.current.add(page);
      void current.source({ query: current.query, queue: current.scope, limit: PAGE, offset: page * PAGE }).then((response) => {
        if (shownRef.current?.query !== current.query || shownRef.current.scope !== current.scope || shownRef.current.source !== current.source || !response.data) return;
        const pages = new Map(shownRef.current.pages).set(page, response.data.hits);
        const next = { ...shownRef.current, pages, total: response.data.total, totalIsEstimate: response.data.totalIsEstimate ?? false };
        shownRef.current = next;
        setShown(next);
      });
    }
  }, []);

  useEffect(() => {
    const current = ++sequence.current;
    clearTimeout(emptyTimer.current);
    clearTimeout(countTimer.current);
    if (!query.trim()) {
      applied.current = current; // answers still on their way are for a query no longer in the box
      show(null);
      setError(null);
      return;
    }
    // One search in flight at a time: keystrokes typed meanwhile collapse into the latest, so a slow
    // answer never leaves a queue of stale searches for the library to work through.
    const send = () => {
      inFlight.current = true;
      void source({ query, queue: scope, limit: PAGE, offset: 0 }).then(receive);
    };
    const receive = (response: Awaited<ReturnType<SearchSource>>) => {
      inFlight.current = false;
      const next = waiting.current;
      waiting.current = null;
      next?.();
      // An answer to an earlier keystroke is still newer than what is on screen: show it meanwhile.
      if (current < applied.current) return;
      setError(response.error?.message ?? null);
      const data = response.data;
      if (!data) return;
      const apply = () => {
        if (current < applied.current) return;
        applied.current = current;
        show({ query, scope, total: data.total, totalIsEstimate: data.totalIsEstimate ?? false, correctedQuery: data.correctedQuery, pages: new Map([[0, data.hits]]), source });
        loadPages(wanted.current.start, wanted.current.end);
        if (data.totalIsEstimate && current === sequence.current) exactCountLater(query, scope);
      };
      const hadResults = (shownRef.current?.total ?? 0) > 0;
      if (data.total === 0 && hadResults && (data.incomplete || !/\s$/.test(query))) {
        if (!data.incomplete && current === sequence.current) emptyTimer.current = setTimeout(() => current === sequence.current && apply(), EMPTY_AFTER_PAUSE_MS);
        setKeptFor(query);
        return;
      }
      apply();
    };
    if (inFlight.current) waiting.current = send;
    else send();
  }, [query, scope, revision, show, loadPages, exactCountLater, source]);

  useEffect(
    () => () => {
      clearTimeout(emptyTimer.current);
      clearTimeout(countTimer.current);
    },
    [],
  );

  const requestRange = useCallback(
    (start: number, end: number) => {
      wanted.current = { start, end };
      loadPages(start, end);
    },
    [loadPages],
  );

  const hitAt = useCallback((index: number) => shown?.pages.get(Math.floor(index / PAGE))?.[index % PAGE], [shown]);

  /** Every match's id, for an action on all of them; the count on screen becomes exact too. */
  const allIds = useCallback(async (): Promise<number[]> => {
    const response = await api.searchPaperIds({ query, queue: scope });
    const current = shownRef.current;
    if (response.data && current && current.query === query && current.scope === scope && current.totalIsEstimate) {
      const next = { ...current, total: response.data.total, totalIsEstimate: false };
      shownRef.current = next;
      setShown(next);
    }
    return response.data?.ids ?? [];
  }, [query, scope]);

  return {
    /** The results on screen: the current query's, or the last ones while a newer answer is on its way. */
    result: shown,
    /** The query whose empty answer the window chose not to show, keeping the last results instead. */
    keptFor,
    /** True once the results on screen answer what is in the box. */
    settled: shown !== null && shown.query === query && shown.scope === scope,
    total: shown?.total ?? 0,
    hitAt,
    requestRange,
    allIds,
    error,
  };
}
