// Ranking quality on the real corpus: each simulated reader triages the first TRAIN_DAYS days, Sift
// learns from those choices, then every later day's digest is ordered three ways (For you, digest
// order, Hugging Face upvotes) and scored against what the reader is really interested in.
import { buildFeatureSpace } from '../src/main/library/learn/feature-space.ts';
import { scoreAllRows } from '../src/main/library/learn/rank-papers.ts';
import { COLD_START, learnReaderModel } from '../src/main/library/learn/reader-model.ts';
import type { LearnOptions, LibraryPaper } from '../src/main/library/learn/reader-model.ts';
import type { Corpus, CorpusPaper } from './learn-corpus.ts';
import { interests, READERS, readerRandom, triageChoice } from './learn-readers.ts';
import type { SimulatedReader } from './learn-readers.ts';

export const TRAIN_DAYS = 60;
/** Days with fewer papers cannot tell p@10 apart. */
const MIN_DIGEST = 10;

export type OrderName = 'for-you' | 'digest' | 'upvotes' | 'oracle';
export interface Metrics {
  p5: number;
  p10: number;
  ndcg10: number;
  days: number;
}
export interface ReaderRow {
  reader: string;
  decisions: number;
  kept?: number;
  /** Too few choices to learn from: For you is digest order. */
  cold?: boolean;
  /** A reader who triaged only a little: shown apart, not in the mean. */
  light?: boolean;
  orders: Record<OrderName, Metrics>;
}

export interface QualityResult {
  rows: ReaderRow[];
  granularity: Granularity;
  trainDays: number;
  testDays: number;
  skippedDays: number;
  papers: number;
  /** Days with fewer papers were left out. */
  minDigest: number;
}

/**
 * 'day': every later day's digest on its own. 'week': the inbox after a week away (seven digests at
 * once). 'day-relearnt': every later day's digest, the reader going on triaging each day as in the
 * first days and Sift learning again each week from every choice made so far (as the app does after
 * a triage), instead of from the first days' choices alone.
 */
export type Granularity = 'day' | 'week' | 'day-relearnt';

/** How often the 'day-relearnt' reader's model is learnt again: once a week of digests. */
const RELEARN_EVERY_DAYS = 7;

export function measureQuality(corpus: Corpus, options: LearnOptions = {}, granularity: Granularity = 'day', readers = READERS, minDigest = MIN_DIGEST): QualityResult {
  const all = corpus.days.flatMap((day) => day.papers.map((paper) => ({ day: day.date, paper })));
  const base = all.map(({ paper }, index): LibraryPaper => ({ id: index + 1, title: paper.title, abstract: paper.abstract, authors: paper.authors, tags: [], status: 'inbox', starred: false }));
  // The library holds every paper (the vocabulary is unsupervised); only triage-day papers carry choices.
  const space = buildFeatureSpace(base);
  const trainDates = new Set(corpus.days.slice(0, TRAIN_DAYS).map((day) => day.date));
  const testDays = granularity === 'week' ? weeks(corpus.days.slice(TRAIN_DAYS)) : corpus.days.slice(TRAIN_DAYS).filter((day) => day.papers.length >= minDigest);
  const rowOf = new Map(all.map(({ paper }, index) => [paper.arxivId, index]));
  const dayIndex = new Map(corpus.days.map((day, index) => [day.date, index]));
  const rows = readers.map((reader) => {
    // Every choice the reader would make, in corpus order (the first days' exactly as when only they are triaged).
    const random = readerRandom(reader);
    let decided = 0;
    const lastDay = granularity === 'day-relearnt' ? corpus.days.length : TRAIN_DAYS;
    const chosen = base.map((paper, index) => {
      const entry = all[index];
      if (!entry || (dayIndex.get(entry.day) ?? Infinity) >= lastDay || decided >= (reader.budget ?? Infinity)) return paper;
      const choice = triageChoice(reader, entry.paper, random);
      if (choice.status !== 'inbox') decided += 1;
      return { ...paper, ...choice };
    });
    // The choices made before day `before` (index in corpus.days); later papers wait in the inbox.
    const learnBefore = (before: number) => {
      const papers = chosen.map((paper, index) => ((dayIndex.get(all[index]?.day ?? '') ?? Infinity) < before ? paper : base[index] ?? paper));
      const model = learnReaderModel(papers, { ...options, space });
      // Cold (too few choices), Sift keeps digest order, as the app does.
      const scores = model.ranker ? scoreAllRows(space, model.ranker) : null;
      return { model, score: scores ? (paper: CorpusPaper) => scores[rowOf.get(paper.arxivId) ?? 0] ?? 0 : null };
    };
    const sums = emptySums();
    const first = learnBefore(TRAIN_DAYS);
    let last = first.model;
    if (granularity !== 'day-relearnt') addDays(sums, reader, testDays, first.score);
    else {
      for (let start = TRAIN_DAYS; start < corpus.days.length; start += RELEARN_EVERY_DAYS) {
        const learnt = start === TRAIN_DAYS ? first : learnBefore(start);
        last = learnt.model;
        const block = new Set(corpus.days.slice(start, start + RELEARN_EVERY_DAYS).map((day) => day.date));
        addDays(sums, reader, testDays.filter((day) => block.has(day.date)), learnt.score);
      }
    }
    const decisions = first.model.decisions.kept + first.model.decisions.skipped;
    return { reader: reader.name, decisions, orders: averages(sums), kept: first.model.decisions.kept, cold: !last.ranker, light: reader.budget !== undefined };
  });
  return { rows, granularity, trainDays: TRAIN_DAYS, testDays: testDays.length, skippedDays: corpus.skippedDays.length, papers: all.length, minDigest };
}

function weeks(days: Corpus['days']): Corpus['days'] {
  const pooled: Corpus['days'] = [];
  for (let start = 0; start + 7 <= days.length; start += 7) {
    const week = days.slice(start, start + 7);
    pooled.push({ date: week[0]?.date ?? '', papers: week.flatMap((day) => day.papers) });
  }
  return pooled;
}

const byDigestOrder = (a: CorpusPaper, b: CorpusPaper) => a.submittedAt.localeCompare(b.submittedAt);

type Sums = Record<OrderName, Metrics>;

function emptySums(): Sums {
  return { 'for-you': zero(), digest: zero(), upvotes: zero(), oracle: zero() };
}

function addDays(sums: Sums, reader: SimulatedReader, days: Corpus['days'], score: ((paper: CorpusPaper) => number) | null): void {
  for (const day of days) {
    const relevant = new Set(day.papers.filter((paper) => interests(reader, paper)).map((paper) => paper.arxivId));
    if (relevant.size === 0) continue; // nothing to find: every order scores 0 and nDCG is undefined
    const orders: Record<OrderName, CorpusPaper[]> = {
      'for-you': score ? [...day.papers].sort((a, b) => score(b) - score(a)) : [...day.papers].sort(byDigestOrder),
      digest: [...day.papers].sort(byDigestOrder),
      upvotes: [...day.papers].sort((a, b) => b.upvotes - a.upvotes),
      // The best any order could do: every interesting paper first. Bounds what the others can reach.
      oracle: [...day.papers].sort((a, b) => Number(relevant.has(b.arxivId)) - Number(relevant.has(a.arxivId))),
    };
    for (const name of Object.keys(orders) as OrderName[]) {
      const hits = orders[name].map((paper) => relevant.has(paper.arxivId));
      const metrics = sums[name];
      metrics.p5 += precisionAt(hits, 5);
      metrics.p10 += precisionAt(hits, 10);
      metrics.ndcg10 += ndcgAt(hits, 10, relevant.size);
      metrics.days += 1;
    }
  }
}

function averages(sums: Sums): Record<OrderName, Metrics> {
  const average = (metrics: Metrics): Metrics => ({ p5: metrics.p5 / (metrics.days || 1), p10: metrics.p10 / (metrics.days || 1), ndcg10: metrics.ndcg10 / (metrics.days || 1), days: metrics.days });
  return { 'for-you': average(sums['for-you']), digest: average(sums.digest), upvotes: average(sums.upvotes), oracle: average(sums.oracle) };
}

function zero(): Metrics {
  return { p5: 0, p10: 0, ndcg10: 0, days: 0 };
}

export function precisionAt(hits: readonly boolean[], k: number): number {
  return hits.slice(0, k).filter(Boolean).length / k;
}

export function ndcgAt(hits: readonly boolean[], k: number, relevantCount: number): number {
  let dcg = 0;
  hits.slice(0, k).forEach((hit, index) => {
    if (hit) dcg += 1 / Math.log2(index + 2);
  });
  let ideal = 0;
  for (let index = 0; index < Math.min(k, relevantCount); index += 1) ideal += 1 / Math.log2(index + 2);
  return ideal > 0 ? dcg / ideal : 0;
}

export function formatQualityTable(result: QualityResult): string[] {
  const pct = (value: number) => value.toFixed(3);
  const lines = [
    result.granularity === 'day'
      ? `learning quality, per day: ${result.papers} real papers, triage on the first ${result.trainDays} days, scored on ${result.testDays} later digests of ≥ ${result.minDigest} papers (${result.skippedDays} unreadable days skipped)`
      : result.granularity === 'day-relearnt'
        ? `learning quality, per day, the readers triaging every day and Sift learning again every ${RELEARN_EVERY_DAYS} days: ${result.testDays} later digests of ≥ ${result.minDigest} papers (dec. = the first ${result.trainDays} days' choices)`
        : `learning quality, per week: the same readers, scored on ${result.testDays} later weeks (seven digests pooled into one inbox)`,
    `${'reader'.padEnd(30)} ${'dec.'.padStart(5)} ${'days'.padStart(4)} | ${'P@5 you/dig/up'.padEnd(20)} | ${'P@10 you/dig/up'.padEnd(20)} | ${'nDCG@10 you/dig/up'.padEnd(20)} | P@10 ×digest (best possible)`,
  ];
  const line = (row: ReaderRow) => {
    const o = row.orders;
    const ratio = o['for-you'].p10 / (o.digest.p10 || 1e-9);
    return `${row.reader.slice(0, 30).padEnd(30)} ${`${row.decisions}${row.cold ? '*' : ''}`.padStart(5)} ${String(o['for-you'].days).padStart(4)} | ${[o['for-you'].p5, o.digest.p5, o.upvotes.p5].map(pct).join(' ').padEnd(20)} | ${[o['for-you'].p10, o.digest.p10, o.upvotes.p10].map(pct).join(' ').padEnd(20)} | ${[o['for-you'].ndcg10, o.digest.ndcg10, o.upvotes.ndcg10].map(pct).join(' ').padEnd(20)} | ${ratio.toFixed(2)}× (${(o.oracle.p10 / (o.digest.p10 || 1e-9)).toFixed(2)}×)`;
  };
  const full = result.rows.filter((row) => !row.light);
  for (const row of full) lines.push(line(row));
  const mean = (order: OrderName, key: 'p5' | 'p10' | 'ndcg10') => full.reduce((sum, row) => sum + row.orders[order][key], 0) / (full.length || 1);
  lines.push(
    `${'mean'.padEnd(30)} ${''.padStart(5)} ${''.padStart(4)} | ${(['for-you', 'digest', 'upvotes'] as const).map((o) => pct(mean(o, 'p5'))).join(' ').padEnd(20)} | ${(['for-you', 'digest', 'upvotes'] as const).map((o) => pct(mean(o, 'p10'))).join(' ').padEnd(20)} | ${(['for-you', 'digest', 'upvotes'] as const).map((o) => pct(mean(o, 'ndcg10'))).join(' ').padEnd(20)} |`,
  );
  for (const row of result.rows.filter((candidate) => candidate.light)) lines.push(line(row));
  if (result.rows.some((row) => row.cold)) lines.push(`* cold: fewer than ${COLD_START.kept} kept and ${COLD_START.skipped} skipped, so For you keeps digest order (as the app does)`);
  return lines;
}
