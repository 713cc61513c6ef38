import type { ApiHandlers } from '../../shared/api-contract.ts';
import { createImportJobs } from '../library/import/engine/import-jobs.ts';
import type { SiftLibrary } from '../library/sift-library.ts';

type ImportJobHandlers = Pick<ApiHandlers, 'importDigest' | 'startImport' | 'importProgress' | 'cancelImport'>;

/**
 * Every import from a window runs in a worker thread: `importDigest` waits for it (the main thread stays
 * free for other requests meanwhile); `startImport` returns at once so the window can show progress.
 */
export function createImportJobHandlers(library: SiftLibrary): ImportJobHandlers {
  const jobs = createImportJobs(library);
  const start = (args: { name: string; dataBase64: string; format?: Parameters<typeof jobs.start>[0]['format']; into: 'inbox' | 'to-read' }) =>
    jobs.start({ fileName: args.name, bytes: Buffer.from(args.dataBase64, 'base64'), format: args.format, into: args.into });
  return {
    importDigest: (args) => jobs.result(start(args)),
    startImport: (args) => ({ jobId: start(args) }),
    importProgress: ({ jobId }) => jobs.status(jobId),
    cancelImport: ({ jobId }) => jobs.cancel(jobId),
  };
}
