import { useCallback, useRef, useState } from 'react';
import type { ImportJobStatus } from '../../shared/contract/import-jobs-contract.ts';
import { MAX_DIGEST_BYTES, oversizeProblem } from '../../shared/digest-size.ts';
import type { ImportReport } from '../../shared/domain.ts';
import { api, fileToUpload } from '../api/sift-client.ts';

export interface ImportOutcome {
  reports: ImportReport[];
  errors: string[];
  /** The reader pressed Cancel: the file under way and those after it were not imported. */
  cancelled?: boolean;
}

export interface ImportProgress {
  /** Files finished, of `total`; `current` is the one under way. */
  done: number;
  total: number;
  current: string;
  /** 'sending': the file is on its way to the library; then the background import's own state. */
  state: 'sending' | ImportJobStatus['state'];
  bytes: number | null;
  papersFound: number | null;
  /** While reading, the share of the file read (0–1), when known. */
  fractionRead?: number | null;
  papersWritten: number;
  papersIndexed: number;
}

export interface ImportUpload {
  name: string;
  /** Known before reading (a File's size): a file over the limit is refused without being read. */
  size?: number;
  load: () => Promise<{ name: string; dataBase64: string }>;
}

/** How often the window asks how a background import is going. */
const POLL_MS = 120;
const sleep = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

/**
 * Imports files one after another. Each runs off the main thread on the library side (a worker), all
 * or nothing: the window polls its progress and stays free; Cancel stops the file under way (rolled back
 * whole) and the files after it.
 */
export function useImporter(onChanged: () => void) {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const cancelled = useRef(false);
  const runningJob = useRef<string | null>(null);

  const importOne = useCallback(async (upload: ImportUpload, base: Pick<ImportProgress, 'done' | 'total' | 'current'>, result: ImportOutcome) => {
    if (upload.size !== undefined && upload.size > MAX_DIGEST_BYTES) {
      result.errors.push(`${upload.name} ${oversizeProblem(upload.size)}`);
      return;
    }
    setProgress({ ...base, state: 'sending', bytes: upload.size ?? null, papersFound: null, papersWritten: 0, papersIndexed: 0 });
    const loaded = await upload.load();
    const bytes = Math.floor((loaded.dataBase64.length * 3) / 4);
    if (bytes > MAX_DIGEST_BYTES) {
      result.errors.push(`${upload.name} ${oversizeProblem(bytes)}`);
      return;
    }
    const started = await api.startImport(loaded);
    if (started.error) {
      result.errors.push(started.error.message);
      return;
    }
    const { jobId } = started.data;
    runningJob.current = jobId;
    // A cancel clicked while the file was on its way reaches the job now.
    if (cancelled.current) void api.cancelImport({ jobId });
    for (;;) {
      await sleep(POLL_MS);
      const polled = await api.importProgress({ jobId });
      if (polled.error) {
        result.errors.push(polled.error.message);
        break;
      }
      const status = polled.data;
      setProgress({ ...base, state: status.state, bytes: status.bytes, papersFound: status.papersFound, fractionRead: status.fractionRead ?? null, papersWritten: status.papersWritten, papersIndexed: status.papersIndexed });
      if (status.state === 'done' && status.report) result.reports.push(status.report);
      if (status.error) result.errors.push(status.error.message);
      if (status.state === 'done' || status.state === 'failed' || status.state === 'cancelled') break;
    }
    runningJob.current = null;
  }, []);

  const importUploads = useCallback(
    async (uploads: ImportUpload[]) => {
      if (uploads.length === 0) return;
      cancelled.current = false;
      const result: ImportOutcome = { reports: [], errors: [] };
      for (const [index, upload] of uploads.entries()) {
        if (cancelled.current) {
          result.errors.push(`Cancelled: ${uploads.length - index} file(s) not imported.`);
          break;
        }
        try {
          await importOne(upload, { done: index, total: uploads.length, current: upload.name }, result);
        } catch (error) {
          result.errors.push(`${upload.name} could not be read (${String(error)}).`);
        }
      }
      setProgress(null);
      setOutcome(cancelled.current ? { ...result, cancelled: true } : result);
      onChanged();
    },
    [onChanged, importOne],
  );

  const importFiles = useCallback(
    (files: File[]) => importUploads(files.map((file) => ({ name: file.name, size: file.size, load: () => fileToUpload(file) }))),
    [importUploads],
  );

  return {
    progress,
    outcome,
    importFiles,
    importUploads,
    showOutcome: setOutcome,
    dismiss: () => setOutcome(null),
    cancel: () => {
      cancelled.current = true;
      if (runningJob.current) void api.cancelImport({ jobId: runningJob.current });
    },
  };
}
