import type { ImportReport } from '../../shared/domain.ts';
import { countOf, formatCount } from '../format/format-count.ts';
import type { ImportOutcome } from './use-importer.ts';

/** Totals over every file of one import, for the one-line summary. */
export function summariseOutcome(outcome: ImportOutcome) {
  const files = outcome.reports.length;
  const added = outcome.reports.reduce((sum, report) => sum + report.added, 0);
  const skipped = outcome.reports.reduce((sum, report) => sum + report.skipped.length, 0);
  const warnings = outcome.reports.reduce((sum, report) => sum + visibleWarnings(report).length, 0) + skipped;
  return { files, added, warnings, errors: outcome.errors.length, cancelled: outcome.cancelled ?? false };
}

export function visibleWarnings(report: ImportReport): string[] {
  return report.warnings.filter((warning) => !report.alreadyImported || !warning.includes('already imported'));
}

/**
 * The report's headline: what came in ("Imported 2 files · 6 new · 1 error"), or, when no file did,
 * that nothing was (a cancelled import is not "Imported 1 file · 0 new").
 */
export function summaryText(totals: ReturnType<typeof summariseOutcome>): string {
  const parts = totals.files > 0 ? [`Imported ${countOf(totals.files, 'file')}`, `${formatCount(totals.added)} new`] : [totals.cancelled ? 'Import cancelled' : 'Nothing imported'];
  if (totals.warnings > 0) parts.push(countOf(totals.warnings, 'warning'));
  if (totals.errors > 0 && !(totals.cancelled && totals.files === 0)) parts.push(countOf(totals.errors, 'error'));
  return parts.join(' · ');
}
