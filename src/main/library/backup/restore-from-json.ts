import type { RestorePreview, RestoreReport } from '../../../shared/contract/safety-contract.ts';
import { parseLibraryJson } from '../export/library-json-format.ts';
import type { SiftLibrary } from '../sift-library.ts';
import { applyLibraryJson } from './apply-library-json.ts';

/**
 * Restores a Sift JSON export: into an empty library exactly, into a non-empty one by the import
 * merge rule. Validated before anything is written, then applied in one transaction: a bad file or
 * a crash leaves the library as it was.
 */
export function restoreFromJson(library: Pick<SiftLibrary, 'db' | 'history'>, fileName: string, bytes: Uint8Array): RestoreReport {
  const document = parseLibraryJson(fileName, bytes);
  const outcome = library.db.transaction(() => applyLibraryJson(library.db, document)).immediate();
  // Recorded steps refer to the papers' state before the restore; undoing one now would mix the two.
  library.history.clear();
  return { ...outcome, file: fileName };
}

class PreviewRollback extends Error {}

/**
 * What restoreFromJson would do, computed by doing it and rolling back: the preview can never
 * disagree with the restore. The library is left untouched.
 */
export function previewRestore(library: Pick<SiftLibrary, 'db'>, fileName: string, bytes: Uint8Array): RestorePreview {
  const document = parseLibraryJson(fileName, bytes);
  let outcome: RestorePreview | undefined;
  try {
    library.db
      .transaction(() => {
        outcome = applyLibraryJson(library.db, document);
        throw new PreviewRollback();
      })
      .immediate();
  } catch (error) {
    if (!(error instanceof PreviewRollback)) throw error;
  }
  if (!outcome) throw new Error('restore preview produced no outcome');
  return outcome;
}
