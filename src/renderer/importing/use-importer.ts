import { useCallback, useRef, useState } from 'react';
import type { ImportReport } from '../../shared/domain.ts';
import { api, fileToUpload } from '../api/sift-client.ts';

export interface ImportOutcome {
  reports: ImportReport[];
  errors: string[];
}

export interface ImportProgress {
  done: number;
  total: number;
  current: string;
}

/**
 * Imports files one after another, each all-or-nothing on the main side. Cancelling stops before the
 * next file; the file being written finishes or is rolled back as a whole, so nothing is left half-done.
 */
export function useImporter(onChanged: () => void) {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const cancelled = useRef(false);

  const importUploads = useCallback(
    async (uploads: { name: string; load: () => Promise<{ name: string; dataBase64: string }> }[]) => {
      if (uploads.length === 0) return;
      cancelled.current = false;
      const result: ImportOutcome = { reports: [], errors: [] };
      for (const [index, upload] of uploads.entries()) {
        if (cancelled.current) {
          result.errors.push(`Cancelled: ${uploads.length - index} file(s) not imported.`);
          break;
        }
        setProgress({ done: index, total: uploads.length, current: upload.name });
        try {
          const response = await api.importDigest(await upload.load());
          if (response.error) result.errors.push(response.error.message);
          else result.reports.push(response.data);
        } catch (error) {
          result.errors.push(`${upload.name} could not be read (${String(error)}).`);
        }
      }
      setProgress(null);
      setOutcome(result);
      onChanged();
    },
    [onChanged],
  );

  const importFiles = useCallback(
    (files: File[]) => importUploads(files.map((file) => ({ name: file.name, load: () => fileToUpload(file) }))),
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
    },
  };
}
