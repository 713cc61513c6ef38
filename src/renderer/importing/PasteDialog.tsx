import { useEffect, useState } from 'react';
import type { ImportPreview } from '../../shared/contract/digests-contract.ts';
import { api, textToUpload } from '../api/sift-client.ts';

/** Ctrl/Cmd+V outside a text field: shows what the pasted text would import before anything is written. */
export function PasteDialog({ text, onImport, onCancel }: { text: string; onImport: () => void; onCancel: () => void }) {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void textToUpload('Pasted text', text).then((upload) => api.previewDigest(upload)).then((result) => {
      if (result.error) setError(result.error.message);
      else setPreview(result.data);
    });
  }, [text]);
  return (
    <div className="modal-backdrop" onMouseDown={onCancel}>
      <div className="modal" role="dialog" aria-modal="true" aria-label="Paste a digest" onMouseDown={(event) => event.stopPropagation()}>
        <h2>Paste a digest</h2>
        {!preview && !error && <p className="detail__muted">Reading the pasted text…</p>}
        {error && <p className="import-report__error" role="alert">{error}</p>}
        {preview && (
          <>
            <p>
              <b>{preview.papers}</b> papers found ({preview.newPapers} new to your library).
            </p>
            <ol className="paste-preview">
              {preview.titles.map((title, index) => (
                <li key={`${index}-${title}`}>{title}</li>
              ))}
              {preview.papers > preview.titles.length && <li className="detail__muted">…and {preview.papers - preview.titles.length} more</li>}
            </ol>
          </>
        )}
        <div className="modal__buttons">
          <button type="button" className="text-button" onClick={onCancel}>Cancel</button>
          <button type="button" className="primary-button" disabled={!preview} onClick={onImport} autoFocus>
            Import {preview ? preview.papers : ''}
          </button>
        </div>
      </div>
    </div>
  );
}
