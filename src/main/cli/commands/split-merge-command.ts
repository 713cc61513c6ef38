import { splitTitleMerge } from '../../library/import/title-merges.ts';
import type { SiftLibrary } from '../../library/sift-library.ts';
import { EXIT_OK, UsageError } from '../cli-io.ts';
import type { CliIo } from '../cli-io.ts';

export const splitMergeUsage = 'split-merge MERGE_ID     (undo a "merged by title" that `sift import` reported)';

export function splitMergeCommand(library: SiftLibrary, argv: string[], io: CliIo): number {
  const [raw, ...extra] = argv;
  const mergeId = Number(raw);
  if (extra.length || !Number.isInteger(mergeId) || mergeId <= 0) throw new UsageError('split-merge needs one MERGE_ID, as `sift import` printed it');
  const { paperId, newPaperId } = splitTitleMerge(library.db, mergeId, library.clock);
  io.stdout(`split: paper ${paperId} has back what it had; the imported record is now paper ${newPaperId}`);
  return EXIT_OK;
}
