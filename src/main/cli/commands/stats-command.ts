import { parseArgs } from 'node:util';
import type { ReadingStats } from '../../../shared/contract/stats-contract.ts';
import type { SiftLibrary } from '../../library/sift-library.ts';
import { readingStats } from '../../library/stats/reading-stats.ts';
import { EXIT_OK, UsageError } from '../cli-io.ts';
import type { CliIo } from '../cli-io.ts';

export const statsUsage = 'stats [--days N] [--json]   (the figures of the Stats view)';

export function statsCommand(library: SiftLibrary, argv: string[], io: CliIo): number {
  const { values } = parseArgs({ args: argv, options: { days: { type: 'string', default: '90' }, json: { type: 'boolean' } } });
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 7 || days > 3660) throw new UsageError('--days must be a whole number from 7 to 3660');
  const stats = readingStats(library.db, { days }, library.clock);
  if (values.json) io.stdout(JSON.stringify(stats, null, 1));
  else for (const line of describeStats(stats)) io.stdout(line);
  return EXIT_OK;
}

function describeStats(stats: ReadingStats): string[] {
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const arrived = sum(stats.daily.map((day) => day.arrived));
  const triaged = sum(stats.daily.map((day) => day.triaged));
  const read = sum(stats.readPerWeek.map((week) => week.count));
  return [
    `Last ${stats.days} days (to ${stats.today}): ${arrived} arrived, ${triaged} triaged, ${read} read.`,
    `Inbox now: ${stats.daily.at(-1)?.inbox ?? 0}. Inbox-zero streak: ${stats.inboxZero.current} days (longest ${stats.inboxZero.longest}).`,
    `Arrival to read: ${stats.arrivalToRead.buckets.map((bucket) => `${bucket.label} ${bucket.count}`).join(', ')}` +
      (stats.arrivalToRead.medianDays === null ? '' : `; median ${stats.arrivalToRead.medianDays} days`),
    `Kept words: ${stats.topWords.kept.map((entry) => entry.word).join(', ') || '(not enough triage yet)'}`,
    `Skipped words: ${stats.topWords.skipped.map((entry) => entry.word).join(', ') || '(not enough triage yet)'}`,
  ];
}
