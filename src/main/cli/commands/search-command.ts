import { parseArgs } from 'node:util';
import { QUEUES } from '../../../shared/domain.ts';
import type { Queue } from '../../../shared/domain.ts';
import { searchPapers } from '../../library/search/search-engine.ts';
import type { SiftLibrary } from '../../library/sift-library.ts';
import { EXIT_OK, UsageError } from '../cli-io.ts';
import type { CliIo } from '../cli-io.ts';
import { searchForYouCommand } from './for-you-commands.ts';

export const searchUsage = `search QUERY [--queue ${QUEUES.join('|')}] [--limit N] [--order relevance|for-you] [--json]   (filters: is:starred in:STATUS tag:T digest:DATE year:YYYY, -negates, "phrases")`;

export function searchCommand(library: SiftLibrary, argv: string[], io: CliIo): number | Promise<number> {
  const { values, positionals } = parseArgs({
    // A negated filter ("-in:inbox", "-tag:x") is part of the query, not an option: keep it aside.
    args: argv.map((arg) => (isNegatedFilter(arg) ? NEGATED_PLACEHOLDER : arg)),
    allowPositionals: true,
    options: {
      queue: { type: 'string' },
      limit: { type: 'string', default: '20' },
      json: { type: 'boolean' },
      order: { type: 'string', default: 'relevance' },
    },
  });
  const negated = argv.filter(isNegatedFilter);
  const query = positionals.map((part) => (part === NEGATED_PLACEHOLDER ? (negated.shift() ?? '') : part)).join(' ');
  if (!query.trim()) throw new UsageError('search needs a QUERY');
  if (values.queue !== undefined && !(QUEUES as readonly string[]).includes(values.queue)) {
    throw new UsageError(`--queue must be one of ${QUEUES.join(', ')}`);
  }
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('--limit must be a whole number from 1 to 500');
  if (values.order !== 'relevance' && values.order !== 'for-you') throw new UsageError('--order must be relevance or for-you');
  if (values.order === 'for-you') return searchForYouCommand(library, { query: `${query} `, queue: values.queue as Queue | undefined, limit, json: values.json === true }, io);
  // A complete query: the last word is finished, not a prefix still being typed.
  const result = searchPapers(library.db, { query: `${query} `, queue: values.queue as Queue | undefined, limit });
  const rows = result.hits.map((hit) => ({ id: hit.paper.id, title: hit.paper.title, status: hit.paper.status, score: hit.score }));
  if (values.json) {
    io.stdout(JSON.stringify({ query, correctedQuery: result.correctedQuery, total: result.total, totalIsEstimate: result.totalIsEstimate ?? false, results: rows }));
    return EXIT_OK;
  }
  if (result.correctedQuery) io.stdout(`showing results for: ${result.correctedQuery.trim()}`);
  for (const row of rows) io.stdout(`${String(row.id).padStart(6)} ${row.status.padEnd(7)} ${row.score.toFixed(3)} ${row.title}`);
  io.stdout(`${rows.length} of ${result.totalIsEstimate ? 'about ' : ''}${result.total} matches`);
  return EXIT_OK;
}

const NEGATED_PLACEHOLDER = '\u0000negated';
const isNegatedFilter = (arg: string) => /^-[a-z]+:/i.test(arg);
