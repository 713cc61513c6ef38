import { z } from 'zod';
import type { ApiError } from '../api-errors.ts';
import { DIGEST_FORMATS } from '../domain.ts';
import type { ImportReport } from '../domain.ts';
import { operation } from './operation.ts';

/** 64 MB of base64 is ~48 MB of digest: above the 40 MB limit (checked on the bytes), below memory trouble. */
const MAX_BASE64_LENGTH = 70_000_000;

/** Where a background import is. Counts, so the window can say "4,000 of 10,000 papers". */
export interface ImportJobStatus {
  jobId: string;
  file: string;
  /**
   * reading: decoding and parsing; waiting: for another process writing to the library; writing: papers
   * going into the library; indexing: into search; saving: the commit.
   */
  state: 'reading' | 'waiting' | 'writing' | 'indexing' | 'saving' | 'done' | 'failed' | 'cancelled';
  bytes: number;
  /** Papers the file holds, known once it is parsed. */
  papersFound: number | null;
  /** While reading: the share of the file's records read so far (0–1), when its reader can tell. */
  fractionRead?: number | null;
  papersWritten: number;
  papersIndexed: number;
  report: ImportReport | null;
  error: ApiError | null;
}

const jobId = z.object({ jobId: z.string().uuid() });

/**
 * Imports that run off the main thread: start returns at once; the window polls progress (the same
 * over IPC and HTTP) and may cancel, which rolls the whole file back.
 */
export const importJobsContract = {
  startImport: operation<{ jobId: string }>()(
    'imports:start',
    z.object({
      name: z.string().min(1).max(1000),
      dataBase64: z.string().max(MAX_BASE64_LENGTH),
      format: z.enum(DIGEST_FORMATS).optional(),
      into: z.enum(['inbox', 'to-read']).default('inbox'),
    }),
  ),
  importProgress: operation<ImportJobStatus>()('imports:progress', jobId),
  cancelImport: operation<ImportJobStatus>()('imports:cancel', jobId),
};
