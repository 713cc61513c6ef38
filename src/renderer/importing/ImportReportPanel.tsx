import type { ImportOutcome } from './use-importer.ts';

export { ImportProgressBar } from './ImportProgressBar.tsx';

const FORMAT_NAME: Record<string, string> = {
  'hf-papers-text': 'Hugging Face Papers page',
  'hf-papers-html': 'Hugging Face Papers page (HTML)',
  'hf-daily-json': 'Hugging Face daily papers JSON',
  'arxiv-atom': 'arXiv API feed',
  'arxiv-rss': 'arXiv RSS feed',
  'arxiv-listing-email': 'arXiv listing e-mail',
  bibtex: 'BibTeX',
  ris: 'RIS',
  'id-list': 'list of links and ids',
  'sift-json': 'Sift export',
};

/** After every import: what came in, from where, and what was skipped and why. */
export function ImportReportPanel({ outcome, onShowNew, onDismiss }: { outcome: ImportOutcome; onShowNew: (digestId: number) => void; onDismiss: () => void }) {
  return (
    <section className="import-report" role="status" aria-label="Import report">
      <button type="button" className="icon-button import-report__close" aria-label="Close report" onClick={onDismiss}>×</button>
      {outcome.reports.map((report) => (
        <div key={`${report.file}-${report.digestId}`} className="import-report__file">
          <div className="import-report__title">
            <strong>{report.file}</strong>
            <span className="import-report__format">{FORMAT_NAME[report.format] ?? report.format}{report.digestDate ? ` · ${report.digestDate}` : ''}</span>
          </div>
          {report.alreadyImported ? (
            <p>Already imported: all {report.papers} papers are in your library. Nothing was added.</p>
          ) : (
            <p className="import-report__numbers">
              <span><b>{report.papers}</b> found</span>
              <span className="is-new"><b>{report.added}</b> new</span>
              <span><b>{report.existing}</b> already there</span>
              {report.enriched > 0 && <span><b>{report.enriched}</b> filled in</span>}
              {report.skipped.length > 0 && <span className="is-warning"><b>{report.skipped.length}</b> skipped</span>}
            </p>
          )}
          {report.skipped.length > 0 && (
            <ul className="import-report__skipped">
              {report.skipped.slice(0, 5).map((skip) => (
                <li key={skip.index}>#{skip.index + 1}: {skip.reason}</li>
              ))}
              {report.skipped.length > 5 && <li>…and {report.skipped.length - 5} more</li>}
            </ul>
          )}
          {report.warnings.filter((warning) => !report.alreadyImported || !warning.includes('already imported')).map((warning) => (
            <p key={warning} className="import-report__warning">{warning}</p>
          ))}
          {report.added > 0 && report.digestId !== null && (
            <button type="button" className="primary-button" onClick={() => onShowNew(report.digestId ?? 0)}>
              Show the {report.added} new
            </button>
          )}
        </div>
      ))}
      {outcome.errors.map((error) => (
        <p key={error} className="import-report__error" role="alert">{error}</p>
      ))}
    </section>
  );
}
