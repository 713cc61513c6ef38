import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { DIGEST_FORMATS } from '../../../shared/domain.ts';
import type { DigestFormat, ImportReport, TitleMerge } from '../../../shared/domain.ts';
import { withWriteLock } from '../../library/db/write-lock.ts';

import { SiftError } from '../../../shared/api-errors.ts';
import { assertDigestFileSize } from '../../library/import/digest-size-limit.ts';
import { importDigest } from '../../library/import/import-digest.ts';
import type { SiftLibrary } from '../../library/sift-library.ts';
import { errorMessage, EXIT_OK, EXIT_REJECTED, UsageError } from '../cli-io.ts';
import type { CliIo } from '../cli-io.ts';

export const importUsage = 'import FILE…|- [--format NAME] [--into inbox|to-read] [--json] [--db PATH]';

export async function importCommand(library: SiftLibrary, argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string' }, into: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (positionals.length === 0) throw new UsageError('import needs at least one FILE (or - for standard input)');
  const format = values.format;
  if (format !== undefined && !(DIGEST_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown --format "${format}"; one of: ${DIGEST_FORMATS.join(', ')}`);
  }
  const into = values.into ?? 'inbox';
  if (into !== 'inbox' && into !== 'to-read') throw new UsageError('--into must be inbox or to-read');
  let exitCode = EXIT_OK;
  for (const file of positionals) {
    try {
      const bytes = file === '-' ? await io.readStdin() : readFile(file);
      // Another Sift process (the app, a second import) may be writing: wait for it, saying so.
      const report = withWriteLock(
        library.db,
        () => importDigest(library.db, { fileName: file === '-' ? 'standard input' : file, bytes, format: format as DigestFormat | undefined, into }, library.clock),
        (message) => io.stderr(`sift: ${message}`),
      );
      io.stdout(values.json ? JSON.stringify(cliReport(report)) : describeReport(report));
    } catch (error) {
      exitCode = EXIT_REJECTED;
      io.stderr(`sift: ${errorMessage(error)}`);
      // Scripts reading --json get one object per file, refused ones included.
      if (values.json) io.stdout(JSON.stringify({ file: file === '-' ? 'standard input' : file, error: errorMessage(error) }));
    }
  }
  return exitCode;
}

function readFile(file: string): Buffer {
  try {
    assertDigestFileSize(file);
    return fs.readFileSync(file);
  } catch (error) {
    if (error instanceof SiftError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? errorMessage(error)})`;
    throw new Error(`${file} ${problem}; nothing was imported from it.`);
  }
}

export function cliReport(report: ImportReport) {
  const { file, format, papers, added, existing, enriched, skipped, warnings, digestDate, alreadyImported } = report;
  return { file, format, papers, added, existing, enriched, skipped, warnings, digestDate, alreadyImported, titleMerges: report.titleMerges ?? [] };
}

/** A merge the identity rule made on the title alone, shown so a wrong one can be noticed. */
export function describeTitleMerge(merge: TitleMerge): string {
  const incoming = `#${merge.index + 1} "${merge.incomingTitle}"${merge.incomingId ? ` (${merge.incomingId})` : ''}`;
  const paper = `paper ${merge.paperId} "${merge.paperTitle}"${merge.paperIdentifier ? ` (${merge.paperIdentifier})` : ''}`;
  return `merged by title: ${incoming} = ${paper}; if they differ: sift split-merge ${merge.mergeId}`;
}

export function describeReport(report: ImportReport): string {
  if (report.alreadyImported) return `${report.file}: already imported (${report.papers} papers); nothing added.`;
  const parts = [`${report.papers} papers`, `${report.added} new`, `${report.existing} already in the library`];
  if (report.enriched) parts.push(`${report.enriched} filled in`);
  if (report.skipped.length) parts.push(`${report.skipped.length} skipped`);
  const lines = [`${report.file} (${report.format}${report.digestDate ? `, ${report.digestDate}` : ''}): ${parts.join(', ')}`];
  for (const skip of report.skipped) lines.push(`  skipped #${skip.index + 1}: ${skip.reason}`);
  for (const warning of report.warnings) lines.push(`  warning: ${warning}`);
  for (const merge of report.titleMerges ?? []) lines.push(`  ${describeTitleMerge(merge)}`);
  return lines.join('\n');
}
