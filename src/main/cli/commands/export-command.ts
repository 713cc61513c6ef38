import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS } from '../../../shared/contract/safety-contract.ts';
import type { ExportFormat } from '../../../shared/contract/safety-contract.ts';
import { QUEUES } from '../../../shared/domain.ts';
import type { Queue } from '../../../shared/domain.ts';
import { exportPapers } from '../../library/export/export-papers.ts';
import type { SiftLibrary } from '../../library/sift-library.ts';
import { EXIT_OK, UsageError } from '../cli-io.ts';
import type { CliIo } from '../cli-io.ts';

export const exportUsage = `export --format ${EXPORT_FORMATS.join('|')} [--queue ${QUEUES.join('|')}] [--tag T] [--out FILE]`;

export function exportCommand(library: SiftLibrary, argv: string[], io: CliIo): number {
  const { values } = parseArgs({
    args: argv,
    options: { format: { type: 'string' }, queue: { type: 'string' }, tag: { type: 'string' }, out: { type: 'string' } },
  });
  const format = values.format;
  if (format === undefined || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`export needs --format, one of: ${EXPORT_FORMATS.join(', ')}`);
  }
  const queue = values.queue;
  if (queue !== undefined && !(QUEUES as readonly string[]).includes(queue)) throw new UsageError(`--queue must be one of ${QUEUES.join(', ')}`);
  const file = exportPapers(library.db, { format: format as ExportFormat, queue: queue as Queue | undefined, tag: values.tag }, library.clock);
  if (values.out === undefined) {
    // The content already ends with a newline; stdout adds one per call.
    io.stdout(file.content.replace(/\r?\n$/, ''));
    return EXIT_OK;
  }
  // Written beside the target and renamed: an interrupted export never leaves half a file under the name.
  const partial = `${values.out}.partial-${process.pid}`;
  try {
    fs.writeFileSync(partial, file.content);
    fs.renameSync(partial, values.out);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`cannot write ${values.out} (${code}); nothing was exported.`);
  }
  io.stderr(`${file.count} ${file.count === 1 ? 'paper' : 'papers'} exported to ${values.out}`);
  return EXIT_OK;
}
