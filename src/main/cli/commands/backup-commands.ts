import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RestorePreview } from '../../../shared/contract/safety-contract.ts';
import { backupsDir, listBackups } from '../../library/backup/backup-files.ts';
import { createBackup } from '../../library/backup/create-backup.ts';
import { restoreBackup } from '../../library/backup/restore-backup.ts';
import { previewRestore, restoreFromJson } from '../../library/backup/restore-from-json.ts';
import type { SiftLibrary } from '../../library/sift-library.ts';
import { EXIT_OK, UsageError } from '../cli-io.ts';
import type { CliIo } from '../cli-io.ts';

export const backupUsage = 'backup   (snapshot the library now into backups/ beside it; prints the path)';
export const backupsUsage = 'backups [--json]   (list backups, newest first, and which passed their integrity check)';
export const restoreUsage = 'restore FILE.json [--dry-run]  |  restore --backup NAME   (merge a JSON export, or go back to a backup)';

export async function backupCommand(library: SiftLibrary, argv: string[], io: CliIo): Promise<number> {
  parseArgs({ args: argv, options: {} });
  const info = await createBackup(library);
  io.stdout(path.join(backupsDir(library.path), info.fileName));
  return EXIT_OK;
}

export function backupsCommand(library: SiftLibrary, argv: string[], io: CliIo): number {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } } });
  const backups = listBackups(library);
  if (values.json) {
    io.stdout(JSON.stringify(backups));
    return EXIT_OK;
  }
  for (const backup of backups) {
    const papers = backup.paperCount === null ? 'unreadable' : `${backup.paperCount} papers`;
    const verified = backup.verified ? 'verified' : 'NOT verified';
    const older = backup.fromOlderSift ? '  (older Sift: library not recorded)' : '';
    io.stdout(`${backup.fileName}  ${(backup.sizeBytes / 1024 / 1024).toFixed(1)} MB  ${papers}  ${verified}${older}`);
  }
  io.stdout(`${backups.length} ${backups.length === 1 ? 'backup' : 'backups'} in ${backupsDir(library.path)}`);
  // "Verified" means SQLite's integrity check passed when the backup was taken; restore checks again.
  if (backups.some((backup) => !backup.verified)) io.stdout('A backup that is NOT verified may be damaged; restore a verified one.');
  return EXIT_OK;
}

function describe(preview: RestorePreview): string {
  return `${preview.papers} papers in the file: ${preview.newPapers} new, ${preview.updatedPapers} existing filled in; ${preview.newDigests} of ${preview.digests} digests new${
    preview.subscriptions ? `; ${preview.newSubscriptions} of ${preview.subscriptions} subscriptions new` : ''
  }`;
}

export async function restoreCommand(library: SiftLibrary, argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, backup: { type: 'string' } },
  });
  if (values.backup !== undefined) {
    if (positionals.length || values['dry-run']) throw new UsageError('restore --backup NAME takes no FILE and no --dry-run');
    const result = await restoreBackup(library, values.backup);
    io.stdout(`Restored ${result.restored}. The state before it is saved as ${result.safetyBackup}.`);
    return EXIT_OK;
  }
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length) throw new UsageError('restore needs exactly one FILE (a Sift JSON export)');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`${file} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(error)})`}; nothing was restored.`);
  }
  if (values['dry-run']) {
    io.stdout(`Would restore ${file}: ${describe(previewRestore(library, file, bytes))}. Nothing was changed.`);
    return EXIT_OK;
  }
  io.stdout(`Restored ${file}: ${describe(restoreFromJson(library, file, bytes))}.`);
  return EXIT_OK;
}
