// Hooks for figures measured by other parts of Sift (export, backup, ...). Append an entry here (or
// push onto EXTRA_MEASUREMENTS from a module imported below); run-bench calls each with the 100k library
// once the search figures are taken, and adds what it returns to the table and the final JSON line.
import type { SiftLibrary } from '../src/main/library/sift-library.ts';
import { measureQueueMoves } from './queue-move-bench.ts';
import { measureLearning } from './learn-bench.ts';
import { measureReadingStats } from './reading-stats-bench.ts';
import { measureSafetyFigures } from './safety-bench.ts';
import { measureSubscriptionFigures } from './subscriptions-bench.ts';

export interface BenchContext {
  /** The synthetic 100,000-paper library, open. */
  library: SiftLibrary;
  papers: number;
  /** A scratch folder removed when the bench ends. */
  dir: string;
  /** Milliseconds taken by fn (use for one-shot timings). */
  time: (fn: () => unknown) => Promise<number>;
}

export interface ExtraMeasurement {
  name: string;
  /** Figures keyed like the final JSON line, e.g. { export_bibtex_100k_ms: 812 }. */
  run: (context: BenchContext) => Record<string, number | string> | Promise<Record<string, number | string>>;
}

export const EXTRA_MEASUREMENTS: ExtraMeasurement[] = [
  // Export of the whole 100k library to BibTeX and JSON, and an online backup of it, in seconds.
  { name: 'export and backup', run: async ({ library }) => ({ ...(await measureSafetyFigures(library)) }) },
  // Reordering a 120,000-paper to-read queue: 100,000 selected to the top, 70 drags into one gap.
  { name: 'to-read moves', run: ({ dir }) => measureQueueMoves(dir) },
  // A subscription fetch (local server, recorded real answers) into the 100k library, in ms.
  { name: 'subscription fetch', run: ({ library }) => measureSubscriptionFigures(library, '100k') },
  // For you: ranking quality on the real corpus (five+ simulated readers), learning and scoring speed at 100k.
  { name: 'learning (For you, more like this)', run: ({ library }) => measureLearning(library) },
  // The Stats view: every chart's figures in one call, over a year of mornings laid over the library.
  { name: 'reading stats', run: ({ library }) => measureReadingStats(library) },
];

export function registerBenchMeasurement(measurement: ExtraMeasurement): void {
  EXTRA_MEASUREMENTS.push(measurement);
}
