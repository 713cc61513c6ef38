import { z } from 'zod';
import { PAPER_LIMITS } from '../paper-limits.ts';
import { PAPER_STATUSES, QUEUES } from '../domain.ts';
import type { PaperDetail, PaperSummary, QueueCounts, TagSummary } from '../domain.ts';
import { operation } from './operation.ts';

const paperId = z.number().int().positive();
const paperIds = z.array(paperId).min(1).max(100_000);

/** A page of one view (a queue, maybe narrowed to a tag or a digest): every list of papers takes these. */
export const viewPageArgs = z.object({
  queue: z.enum(QUEUES),
  tag: z.string().max(200).optional(),
  digestId: paperId.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(100_000).default(200),
});

export interface PaperPage {
  papers: PaperSummary[];
  total: number;
}

export const papersContract = {
  listPapers: operation<PaperPage>()('papers:list', viewPageArgs),
  getPaper: operation<PaperDetail>()('papers:get', z.object({ id: paperId })),
  countQueues: operation<QueueCounts>()('papers:count', z.object({})),
  setStatus: operation<{ changed: number }>()(
    'papers:set-status',
    z.object({ ids: paperIds, status: z.enum(PAPER_STATUSES) }),
  ),
  setStarred: operation<{ changed: number }>()(
    'papers:set-starred',
    z.object({ ids: paperIds, starred: z.boolean() }),
  ),
  moveInQueue: operation<{ changed: number }>()(
    'papers:move',
    z.object({
      ids: paperIds,
      to: z.union([z.enum(['top', 'bottom', 'up', 'down']), z.object({ beforeId: paperId.nullable() })]),
    }),
  ),
  setNote: operation<{ changed: number }>()(
    'papers:set-note',
    z.object({ id: paperId, note: z.string().max(PAPER_LIMITS.noteChars) }),
  ),
  addTag: operation<{ changed: number }>()(
    'papers:add-tag',
    z.object({ ids: paperIds, tag: z.string().trim().min(1).max(PAPER_LIMITS.tagChars) }),
  ),
  removeTag: operation<{ changed: number }>()(
    'papers:remove-tag',
    z.object({ ids: paperIds, tag: z.string().trim().min(1).max(PAPER_LIMITS.tagChars) }),
  ),
  listTags: operation<TagSummary[]>()('tags:list', z.object({})),
  renameTag: operation<{ changed: number }>()(
    'tags:rename',
    z.object({ from: z.string().trim().min(1).max(200), to: z.string().trim().min(1).max(PAPER_LIMITS.tagChars) }),
  ),
  deleteTag: operation<{ changed: number }>()('tags:delete', z.object({ name: z.string().trim().min(1).max(200) })),
  undo: operation<{ undone: string | null }>()('papers:undo', z.object({})),
};
