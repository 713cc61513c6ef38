// Figures for `npm run bench` on learning: ranking quality on the real corpus (see RESULTS.md for the
// simulated readers) and speed at 100,000 papers with 10,000 decisions. run-bench.ts calls it with its
// 100k library (one line in extra-measurements.ts); standalone it builds its own:
//   node bench/learn-bench.ts [LIBRARY.db]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { learnInOwnProcess } from '../src/main/library/learn/build-in-process.ts';
import { loadLibraryForLearning } from '../src/main/library/learn/load-library-papers.ts';
import { loadStoredLibrary } from '../src/main/library/learn/read-stored-library.ts';
import { storeMissingVectors } from '../src/main/library/learn/stored-vectors.ts';
import { scoreAllRows, scoreRow } from '../src/main/library/learn/rank-papers.ts';
import { learnReaderModel } from '../src/main/library/learn/reader-model.ts';
import type { LabelledRow, LibraryPaper } from '../src/main/library/learn/reader-model.ts';
import { LearnService, rankView } from '../src/main/library/learn/learn-service.ts';
import { scoreModel } from '../src/main/library/learn/scored-model.ts';
import { similarRows } from '../src/main/library/learn/similar-papers.ts';
import type { SiftLibrary } from '../src/main/library/sift-library.ts';
import { openSiftLibrary } from '../src/main/library/sift-library.ts';
import { readCorpus } from './learn-corpus.ts';
import { formatQualityTable, measureQuality, TRAIN_DAYS } from './learn-quality.ts';
import { LIGHT_PHRASE_READER, READERS } from './learn-readers.ts';
import type { SimulatedReader } from './learn-readers.ts';
import { seedReaders } from './learn-seed-readers.ts';
import type { QualityResult } from './learn-quality.ts';
import { median, round, timeIt } from './stats.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Wall time and CPU time (all threads of this process). On a shared machine the wall time carries
 * every other process's load; the CPU time is what the work itself costs.
 */
function timeAndCpu<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const cpu = process.cpuUsage();
  const { ms, value } = timeIt(fn);
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

function record(figures: Record<string, number | string>, name: string, runs: { ms: number; cpuMs: number }[]): void {
  figures[`${name}_ms`] = round(median(runs.map((run) => run.ms)));
  figures[`${name}_cpu_ms`] = round(median(runs.map((run) => run.cpuMs)));
}

export async function measureLearning(library: SiftLibrary): Promise<Record<string, number | string>> {
  return { ...measureLearningQuality(), ...(await measureLearningSpeed(library)) };
}

export function measureLearningQuality(): Record<string, number | string> {
  const corpus = readCorpus();
  if (!corpus) return { learn_quality: 'skipped: shared/corpus not found' };
  const figures: Record<string, number | string> = {};
  // Per day, per week, and per day on digests of at least 20 papers: on smaller days no order can
  // reach twice digest order's P@10 (with N papers and R ≤ 10 interesting, the best is N/10 times it).
  // Two families of readers, simulated differently (phrases; seed papers by authors and rare title
  // words), each with a reader who triages only 25 papers: the model must not suit only one of them.
  const families: [string, SimulatedReader[]][] = [['', [...READERS, LIGHT_PHRASE_READER]], ['seed_', seedReaders(corpus, TRAIN_DAYS)]];
  for (const [family, readers] of families) {
    // And per day as the app is used: the reader goes on triaging and Sift learns again every week.
    for (const [granularity, minDigest, suffix] of [['day', 10, 'day'], ['week', 10, 'week'], ['day', 20, 'day20'], ['day-relearnt', 10, 'day_relearnt'], ['day-relearnt', 20, 'day20_relearnt']] as const) {
      const result = measureQuality(corpus, {}, granularity, readers, minDigest);
      log('');
      if (family) log('readers defined by seed papers (authors and rare title words, not Sift\'s model):');
      for (const line of formatQualityTable(result)) log(line);
      Object.assign(figures, qualityFigures(result, `${family}${suffix}`));
    }
  }
  return figures;
}

function qualityFigures(result: QualityResult, suffix: string): Record<string, number> {
  const rows = result.rows.filter((row) => !row.light);
  const light = result.rows.find((row) => row.light);
  const mean = (pick: (row: QualityResult['rows'][number]) => number) => round(rows.reduce((sum, row) => sum + pick(row), 0) / rows.length, 3);
  return {
    ...(light ? { [`learn_p10_light_reader_for_you_${suffix}`]: round(light.orders['for-you'].p10, 3), [`learn_light_reader_decisions_${suffix}`]: light.decisions } : {}),
    [`learn_p10_for_you_mean_${suffix}`]: mean((row) => row.orders['for-you'].p10),
    [`learn_p10_digest_mean_${suffix}`]: mean((row) => row.orders.digest.p10),
    [`learn_p10_upvotes_mean_${suffix}`]: mean((row) => row.orders.upvotes.p10),
    [`learn_p10_best_possible_mean_${suffix}`]: mean((row) => row.orders.oracle.p10),
    [`learn_ndcg10_for_you_mean_${suffix}`]: mean((row) => row.orders['for-you'].ndcg10),
    [`learn_p10_min_ratio_to_digest_${suffix}`]: round(Math.min(...rows.map((row) => row.orders['for-you'].p10 / row.orders.digest.p10)), 2),
    [`learn_p5_min_ratio_to_digest_${suffix}`]: round(Math.min(...rows.map((row) => row.orders['for-you'].p5 / row.orders.digest.p5)), 2),
  };
}

/** 10,000 decisions among the library's papers: every tenth paper, kept or skipped alternately. */
function withTenThousandDecisions(paperIds: Int32Array, labelled: readonly LabelledRow[]): LibraryPaper[] {
  const tags = new Map(labelled.map((paper) => [paper.row, paper.tags]));
  let decided = 0;
  return Array.from(paperIds, (id, index) => {
    const paper: LibraryPaper = { id, title: '', abstract: '', authors: [], tags: tags.get(index) ?? [], status: 'inbox', starred: false };
    if (index % 10 !== 0 || decided >= 10_000) return paper;
    decided += 1;
    return { ...paper, status: decided % 3 === 0 ? 'skipped' : decided % 3 === 1 ? 'to-read' : 'read', starred: decided % 17 === 0 };
  });
}

export async function measureLearningSpeed(library: SiftLibrary): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  // Baseline (how every rebuild worked before vectors were stored): read every paper's text and tokenise it.
  const fromText = timeAndCpu(() => loadLibraryForLearning(library.db).space.paperIds.length);
  const suffix = fromText.value >= 99_000 ? '100k' : String(fromText.value);
  record(figures, `learn_read_and_vectorise_from_text_${suffix}`, [fromText]);
  // Now: vectors are stored once per paper (the first time, or when its text changes), and every
  // rebuild reads them. The library here is fresh, so this fills all of them: the one-time cost.
  const filled = timeAndCpu(() => storeMissingVectors(library.db));
  figures.learn_vectors_stored_first_time = filled.value;
  record(figures, `learn_store_vectors_first_time_${suffix}`, [filled]);
  const loadRuns = Array.from({ length: 3 }, () => timeAndCpu(() => loadStoredLibrary(library.db)));
  record(figures, `learn_read_stored_vectors_${suffix}`, loadRuns);
  const stored = loadRuns[0]?.value;
  if (!stored) throw new Error('stored vectors are missing after storing them');
  const loaded = { value: stored };
  const papers = withTenThousandDecisions(stored.space.paperIds, stored.labelled);
  const count = papers.length;
  const trained = timeAndCpu(() => learnReaderModel(papers, { space: loaded.value.space }));
  record(figures, 'learn_train_10k_decisions', [trained]);
  figures.learn_decisions = trained.value.decisions.kept + trained.value.decisions.skipped;
  figures.learn_tag_models = trained.value.tagModels.length;
  const scored = scoreModel(trained.value);
  const ranker = trained.value.ranker;
  if (!ranker) throw new Error('the bench model is cold: no decisions?');
  const digestRows = Array.from({ length: 300 }, (_, index) => (index * 331) % count);
  record(figures, 'learn_score_300_digest', Array.from({ length: 15 }, () => timeAndCpu(() => {
    const ids = digestRows.map((row) => scored.model.space.paperIds[row] ?? 0);
    digestRows.forEach((row) => scoreRow(trained.value.space, ranker, row));
    return rankView(scored, ids);
  })));
  const allIds = Array.from(scored.model.space.paperIds);
  record(figures, `learn_score_and_rank_all_${suffix}`, Array.from({ length: 5 }, () => timeAndCpu(() => rankView({ ...scored, scores: scoreAllRows(trained.value.space, ranker) }, allIds))));
  const queries = Array.from({ length: 20 }, (_, index) => (index * 4999) % count);
  record(figures, `learn_more_like_this_p50_${suffix}`, queries.map((row) => timeAndCpu(() => similarRows(trained.value.space, row, 10))));
  figures.learn_vector_bytes_mb = round((trained.value.space.entries.byteLength + trained.value.space.rowScale.byteLength + trained.value.space.offsets.byteLength) / 1024 / 1024, 1);
  // For you over search results: every match ranked (a refresh: a new query), a broad and a narrow query.
  const service = new LearnService(library.db);
  await service.currentModel();
  for (const [name, query] of [['broad', 'sparse attention '], ['narrow', 'quantization ']] as const) {
    const runs: { ms: number; cpuMs: number }[] = [];
    let matches = 0;
    for (let run = 0; run < 5; run += 1) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      matches = (await service.searchForYou({ query, offset: 0, limit: 50, refresh: true, order: 'for-you' })).total;
      const used = process.cpuUsage(cpu);
      runs.push({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 });
    }
    figures[`learn_search_for_you_${name}_matches`] = matches;
    record(figures, `learn_search_for_you_${name}_${suffix}`, runs);
  }
  // The app's way: a process of its own reads the library and learns while the main thread keeps answering.
  let worstStall = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    worstStall = Math.max(worstStall, now - last - 5);
    last = now;
  }, 5);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const modelFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sift-learn-bench-model-')), 'model.bin');
  await learnInOwnProcess(library.path, null, modelFile);
  clearInterval(ticker);
  fs.rmSync(path.dirname(modelFile), { recursive: true, force: true });
  const used = process.cpuUsage(cpu);
  figures[`learn_process_end_to_end_${suffix}_ms`] = round(performance.now() - started);
  figures[`learn_process_end_to_end_${suffix}_app_cpu_ms`] = round((used.user + used.system) / 1000);
  figures.learn_process_main_thread_worst_stall_ms = round(worstStall);
  // Memory in a fresh process, from source and, when a build of the app is present and newer than the
  // learning code, with the app's bundled learning process (what the app runs).
  const bundled = freshBundledLearnProcess();
  for (const [label, script] of [['', null], ['_bundled', bundled]] as const) {
    if (label && !script) continue;
    const probe = execFileSync(process.execPath, ['--expose-gc', path.join(import.meta.dirname, 'learn-memory-probe.ts'), library.path, ...(script ? [script] : [])], { encoding: 'utf8' });
    const memory = JSON.parse(probe) as Record<string, number | boolean | string>;
    for (const [key, value] of Object.entries(memory)) figures[`learn_memory${label}_${key}`] = typeof value === 'number' ? value : String(value);
  }
  return figures;
}

function freshBundledLearnProcess(): string | null {
  const script = path.resolve(import.meta.dirname, '../out/main/learn-process.js');
  if (!fs.existsSync(script)) return null;
  const sources = path.resolve(import.meta.dirname, '../src/main/library/learn');
  const newest = Math.max(...fs.readdirSync(sources).map((name) => fs.statSync(path.join(sources, name)).mtimeMs));
  return fs.statSync(script).mtimeMs >= newest ? script : null;
}

if (import.meta.main) {
  const given = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  const keep = process.argv.includes('--keep');
  let dir: string | null = null;
  let file = given;
  if (!file) {
    const { buildLibrary } = await import('./build-library.ts');
    const { syntheticCorpus } = await import('./synthetic-papers.ts');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-learn-bench-'));
    log('building 100,000 synthetic papers…');
    const built = buildLibrary(dir, 100_000, syntheticCorpus(path.resolve(import.meta.dirname, '../../shared/fixtures/digests/hf-papers-page.txt'), 20260312));
    built.library.close();
    file = built.file;
  }
  const library = openSiftLibrary(file);
  try {
    const figures = await measureLearning(library);
    log('');
    for (const [key, value] of Object.entries(figures)) log(`${key.padEnd(44)} ${String(value).padStart(10)}`);
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    library.close();
    if (dir && !keep) fs.rmSync(dir, { recursive: true, force: true });
    else if (dir) log(`kept the library: ${file}`);
  }
}
