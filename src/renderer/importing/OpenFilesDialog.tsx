import { useEffect, useState } from 'react';
import type { ImportPreview } from '../../shared/contract/digests-contract.ts';
import { api } from '../api/sift-client.ts';

export interface OpenedFiles {
  files: { name: string; dataBase64: string }[];
  /** Files that could not be read, named. */
  errors: string[];
}

type FilePreview = { name: string; preview?: ImportPreview; error?: string };

/** Files opened with Sift: what each would import, before anything is written. */
export function OpenFilesDialog({ opened, onImport, onCancel }: { opened: OpenedFiles; onImport: () => void; onCancel: () => void }) {
  const [previews, setPreviews] = useState<FilePreview[] | null>(null);
  useEffect(() => {
    let current = true;
    void Promise.all(
      opened.files.map(async (file): Promise<FilePreview> => {
        const result = await api.previewDigest(file);
        return result.error ? { name: file.name, error: result.error.message } : { name: file.name, preview: result.data };
      }),
    ).then((done) => current && setPreviews(done));
    return () => {
      current = false;
    };
  }, [opened]);
  const importable = previews?.filter((entry) => entry.preview).length ?? 0;
  const total = previews?.reduce((sum, entry) => sum + (entry.preview?.papers ?? 0), 0) ?? 0;
  return (
    <div className="modal-backdrop" onMouseDown={onCancel}>
      <div className="modal" role="dialog" aria-modal="true" aria-label="Open with Sift" onMouseDown={(event) => event.stopPropagation()}>
        <h2>Import {opened.files.length === 1 ? opened.files[0]?.name : `${opened.files.length} files`}?</h2>
        {opened.errors.map((error) => (
          <p key={error} className="import-report__error" role="alert">{error}</p>
        ))}
        {!previews && opened.files.length > 0 && <p className="detail__muted">Reading the files…</p>}
        {previews?.map((entry) => (
          <section key={entry.name}>
            {entry.error && <p className="import-report__error" role="alert">{entry.error}</p>}
            {entry.preview && (
              <>
                <p>
                  <b>{entry.name}</b>: {entry.preview.papers} papers found ({entry.preview.newPapers} new to your library).
                </p>
                <ol className="paste-preview">
                  {entry.preview.titles.map((title, index) => (
                    <li key={`${index}-${title}`}>{title}</li>
                  ))}
                  {entry.preview.papers > entry.preview.titles.length && <li className="detail__muted">…and {entry.preview.papers - entry.preview.titles.length} more</li>}
                </ol>
              </>
            )}
          </section>
        ))}
        <div className="modal__buttons">
          <button type="button" className="text-button" onClick={onCancel}>Cancel</button>
          <button type="button" className="primary-button" disabled={importable === 0} onClick={onImport} autoFocus>
            Import {total || ''}
          </button>
        </div>
      </div>
    </div>
  );
}
