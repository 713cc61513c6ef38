import { backupOnStartIfDue } from './daily-backup.ts';
import type { SiftLibrary } from '../sift-library.ts';

/**
 * What the app and `sift serve` run once at start: the daily snapshot, when one is due and there is
 * something to keep. A failed backup is reported but never stops the reader from working.
 */
export async function backUpOnStart(library: SiftLibrary, report: (message: string) => void = console.error): Promise<void> {
  const hasPapers = library.db.prepare('SELECT EXISTS (SELECT 1 FROM papers)').pluck().get() === 1;
  if (!hasPapers) return;
  try {
    await backupOnStartIfDue(library);
  } catch (error) {
    report(`Sift could not make today's backup of ${library.path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
