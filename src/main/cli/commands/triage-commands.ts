import { parseArgs } from 'node:util';
import { PAPER_STATUSES } from '../../../shared/domain.ts';
import type { PaperStatus } from '../../../shared/domain.ts';
import { addTag, removeTag, setNote } from '../../library/papers/tags-and-notes.ts';
import { setStarred, setStatus } from '../../library/papers/triage-papers.ts';
import type { SiftLibrary } from '../../library/sift-library.ts';
import { EXIT_OK, parseIds, UsageError } from '../cli-io.ts';
import type { CliIo } from '../cli-io.ts';

export const markUsage = `mark ID… (--status ${PAPER_STATUSES.join('|')} | --star | --unstar)`;
export const tagUsage = 'tag ID… (--add TAG | --remove TAG)';
export const noteUsage = 'note ID --set TEXT';

function contextOf(library: SiftLibrary) {
  return { db: library.db, history: library.history, clock: library.clock };
}

export function markCommand(library: SiftLibrary, argv: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { status: { type: 'string' }, star: { type: 'boolean' }, unstar: { type: 'boolean' } },
  });
  const ids = parseIds(positionals);
  const actions = [values.status !== undefined, values.star === true, values.unstar === true].filter(Boolean).length;
  if (actions !== 1) throw new UsageError('mark needs exactly one of --status, --star, --unstar');
  if (values.status !== undefined) {
    if (!(PAPER_STATUSES as readonly string[]).includes(values.status)) {
      throw new UsageError(`--status must be one of ${PAPER_STATUSES.join(', ')}`);
    }
    const { changed } = setStatus(contextOf(library), ids, values.status as PaperStatus);
    io.stdout(`${changed} of ${ids.length} marked ${values.status}`);
  } else {
    const starred = values.star === true;
    const { changed } = setStarred(contextOf(library), ids, starred);
    io.stdout(`${changed} of ${ids.length} ${starred ? 'starred' : 'unstarred'}`);
  }
  return EXIT_OK;
}

export function tagCommand(library: SiftLibrary, argv: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { add: { type: 'string' }, remove: { type: 'string' } },
  });
  const ids = parseIds(positionals);
  const tag = (values.add ?? values.remove ?? '').trim();
  if ((values.add === undefined) === (values.remove === undefined) || tag === '') {
    throw new UsageError('tag needs exactly one of --add TAG or --remove TAG');
  }
  const { changed } = values.add !== undefined ? addTag(contextOf(library), ids, tag) : removeTag(contextOf(library), ids, tag);
  io.stdout(`${changed} of ${ids.length} ${values.add !== undefined ? 'tagged' : 'untagged'} "${tag}"`);
  return EXIT_OK;
}

export function noteCommand(library: SiftLibrary, argv: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { set: { type: 'string' } } });
  const ids = parseIds(positionals);
  if (ids.length !== 1 || values.set === undefined) throw new UsageError('note needs one ID and --set TEXT');
  const [id] = ids as [number];
  setNote(contextOf(library), id, values.set);
  io.stdout(`note saved on ${id}`);
  return EXIT_OK;
}
