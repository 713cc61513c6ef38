// `sift list --order for-you` and `sift similar`: the reader model, learnt in-process (a command
// runs once; there is no window to keep responsive).
import { parseArgs } from 'node:util';
import type { Queue } from '../../../shared/domain.ts';
import { coldStartMessage } from '../../library/learn/learn-progress.ts';
import { LearnService } from '../../library/learn/learn-service.ts';
import type { SiftLibrary } from '../../library/sift-library.ts';
import { EXIT_OK, EXIT_REJECTED, UsageError } from '../cli-io.ts';
import type { CliIo } from '../cli-io.ts';
import { describePaper } from './list-command.ts';

export const similarUsage = 'similar ID [--limit N] [--json]';

export async function listForYouCommand(
  library: SiftLibrary,
  query: { queue: Queue; tag: string | undefined; digestId: number | undefined; limit: number; json: boolean },
  io: CliIo,
): Promise<number> {
  const service = new LearnService(library.db);
  const page = await service.listForYou({ ...query, offset: 0, refresh: true });
  if (query.json) {
    io.stdout(JSON.stringify(page.papers.map((paper, index) => ({ ...paper, score: page.scores[index] ?? null }))));
  } else {
    page.papers.forEach((paper, index) => io.stdout(`${String(page.scores[index] ?? '–').padStart(3)} ${describePaper(paper)}`));
    io.stdout(`${page.papers.length} of ${page.total} in ${query.queue}, ${page.progress.ready ? 'for you (score: where the paper stands in your library, 0–99)' : 'digest order'}`);
  }
  if (!page.progress.ready) io.stderr(coldStartMessage(page.progress));
  return EXIT_OK;
}

/** `sift search QUERY --order for-you`: every match ranked by the reader model, best first. */
export async function searchForYouCommand(
  library: SiftLibrary,
  search: { query: string; queue: Queue | undefined; limit: number; json: boolean },
  io: CliIo,
): Promise<number> {
  const page = await new LearnService(library.db).searchForYou({ query: search.query, queue: search.queue, offset: 0, limit: search.limit, refresh: true, order: 'for-you' });
  const rows = page.hits.map((hit, index) => ({ id: hit.paper.id, title: hit.paper.title, status: hit.paper.status, score: page.scores[index] ?? null }));
  if (search.json) {
    io.stdout(JSON.stringify({ query: search.query.trim(), correctedQuery: page.correctedQuery, total: page.total, order: page.progress.ready ? 'for-you' : 'relevance', results: rows }));
  } else {
    if (page.correctedQuery) io.stdout(`showing results for: ${page.correctedQuery.trim()}`);
    for (const row of rows) io.stdout(`${String(row.id).padStart(6)} ${row.status.padEnd(7)} ${String(row.score ?? '–').padStart(3)} ${row.title}`);
    io.stdout(`${rows.length} of ${page.total} matches, ${page.progress.ready ? 'for you (score: where the paper stands in your library, 0–99)' : 'by relevance'}`);
  }
  if (!page.progress.ready) io.stderr(coldStartMessage(page.progress));
  return EXIT_OK;
}

export async function similarCommand(library: SiftLibrary, argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { limit: { type: 'string', default: '10' }, json: { type: 'boolean' } },
  });
  const id = Number(positionals[0]);
  if (positionals.length !== 1 || !Number.isInteger(id) || id < 1) throw new UsageError('similar needs one paper ID');
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError('--limit must be a whole number from 1 to 100');
  const exists = library.db.prepare('SELECT 1 FROM papers WHERE id = ?').get(id);
  if (!exists) {
    io.stderr(`sift: no paper with id ${id}`);
    return EXIT_REJECTED;
  }
  const similar = await new LearnService(library.db).similar(id, limit);
  if (values.json) io.stdout(JSON.stringify(similar.map(({ paper, similarity }) => ({ ...paper, similarity }))));
  else for (const { paper, similarity } of similar) io.stdout(`${similarity.toFixed(3)} ${describePaper(paper)}`);
  return EXIT_OK;
}
