import { useState } from 'react';
import { EXPORT_FORMATS } from '../../shared/contract/safety-contract.ts';
import type { ExportFormat } from '../../shared/contract/safety-contract.ts';
import { QUEUES } from '../../shared/domain.ts';
import type { Queue } from '../../shared/domain.ts';
import { api } from '../api/sift-client.ts';
import { VIEW_LABELS } from '../app/view.ts';
import type { View } from '../app/view.ts';
import { downloadFile } from './download-file.ts';

const FORMAT_LABEL: Record<ExportFormat, string> = {
  bibtex: 'BibTeX (.bib): Zotero, JabRef, Mendeley, LaTeX',
  ris: 'RIS (.ris): Zotero, EndNote, Mendeley',
  csv: 'CSV (.csv): spreadsheets',
  markdown: 'Markdown (.md): a reading list for your notes',
  json: 'JSON (.json): the complete library, for backup or another machine',
};

export function ExportDialog({ view, onClose }: { view: View; onClose: () => void }) {
  const [format, setFormat] = useState<ExportFormat>('bibtex');
  const [queue, setQueue] = useState<Queue>(view.queue);
  const [useTag, setUseTag] = useState(view.tag !== undefined);
  const [status, setStatus] = useState<string | null>(null);
  const run = async () => {
    setStatus('Exporting…');
    const result = await api.exportPapers({ format, queue: format === 'json' ? undefined : queue, tag: useTag && format !== 'json' ? view.tag : undefined });
    if (result.error) return setStatus(result.error.message);
    downloadFile(result.data.fileName, result.data.mimeType, result.data.content);
    setStatus(`Exported ${result.data.count} papers to ${result.data.fileName}.`);
  };
  return (
    <div className="modal-backdrop" onMouseDown={onClose}>
      <div className="modal" role="dialog" aria-modal="true" aria-label="Export" onMouseDown={(event) => event.stopPropagation()}>
        <h2>Export</h2>
        <fieldset className="form-group">
          <legend>Format</legend>
          {EXPORT_FORMATS.map((option) => (
            <label key={option} className="radio-row">
              <input type="radio" name="export-format" value={option} checked={format === option} onChange={() => setFormat(option)} />
              {FORMAT_LABEL[option]}
            </label>
          ))}
        </fieldset>
        {format !== 'json' && (
          <label className="form-row">
            Papers
            <select value={queue} onChange={(event) => setQueue(event.target.value as Queue)} aria-label="Queue to export">
              {QUEUES.map((option) => (
                <option key={option} value={option}>{VIEW_LABELS[option]}</option>
              ))}
            </select>
          </label>
        )}
        {format !== 'json' && view.tag !== undefined && (
          <label className="radio-row">
            <input type="checkbox" checked={useTag} onChange={(event) => setUseTag(event.target.checked)} /> only tagged #{view.tag}
          </label>
        )}
        {status && <p className="detail__muted" role="status">{status}</p>}
        <div className="modal__buttons">
          <button type="button" className="text-button" onClick={onClose}>Close</button>
          <button type="button" className="primary-button" onClick={() => void run()}>Export</button>
        </div>
      </div>
    </div>
  );
}
