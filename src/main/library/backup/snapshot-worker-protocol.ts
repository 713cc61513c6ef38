import type { SnapshotCheck, SnapshotStamp } from './finish-snapshot.ts';

export interface SnapshotJob extends SnapshotStamp {
  libraryPath: string;
  partialPath: string;
  finalPath: string;
}

/** Where a backup is: the copy, then the integrity check (the long part on a large library). */
export type SnapshotStage = 'copying' | 'checking';

export type SnapshotWorkerMessage =
  | { kind: 'stage'; stage: SnapshotStage }
  | { kind: 'finished'; check: SnapshotCheck }
  | { kind: 'failed'; message: string; code: string | null };
