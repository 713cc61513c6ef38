// Figures for `npm run bench`: how long the reader waits to export or back up a large library.
// run-bench.ts calls measureSafetyFigures(library) on its 100k-paper library; standalone:
//   node bench/safety-bench.ts PATH/TO/library.db
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createBackup } from '../src/main/library/backup/create-backup.ts';
import { listBackupFiles } from '../src/main/library/backup/backup-files.ts';
import { exportPapers } from '../src/main/library/export/export-papers.ts';
import { openSiftLibrary } from '../src/main/library/sift-library.ts';
import type { SiftLibrary } from '../src/main/library/sift-library.ts';

export interface SafetyFigures {
  export_bibtex_100k_s: number;
  export_json_100k_s: number;
  backup_100k_s: number;
  /**
   * The longest the main thread could not answer (a click, an IPC call, a timer) while that backup ran:
   * the event loop's largest delay. Baseline, with copy and check on the main thread: the whole
   * `quick_check` (2026-12-04, 100k papers, loaded machine: 4.97 s); in the worker: 0.04 s.
   * See README "Performance".
   */
  backup_100k_longest_main_thread_stall_s: number;
}

function seconds(start: number): number {
  return Math.round((performance.now() - start) / 10) / 100;
}

/**
 * Times an export of the whole library to BibTeX and to JSON (building the text, as the app does
 * before saving it) and one online backup. The backup it takes is removed again, so measuring
 * leaves the library's backup folder as it was.
 */
export async function measureSafetyFigures(library: SiftLibrary): Promise<SafetyFigures> {
  let start = performance.now();
  const bibtex = exportPapers(library.db, { format: 'bibtex', queue: 'all' }, library.clock);
  const export_bibtex_100k_s = seconds(start);
  if (bibtex.count === 0) throw new Error('the library is empty: nothing to measure');

  start = performance.now();
  exportPapers(library.db, { format: 'json', queue: 'all' }, library.clock);
  const export_json_100k_s = seconds(start);

  const existing = new Set(listBackupFiles(library.path, null).map((file) => file.fileName));
  const stalls = monitorEventLoopDelay({ resolution: 5 });
  stalls.enable();
  start = performance.now();
  const backup = await createBackup(library, 'manual', { protect: [...existing] });
  const backup_100k_s = seconds(start);
  // A stall is recorded when the late timer finally fires: let it, before reading the histogram.
  await new Promise((resolve) => setTimeout(resolve, 20));
  stalls.disable();
  const backup_100k_longest_main_thread_stall_s = Math.round(stalls.max / 1e7) / 100;
  const created = listBackupFiles(library.path, null).find((file) => file.fileName === backup.fileName);
  if (created && !existing.has(created.fileName)) fs.rmSync(created.filePath, { force: true });

  return { export_bibtex_100k_s, export_json_100k_s, backup_100k_s, backup_100k_longest_main_thread_stall_s };
}

if (import.meta.main) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node bench/safety-bench.ts LIBRARY.db');
  const library = openSiftLibrary(file);
  try {
    console.log(JSON.stringify(await measureSafetyFigures(library)));
  } finally {
    library.close();
  }
}
