import { useState } from 'react';
import type { DigestFormat, ImportReport } from '../../shared/domain.ts';
import { formatCount } from '../format/format-count.ts';
import { summariseOutcome, summaryText, visibleWarnings } from './import-summary.ts';
import { TitleMergeList } from './TitleMergeList.tsx';
import type { ImportOutcome } from './use-importer.ts';

export { ImportProgressBar } from './ImportProgressBar.tsx';

const FORMAT_NAME: Record<DigestFormat, string> = {
  'hf-papers-text': 'Hugging Face Papers page',
  'hf-papers-html': 'Hugging Face Papers page (HTML)',
  'hf-daily-json': 'Hugging Face daily papers JSON',
  'arxiv-atom': 'arXiv API feed',
  'arxiv-rss': 'arXiv RSS feed',
  'arxiv-listing-email': 'arXiv listing e-mail',
  bibtex: 'BibTeX',
  ris: 'RIS',
  'web-of-science': 'Web of Science export',
  'id-list': 'list of links and ids',
  'sift-json': 'Sift export',
  'csl-json': 'CSL-JSON',
  'zotero-rdf': 'Zotero RDF',
  'endnote-xml': 'EndNote XML',
  medline: 'MEDLINE/PubMed',
  'arxiv-oai': 'arXiv OAI-PMH',
  'json-feed': 'JSON Feed',
  'endnote-tagged': 'EndNote tagged export',
  'refworks-tagged': 'RefWorks tagged export',
  csv: 'spreadsheet export (CSV)',
};

function FileReport({ report, onShowNew, onChanged, showLink }: { report: ImportReport; onShowNew: (digestId: number) => void; onChanged: () => void; showLink: boolean }) {
  const warnings = visibleWarnings(report);
  return (
    <li className="import-report__file">
      <div className="import-report__title">
        <strong title={report.file}>{report.file}</strong>
        <span className="import-report__format">{FORMAT_NAME[report.format as DigestFormat] ?? report.format}{report.digestDate ? ` · ${report.digestDate}` : ''}</span>
        <span className="import-report__numbers">
          {report.alreadyImported ? (
            <span>Already imported: nothing was added</span>
          ) : (
            <>
              <span><b>{formatCount(report.papers)}</b> found</span>
              <span className="is-new"><b>{formatCount(report.added)}</b> new</span>
              {report.existing > 0 && <span><b>{formatCount(report.existing)}</b> already there</span>}
              {report.enriched > 0 && <span><b>{formatCount(report.enriched)}</b> filled in</span>}
              {report.skipped.length > 0 && <span className="is-warning"><b>{formatCount(report.skipped.length)}</b> skipped</span>}
              {/* One file: the headline's "Show the N new" already does this. */}
              {showLink && report.added > 0 && report.digestId !== null && (
                <button type="button" className="link-like" onClick={() => onShowNew(report.digestId ?? 0)}>show</button>
              )}
            </>
          )}
        </span>
      </div>
      {report.skipped.length > 0 && (
        <ul className="import-report__skipped">
          {report.skipped.slice(0, 5).map((skip) => (
            <li key={skip.index}>#{skip.index + 1}: {skip.reason}</li>
          ))}
          {report.skipped.length > 5 && <li>…and {formatCount(report.skipped.length - 5)} more</li>}
        </ul>
      )}
      {(report.titleMerges?.length ?? 0) > 0 && <TitleMergeList merges={report.titleMerges ?? []} onChanged={onChanged} />}
      {warnings.map((warning) => (
        <p key={warning} className="import-report__warning">{warning}</p>
      ))}
    </li>
  );
}

/**
 * After every import: one line of totals ("8 files · 120 new · 3 warnings"), the details of each file on
 * demand. It floats over the list instead of pushing it down; Esc closes it.
 */
export function ImportReportPanel({ outcome, onShowNew, onShowInbox, onDismiss, onChanged = () => {} }: { outcome: ImportOutcome; onShowNew: (digestId: number) => void; onShowInbox: () => void; onDismiss: () => void; onChanged?: () => void }) {
  const totals = summariseOutcome(outcome);
  // One file's details fit in two lines: shown at once. Several files: the totals, details on demand.
  const [open, setOpen] = useState(totals.files === 1 || outcome.reports.some((report) => (report.titleMerges?.length ?? 0) > 0));
  const single = outcome.reports.length === 1 ? outcome.reports[0] : undefined;
  return (
    <section className={`import-report${open ? ' is-open' : ''}`} role="status" aria-label="Import report">
      <div className="import-report__summary">
        {outcome.reports.length > 0 ? (
          <button type="button" className="import-report__toggle" aria-expanded={open} onClick={() => setOpen((value) => !value)} title={open ? 'Hide the details' : 'Show each file'}>
            <span aria-hidden="true">{open ? '▾' : '▸'}</span> {summaryText(totals)}
          </button>
        ) : (
          // No file came in: nothing to unfold, only the messages below.
          <strong className="import-report__toggle">{summaryText(totals)}</strong>
        )}
        {totals.added > 0 && (
          <button type="button" className="primary-button primary-button--small" onClick={() => (single?.digestId ? onShowNew(single.digestId) : onShowInbox())}>
            Show the {formatCount(totals.added)} new
          </button>
        )}
        <button type="button" className="icon-button import-report__close" aria-label="Close report" title="Close (Esc)" onClick={onDismiss}>×</button>
      </div>
      {outcome.errors.map((error) => (
        <p key={error} className="import-report__error" role="alert">{error}</p>
      ))}
      {open && (
        <ul className="import-report__files">
          {outcome.reports.map((report) => (
            <FileReport key={`${report.file}-${report.digestId}`} report={report} onShowNew={onShowNew} onChanged={onChanged} showLink={outcome.reports.length > 1} />
          ))}
        </ul>
      )}
    </section>
  );
}
