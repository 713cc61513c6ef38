import { z } from 'zod';
import { operation } from './operation.ts';

/** Undoing a merge the identity rule made on the title alone (ImportReport.titleMerges). */
export const titleMergesContract = {
  splitTitleMerge: operation<{ paperId: number; newPaperId: number }>()(
    'digests:split-title-merge',
    z.object({ mergeId: z.number().int().positive() }),
  ),
};
