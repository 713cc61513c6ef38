import { parseArgs } from 'node:util';
import { QUEUES } from '../../../shared/domain.ts';
import type { PaperSummary, Queue } from '../../../shared/domain.ts';
import { listPapers } from '../../library/papers/list-papers.ts';
import type { SiftLibrary } from '../../library/sift-library.ts';
import { EXIT_OK, UsageError } from '../cli-io.ts';
import { listForYouCommand } from './for-you-commands.ts';
import type { CliIo } from '../cli-io.ts';

export const listUsage = `list [--queue ${QUEUES.join('|')}] [--tag T] [--digest ID] [--order digest|for-you] [--limit N] [--json]`;

export async function listCommand(library: SiftLibrary, argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      queue: { type: 'string', default: 'inbox' },
      tag: { type: 'string' },
      digest: { type: 'string' },
      limit: { type: 'string', default: '50' },
      order: { type: 'string', default: 'digest' },
      json: { type: 'boolean' },
    },
  });
  const queue = values.queue;
  if (!(QUEUES as readonly string[]).includes(queue)) throw new UsageError(`--queue must be one of ${QUEUES.join(', ')}`);
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive whole number');
  const digestId = values.digest === undefined ? undefined : Number(values.digest);
  if (digestId !== undefined && !(Number.isInteger(digestId) && digestId > 0)) throw new UsageError('--digest must be a digest id');
  if (values.order !== 'digest' && values.order !== 'for-you') throw new UsageError('--order must be digest or for-you');
  if (values.order === 'for-you') return listForYouCommand(library, { queue: queue as Queue, tag: values.tag, digestId, limit, json: values.json === true }, io);
  const page = listPapers(library.db, { queue: queue as Queue, tag: values.tag, digestId, limit });
  if (values.json) io.stdout(JSON.stringify(page.papers));
  else {
    for (const paper of page.papers) io.stdout(describePaper(paper));
    io.stdout(`${page.papers.length} of ${page.total} in ${queue}`);
  }
  return EXIT_OK;
}

export function describePaper(paper: PaperSummary): string {
  const star = paper.starred ? '★' : ' ';
  const id = String(paper.id).padStart(6);
  return `${id} ${star} ${paper.status.padEnd(7)} ${paper.title}`;
}
