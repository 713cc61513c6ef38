import { z } from 'zod';
import { QUEUES } from '../domain.ts';
import type { PaperSummary } from '../domain.ts';
import { operation } from './operation.ts';

/** [start, end) character offsets into the text they belong to. */
export type HighlightRange = [number, number];

export interface SearchHit {
  paper: PaperSummary;
  score: number;
  titleHighlights: HighlightRange[];
  /** A window of the abstract around the best match, with its own highlight offsets. */
  snippet: { text: string; highlights: HighlightRange[] } | null;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Matches in all; hits holds at most `limit` of them, from `offset`. */
  total: number;
  /** `total` is an estimate: a very large result is read only as far as the pages asked for so far. */
  totalIsEstimate?: boolean;
  /** The query as understood after typo correction, when it differs from what was typed. */
  correctedQuery: string | null;
  /** The query asks for nothing yet (an unfinished filter such as `is:`): not the same as no match. */
  incomplete?: boolean;
  tookMs: number;
}

export const searchContract = {
  searchPapers: operation<SearchResult>()(
    'search:query',
    z.object({
      query: z.string().max(2000),
      /** Limit to one view; the query's own `in:`/`is:` filters still apply on top. */
      queue: z.enum(QUEUES).optional(),
      limit: z.number().int().min(1).max(500).default(50),
      /** Matches to skip: the next pages of the same search, in the same order. */
      offset: z.number().int().min(0).max(10_000_000).default(0),
    }),
  ),
  /**
   * The exact number of matches. A keystroke's answer may carry an estimate (`totalIsEstimate`) so that
   * typing never waits for a count that walks every match; the window asks for this once typing pauses.
   */
  countSearchMatches: operation<{ total: number }>()(
    'search:count',
    z.object({
      query: z.string().max(2000),
      queue: z.enum(QUEUES).optional(),
    }),
  ),
  /** Every match's id in result order, for an action on all of them ("select all" while searching). */
  searchPaperIds: operation<{ ids: number[]; total: number }>()(
    'search:ids',
    z.object({
      query: z.string().max(2000),
      queue: z.enum(QUEUES).optional(),
    }),
  ),
};
