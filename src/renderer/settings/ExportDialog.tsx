import { useState } from 'react';
import { EXPORT_FORMATS } from '../../shared/contract/safety-contract.ts';
import type { ExportFormat } from '../../shared/contract/safety-contract.ts';
import { QUEUES } from '../../shared/domain.ts';
import type { Queue } from '../../shared/domain.ts';
import { api } from '../api/sift-client.ts';
import { VIEW_LABELS } from '../app/view.ts';
import type { View } from '../app/view.ts';
import { writeClipboard } from '../app/copy-paper.ts';
import { countOf } from '../format/format-count.ts';
import { downloadFile } from './download-file.ts';

/** Papers the reader has in hand, offered beside the queues: the selection, the search's results. */
export interface ExportScopes {
  selection: number[];
  search: { query: string; ids: number[] } | null;
}

type Source = 'queue' | 'selection' | 'search';

const FORMAT_LABEL: Record<ExportFormat, string> = {
  bibtex: 'BibTeX (.bib): Zotero, JabRef, Mendeley, LaTeX',
  ris: 'RIS (.ris): Zotero, EndNote, Mendeley',
  csv: 'CSV (.csv): spreadsheets',
  markdown: 'Markdown (.md): a reading list for your notes',
  json: 'JSON (.json): the complete library, for backup or another machine',
};

export function ExportDialog({ view, onClose, scopes }: { view: View; onClose: () => void; scopes?: ExportScopes | undefined }) {
  const [format, setFormat] = useState<ExportFormat>('bibtex');
  const selection = scopes?.selection ?? [];
  const search = scopes?.search ?? null;
  const [source, setSource] = useState<Source>(selection.length > 1 ? 'selection' : search ? 'search' : 'queue');
  const ids = format === 'json' ? undefined : source === 'selection' ? selection : source === 'search' ? search?.ids : undefined;
  const [queue, setQueue] = useState<Queue>(view.queue);
  const [useTag, setUseTag] = useState(view.tag !== undefined);
  const [status, setStatus] = useState<string | null>(null);
  const run = async (to: 'file' | 'clipboard') => {
    setStatus('Exporting…');
    const result = await api.exportPapers({
      format,
      queue: format === 'json' || ids ? undefined : queue,
      tag: useTag && format !== 'json' && !ids ? view.tag : undefined,
      ids,
    });
    if (result.error) return setStatus(result.error.message);
    if (to === 'clipboard') {
      const copied = await writeClipboard(result.data.content);
      return setStatus(copied ? `Copied ${countOf(result.data.count, 'paper')} to the clipboard.` : 'The clipboard refused the text.');
    }
    downloadFile(result.data.fileName, result.data.mimeType, result.data.content);
    setStatus(`Exported ${countOf(result.data.count, 'paper')} to ${result.data.fileName}.`);
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
        {format !== 'json' && (selection.length > 0 || search) && (
          <fieldset className="form-group">
            <legend>Which papers</legend>
            {selection.length > 0 && (
              <label className="radio-row">
                <input type="radio" name="export-source" checked={source === 'selection'} onChange={() => setSource('selection')} />
                The selection ({countOf(selection.length, 'paper')})
              </label>
            )}
            {search && (
              <label className="radio-row">
                <input type="radio" name="export-source" checked={source === 'search'} onChange={() => setSource('search')} />
                This search, “{search.query}” ({countOf(search.ids.length, 'paper')})
              </label>
            )}
            <label className="radio-row">
              <input type="radio" name="export-source" checked={source === 'queue'} onChange={() => setSource('queue')} />
              A queue
            </label>
          </fieldset>
        )}
        {format !== 'json' && source === 'queue' && (
          <label className="form-row">
            Papers
            <select value={queue} onChange={(event) => setQueue(event.target.value as Queue)} aria-label="Queue to export">
              {QUEUES.map((option) => (
                <option key={option} value={option}>{VIEW_LABELS[option]}</option>
              ))}
            </select>
          </label>
        )}
        {format !== 'json' && source === 'queue' && view.tag !== undefined && (
          <label className="radio-row">
            <input type="checkbox" checked={useTag} onChange={(event) => setUseTag(event.target.checked)} /> only tagged #{view.tag}
          </label>
        )}
        {status && <p className="detail__muted" role="status">{status}</p>}
        <div className="modal__buttons">
          <button type="button" className="text-button" onClick={onClose}>Close</button>
          <button type="button" className="text-button" onClick={() => void run('clipboard')}>Copy to clipboard</button>
          <button type="button" className="primary-button" onClick={() => void run('file')}>Export</button>
        </div>
      </div>
    </div>
  );
}
