import { z } from 'zod';
import { QUEUES } from '../domain.ts';
import type { PaperSummary } from '../domain.ts';
import { operation } from './operation.ts';
import { viewPageArgs } from './papers-contract.ts';
import type { SearchHit } from './search-contract.ts';

const paperId = z.number().int().positive();

/** How far the reader is from a ranking Sift trusts. */
export interface LearnProgress {
  kept: number;
  skipped: number;
  /** More decisions needed before For you ranks anything (0 and 0 when ready). */
  needKept: number;
  needSkipped: number;
  ready: boolean;
}

export interface ForYouPage {
  papers: PaperSummary[];
  /** Where `focusId` stands in this order (null when it is not in the view). */
  focusIndex: number | null;
  /** Parallel to papers: 0–100, or null for a paper newer than the model. */
  scores: (number | null)[];
  total: number;
  progress: LearnProgress;
}

/** A page of a search's matches ranked For you (or by relevance, to find a paper again after switching back). */
export interface ForYouSearchPage {
  hits: SearchHit[];
  /** Where `focusId` stands in this order (null when it does not match). */
  focusIndex: number | null;
  /** Parallel to hits: 0–100, or null for a paper newer than the model. */
  scores: (number | null)[];
  total: number;
  correctedQuery: string | null;
  progress: LearnProgress;
}

export interface Reason {
  kind: 'word' | 'author' | 'tag';
  text: string;
  /** Share of the score's evidence this feature carries. */
  weight: number;
}

export interface PaperWhy {
  score: number | null;
  reasons: Reason[];
  progress: LearnProgress;
}

export interface SimilarPaper {
  paper: PaperSummary;
  similarity: number;
}

export interface TagSuggestion {
  tag: string;
  confidence: number;
}

export const learnContract = {
  listForYou: operation<ForYouPage>()(
    'learn:list',
    viewPageArgs.extend({
      /** Rank afresh (entering the view, after a batch); otherwise the view keeps its order while the reader triages. */
      refresh: z.boolean().default(false),
      /** 'digest' answers in the view's own order: how the reader finds their paper again after switching back. */
      order: z.enum(['for-you', 'digest']).default('for-you'),
      /** A paper whose place in this order the caller wants (switching order keeps it in view). */
      focusId: paperId.optional(),
    }),
  ),
  searchForYou: operation<ForYouSearchPage>()(
    'learn:search',
    z.object({
      query: z.string().max(2000),
      queue: z.enum(QUEUES).optional(),
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      /** Rank afresh (a new query, ↻); otherwise the matches keep their order while the reader triages. */
      refresh: z.boolean().default(false),
      /** 'relevance' answers in the search's own order (only `focusIndex` matters then). */
      order: z.enum(['for-you', 'relevance']).default('for-you'),
      focusId: paperId.optional(),
    }),
  ),
  explainPaper: operation<PaperWhy>()('learn:why', z.object({ id: paperId })),
  similarPapers: operation<SimilarPaper[]>()(
    'learn:similar',
    z.object({ id: paperId, limit: z.number().int().min(1).max(100).default(10) }),
  ),
  suggestTags: operation<TagSuggestion[]>()('learn:suggest-tags', z.object({ id: paperId })),
  learnProgress: operation<LearnProgress>()('learn:progress', z.object({})),
};
