import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/domain.ts';
import { summariseOutcome, summaryText } from './import-summary.ts';

const report = (added: number): ImportReport => ({ file: 'a.bib', format: 'bibtex', papers: added, added, existing: 0, enriched: 0, skipped: [], warnings: [], digestId: 1, digestDate: null, alreadyImported: false, addedIds: [] });

describe('the import report headline', () => {
  it('counts the files that came in, their new papers, and the files that failed', () => {
    expect(summaryText(summariseOutcome({ reports: [report(3), report(2)], errors: ['b.ris could not be read.'] }))).toBe('Imported 2 files · 5 new · 1 error');
  });

  it('says nothing was imported when every file failed, instead of counting a failure as an imported file', () => {
    expect(summaryText(summariseOutcome({ reports: [], errors: ['b.ris could not be read.'] }))).toBe('Nothing imported · 1 error');
  });

  it('says a cancelled import was cancelled', () => {
    const outcome = { reports: [], errors: ['big.json: the import was cancelled; nothing was added to the library.', 'Cancelled: 2 file(s) not imported.'], cancelled: true };
    expect(summaryText(summariseOutcome(outcome))).toBe('Import cancelled');
  });

  it('keeps what came in before Cancel was pressed', () => {
    expect(summaryText(summariseOutcome({ reports: [report(4)], errors: ['Cancelled: 1 file(s) not imported.'], cancelled: true }))).toBe('Imported 1 file · 4 new · 1 error');
  });
});
