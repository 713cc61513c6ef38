import { parseArgs } from 'node:util';
import type { NewSubscription, SubscriptionFetchResult, SubscriptionView } from '../../../shared/contract/subscriptions-contract.ts';
import { describeFetchProblem } from '../../../shared/subscription-status.ts';
import type { SiftLibrary } from '../../library/sift-library.ts';
import { SubscriptionService } from '../../library/subscriptions/subscription-service.ts';
import { isFetchingEnabled } from '../../library/subscriptions/subscription-state.ts';
import { addSubscription, listSubscriptions, removeSubscription, toView } from '../../library/subscriptions/subscription-store.ts';
import { EXIT_OK, EXIT_REJECTED, parseIds, UsageError } from '../cli-io.ts';
import type { CliIo } from '../cli-io.ts';
import { cliReport, describeReport } from './import-command.ts';

export const fetchUsage = 'fetch [ID] [--json]   (fetch your subscriptions now; exit 1 when one had a problem)';
export const subscribeUsage =
  'subscribe hf-daily | arxiv CATS [--cross-lists] [--replacements] | arxiv-search QUERY | feed URL  [--into inbox|to-read] [--tag T]';
export const subscriptionsUsage = 'subscriptions [--json]';
export const unsubscribeUsage = 'unsubscribe ID   (the papers it brought stay)';

export async function fetchCommand(library: SiftLibrary, argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' } } });
  const id = positionals.length ? parseIds(positionals.slice(0, 1))[0] : undefined;
  if (positionals.length > 1) throw new UsageError('fetch takes at most one subscription ID');
  if (!isFetchingEnabled(library.db)) {
    io.stderr('sift: fetching is turned off (Settings → Subscriptions); nothing was requested.');
    return EXIT_OK;
  }
  if (listSubscriptions(library.db).length === 0) {
    io.stderr('sift: no subscriptions, so nothing was requested. Add one with: sift subscribe …');
    return EXIT_OK;
  }
  const run = await new SubscriptionService(library, { fetcher: fetch, env }).fetchNow(id);
  let exitCode = EXIT_OK;
  for (const result of run.results) {
    if (result.problem) {
      exitCode = EXIT_REJECTED;
      io.stderr(`sift: ${result.label}: ${describeFetchProblem(result.problem, result.nextAttemptAt)}`);
    }
    if (values.json) for (const line of jsonLines(result)) io.stdout(JSON.stringify(line));
    else io.stdout(describeResult(result));
  }
  return exitCode;
}

function jsonLines(result: SubscriptionFetchResult): object[] {
  const about = { subscription: result.subscriptionId, label: result.label };
  const lines: object[] = result.reports.map((report) => ({ ...about, ...cliReport(report) }));
  if (result.problem) lines.push({ ...about, error: result.problem, nextAttemptAt: result.nextAttemptAt });
  else if (lines.length === 0) lines.push({ ...about, nothingNew: true, unchanged: result.unchanged });
  return lines;
}

function describeResult(result: SubscriptionFetchResult): string {
  const lines = result.reports.map((report) => describeReport(report));
  if (result.problem) lines.push(`${result.label}: ${describeFetchProblem(result.problem, result.nextAttemptAt)}`);
  else if (lines.length === 0) lines.push(`${result.label}: nothing new`);
  return lines.join('\n');
}

export function subscribeCommand(library: SiftLibrary, argv: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { into: { type: 'string' }, tag: { type: 'string' }, 'cross-lists': { type: 'boolean' }, replacements: { type: 'boolean' } },
  });
  const [what, ...rest] = positionals;
  const kinds: Record<string, NewSubscription['kind']> = { 'hf-daily': 'hf-daily', arxiv: 'arxiv-category', 'arxiv-search': 'arxiv-search', feed: 'feed' };
  const kind = kinds[what ?? ''];
  if (!kind) throw new UsageError('subscribe to hf-daily, arxiv CATS, arxiv-search QUERY or feed URL');
  const target = rest.join(' ');
  if (kind !== 'hf-daily' && !target) throw new UsageError(`subscribe ${what} needs ${kind === 'feed' ? 'a URL' : kind === 'arxiv-search' ? 'a QUERY' : 'CATEGORIES such as cs.CL+cs.LG'}`);
  const into = values.into ?? 'inbox';
  if (into !== 'inbox' && into !== 'to-read') throw new UsageError('--into must be inbox or to-read');
  const added = addSubscription(
    library.db,
    { kind, target, includeCrossLists: values['cross-lists'] === true, includeReplacements: values.replacements === true, into, tag: values.tag?.trim() || null },
    library.clock,
  );
  io.stdout(`Subscribed (${added.id}): ${added.label} → ${added.into}${added.tag ? `, tagged ${added.tag}` : ''}. Fetched when Sift runs, or with: sift fetch`);
  return EXIT_OK;
}

export function subscriptionsCommand(library: SiftLibrary, argv: string[], io: CliIo): number {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } } });
  const subscriptions = listSubscriptions(library.db).map(toView);
  if (values.json) {
    io.stdout(JSON.stringify({ fetchingEnabled: isFetchingEnabled(library.db), subscriptions }, null, 2));
    return EXIT_OK;
  }
  if (!isFetchingEnabled(library.db)) io.stdout('Fetching is turned off: nothing is requested until it is turned on in Settings.');
  if (subscriptions.length === 0) io.stdout('No subscriptions. Sift requests nothing from the network until you add one.');
  for (const subscription of subscriptions) io.stdout(describeSubscription(subscription));
  return EXIT_OK;
}

function describeSubscription(subscription: SubscriptionView): string {
  const parts = [`${subscription.id}  ${subscription.label} → ${subscription.into}${subscription.tag ? ` #${subscription.tag}` : ''}`];
  if (!subscription.enabled) parts.push('paused');
  parts.push(subscription.lastSuccessAt ? `last fetched ${subscription.lastSuccessAt.slice(0, 16).replace('T', ' ')} UTC` : 'never fetched');
  parts.push(`${subscription.papersBrought} papers brought`);
  if (subscription.lastProblem) parts.push(describeFetchProblem(subscription.lastProblem, subscription.nextAttemptAt));
  return parts.join(' · ');
}

export function unsubscribeCommand(library: SiftLibrary, argv: string[], io: CliIo): number {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
  const [id] = parseIds(positionals);
  if (id === undefined || positionals.length !== 1) throw new UsageError('unsubscribe takes one subscription ID');
  if (!removeSubscription(library.db, id).removed) {
    io.stderr(`sift: there is no subscription ${id}; see sift subscriptions`);
    return EXIT_REJECTED;
  }
  io.stdout(`Unsubscribed ${id}; the papers it brought stay in your library.`);
  return EXIT_OK;
}
