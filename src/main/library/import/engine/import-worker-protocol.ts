// Messages between the import worker (import-worker.ts) and the thread that started it.
import type { ApiError } from '../../../../shared/api-errors.ts';
import type { DigestFormat, ImportReport } from '../../../../shared/domain.ts';
import type { ImportPreview } from '../../../../shared/contract/digests-contract.ts';
import type { ImportStepProgress } from '../import-digest.ts';

export interface ImportWorkerJob {
  libraryPath: string;
  fileName: string;
  /** The file's bytes, transferred (not copied) to the worker. */
  bytes: Uint8Array;
  format: DigestFormat | undefined;
  into: 'inbox' | 'to-read';
  /** The starting thread's clock, read once: the worker has no other. */
  nowIso: string;
  /** Int32Array over it: [0] becomes 1 when the import should stop and roll back. */
  cancelFlag: SharedArrayBuffer;
}

/** What an import would do, worked out off the main thread (a big paste parses for seconds). */
export interface PreviewWorkerJob {
  kind: 'preview';
  libraryPath: string;
  fileName: string;
  bytes: Uint8Array;
  format: DigestFormat | undefined;
  nowIso: string;
}

export type PreviewWorkerMessage = { kind: 'preview'; preview: ImportPreview } | { kind: 'failed'; error: ApiError; cancelled: false };

export type ImportWorkerMessage =
  | { kind: 'progress'; progress: ImportStepProgress }
  | { kind: 'done'; report: ImportReport }
  | { kind: 'failed'; error: ApiError; cancelled: boolean };
