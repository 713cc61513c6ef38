// `npm run bench`: search, queue and import figures at 10,000 and 100,000 synthetic papers, against a
// plain fuse.js baseline. Prints a table, then one JSON line with every figure (the last line).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIGEST_FORMAT_READERS } from '../src/main/library/import/digest-formats.ts';
import { importDigest } from '../src/main/library/import/import-digest.ts';
import { listPapers } from '../src/main/library/papers/list-papers.ts';
import { indexPendingPapers } from '../src/main/library/search/index-sync.ts';
import { searchPapers } from '../src/main/library/search/search-engine.ts';
import { openSiftLibrary } from '../src/main/library/sift-library.ts';
import { QUEUES } from '../src/shared/domain.ts';
import { buildLibrary } from './build-library.ts';
import { EXTRA_MEASUREMENTS } from './extra-measurements.ts';
import './reader-throughput.ts'; // registers the MB/s of the readers added for issue #16
import { fuseBaseline } from './fuse-baseline.ts';
import { measureSearchRelevance } from './search-relevance-bench.ts';
import { measureUiKeystrokes } from './ui-keystroke-bench.ts';
import { measureImportEngine } from './import-engine-bench.ts';
import { benchQueries, keystrokes } from './keystroke-queries.ts';
import type { BenchQuery } from './keystroke-queries.ts';
import { median, percentile, round, timeIt } from './stats.ts';
import { syntheticCorpus } from './synthetic-papers.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../../shared/fixtures/digests/hf-papers-page.txt');
const SEED = 20260312;
const figures: Record<string, number | string> = {};
const benchStarted = performance.now();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-bench-'));
let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return process.memoryUsage().rss;
};
const log = (line: string) => process.stderr.write(`${line}\n`);
const mb = (bytes: number) => round(bytes / 1024 / 1024, 0);

const cpu = /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
figures.machine_cpu = cpu;
figures.machine_cores = os.availableParallelism();
figures.node_version = process.version;

const corpus = syntheticCorpus(FIXTURE, SEED);

function measureTyping(db: Parameters<typeof searchPapers>[0], queries: BenchQuery[], suffix: string): string[] {
  const times: number[] = [];
  const byKind = new Map<string, number[]>();
  const typed: string[] = [];
  for (const query of queries) {
    for (const text of keystrokes(query.text)) {
      const { ms } = timeIt(() => searchPapers(db, { query: text, limit: 50 }));
      times.push(ms);
      typed.push(text);
      byKind.set(query.kind, [...(byKind.get(query.kind) ?? []), ms]);
    }
  }
  figures[`search_p50_ms_${suffix}`] = round(percentile(times, 50));
  figures[`search_p95_ms_${suffix}`] = round(percentile(times, 95));
  figures[`search_max_ms_${suffix}`] = round(Math.max(...times));
  figures[`search_keystrokes_${suffix}`] = times.length;
  figures[`search_queries_${suffix}`] = queries.length;
  const filterTimes = byKind.get('filter') ?? [];
  figures[`search_filters_p95_ms_${suffix}`] = round(percentile(filterTimes, 95));
  for (const [kind, values] of byKind) log(`  ${suffix} ${kind.padEnd(8)} p50 ${round(percentile(values, 50))} ms  p95 ${round(percentile(values, 95))} ms  (${values.length} keystrokes)`);
  // Did the finished query put its paper first / in the top 10? (ids are index + 1 in a bench library)
  let first = 0;
  let top10 = 0;
  let judged = 0;
  for (const query of queries) {
    if (query.about === null) continue;
    judged += 1;
    const ids = searchPapers(db, { query: `${query.text} `, limit: 10 }).hits.map((hit) => hit.paper.id);
    if (ids[0] === query.about + 1) first += 1;
    if (ids.includes(query.about + 1)) top10 += 1;
  }
  figures[`search_meant_paper_first_${suffix}`] = `${first}/${judged}`;
  figures[`search_meant_paper_top10_${suffix}`] = `${top10}/${judged}`;
  return typed;
}

function measureQueues(db: Parameters<typeof listPapers>[0], suffix: string): void {
  let worst = 0;
  for (const queue of QUEUES) {
    const runs = Array.from({ length: 15 }, () => timeIt(() => listPapers(db, { queue, limit: 50 })).ms);
    const ms = round(median(runs));
    figures[`first_page_${queue}_ms_${suffix}`] = ms;
    worst = Math.max(worst, ms);
  }
  figures[`first_page_max_ms_${suffix}`] = worst;
}

async function main(): Promise<void> {
  let sampleKeystrokes: string[] = [];
  for (const count of [10_000, 100_000]) {
    const suffix = count === 100_000 ? '100k' : '10k';
    log(`building ${count} papers…`);
    const built = buildLibrary(dir, count, corpus);
    sampleRss();
    figures[`bulk_import_papers_per_s_${suffix}`] = built.importPapersPerSecond;
    figures[`index_papers_per_s_${suffix}`] = built.indexPapersPerSecond;
    figures[`bulk_import_with_index_papers_per_s_${suffix}`] = built.endToEndPapersPerSecond;
    built.library.close();

    // Cold open: a fresh connection, until the first page of the inbox is ready.
    const open = timeIt(() => {
      const library = openSiftLibrary(built.file);
      listPapers(library.db, { queue: 'inbox', limit: 50 });
      return library;
    });
    const library = open.value;
    figures[`cold_open_ms_${suffix}`] = round(open.ms);
    figures[`first_search_after_open_ms_${suffix}`] = round(timeIt(() => searchPapers(library.db, { query: 'sparse attention', limit: 50 })).ms);
    const docsOf = library.db.prepare(`SELECT doc FROM papers_fts_vocab WHERE term = ?`).pluck();
    const queries = benchQueries(corpus, count, SEED + count, (word) => (docsOf.get(word.toLowerCase()) as number | undefined) ?? 0);
    log(`typing ${queries.length} queries at ${count}…`);
    const typed = measureTyping(library.db, queries, suffix);
    measureQueues(library.db, suffix);
    if (count === 100_000) {
      const digest = { fileName: 'hf-papers-page.txt', bytes: fs.readFileSync(FIXTURE) };
      const imported = timeIt(() => importDigest(library.db, digest));
      figures.import_58_into_100k_ms = round(imported.ms);
      figures.import_58_added = imported.value.added;
      figures.import_58_then_searchable_ms = round(imported.ms + timeIt(() => searchPapers(library.db, { query: 'sparse attention', limit: 50 })).ms);
      figures.bench_process_rss_mb_100k = mb(sampleRss());
      // The app's main process: a fresh process holding only the library, its search state and the searches.
      const probe = execFileSync(process.execPath, [path.join(import.meta.dirname, 'rss-probe.ts'), built.file, ...queries.map((query) => query.text)], { encoding: 'utf8' });
      figures.rss_mb_100k = (JSON.parse(probe) as { rssMb: number }).rssMb;
      for (const extra of EXTRA_MEASUREMENTS) {
        log(`extra: ${extra.name}…`);
        const context = {
          library,
          papers: count,
          dir,
          time: async (fn: () => unknown) => {
            const started = performance.now();
            await fn();
            return round(performance.now() - started);
          },
        };
        Object.assign(figures, await extra.run(context));
        sampleRss();
      }
      figures.bench_process_peak_rss_mb = mb(peakRss);
      sampleKeystrokes = typed.filter((_, index) => index % Math.ceil(typed.length / 20) === 0).slice(0, 20);
      log('baseline: plain fuse.js over all papers and fields…');
      const baseline = fuseBaseline(library.db, sampleKeystrokes);
      figures.baseline_search_p50_ms_100k = baseline.p50;
      figures.baseline_search_p95_ms_100k = baseline.p95;
      figures.baseline_index_build_ms_100k = baseline.buildMs;
      figures.baseline_keystrokes = baseline.samples;
    }
    library.close();
  }
  measureDailyJson();
  const kept = path.join(dir, 'relevance');
  await measureSearchRelevance(figures, { keep: kept });
  // Keystroke to painted results in Chromium, over the same 100k library of real and synthetic papers.
  const relevanceLibrary = path.join(kept, 'relevance-library-100000.db');
  if (fs.existsSync(relevanceLibrary) && fs.existsSync('/usr/bin/chromium')) {
    Object.assign(figures, await measureUiKeystrokes({ db: relevanceLibrary }));
  } else figures.ui_keystroke_to_paint = 'skipped: needs the shared corpus and /usr/bin/chromium';
  Object.assign(figures, await measureImportEngine(dir, corpus));
  figures.bench_total_s = round((performance.now() - benchStarted) / 1000, 1);
  printTable();
  fs.rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/** A 10,000-entry Hugging Face daily-papers JSON through importDigest, when that reader is registered. */
function measureDailyJson(): void {
  if (!DIGEST_FORMAT_READERS.some((reader) => reader.format === 'hf-daily-json')) {
    figures.daily_json_10k_import = 'skipped: hf-daily-json reader not registered yet';
    return;
  }
  const entries = Array.from({ length: 10_000 }, (_, index) => {
    const paper = corpus.paper(500_000 + index);
    const publishedAt = `${paper.sectionDate ?? '2025-01-01'}T00:00:00.000Z`;
    return {
      title: paper.title,
      publishedAt,
      paper: { id: paper.arxivId, title: paper.title, summary: paper.abstract, authors: paper.authors.map((name) => ({ name })), publishedAt, upvotes: index % 97 },
    };
  });
  const bytes = Buffer.from(JSON.stringify(entries));
  const library = openSiftLibrary(path.join(dir, 'daily-json.db'));
  const imported = timeIt(() => importDigest(library.db, { fileName: 'daily-papers.json', bytes }));
  const indexed = timeIt(() => indexPendingPapers(library.db));
  figures.daily_json_10k_import_ms = round(imported.ms);
  figures.daily_json_10k_papers_per_s = Math.round((imported.value.added / imported.ms) * 1000);
  figures.daily_json_10k_with_index_papers_per_s = Math.round((imported.value.added / (imported.ms + indexed.ms)) * 1000);
  library.close();
}

const TARGETS: [string, string, (value: number) => boolean][] = [
  ['search_p95_ms_100k', '≤ 16 ms', (v) => v <= 16],
  ['search_filters_p95_ms_100k', '≤ 16 ms', (v) => v <= 16],
  ['first_page_max_ms_100k', '≤ 5 ms', (v) => v <= 5],
  ['cold_open_ms_100k', '≤ 200 ms', (v) => v <= 200],
  ['import_58_into_100k_ms', '≤ 50 ms', (v) => v <= 50],
  ['import_58_then_searchable_ms', '≤ 50 ms', (v) => v <= 50],
  ['bulk_import_papers_per_s_100k', '≥ 20,000/s', (v) => v >= 20_000],
  ['bulk_import_with_index_papers_per_s_100k', '≥ 20,000/s', (v) => v >= 20_000],
  ['rss_mb_100k', '≤ 400 MB', (v) => v <= 400],
  ['search_real_p95_ms_100k', '≤ 5 ms', (v) => v <= 5],
  ['ui_keystroke_to_paint_p95_ms', '≤ 50 ms', (v) => v <= 50],
];

function printTable(): void {
  const baseline: Record<string, string> = { search_p50_ms_100k: 'baseline_search_p50_ms_100k', search_p95_ms_100k: 'baseline_search_p95_ms_100k' };
  log('');
  log(`machine: ${figures.machine_cpu}, ${figures.machine_cores} cores, Node ${figures.node_version}`);
  log(`${'figure'.padEnd(44)} ${'ours'.padStart(12)} ${'fuse baseline'.padStart(14)} ${'ratio'.padStart(9)}  target`);
  for (const [key, value] of Object.entries(figures)) {
    if (key.startsWith('machine') || key.startsWith('node_') || key.startsWith('baseline_')) continue;
    const baseKey = baseline[key];
    const base = baseKey ? figures[baseKey] : undefined;
    const ratio = typeof base === 'number' && typeof value === 'number' && value > 0 ? `${round(base / value, 0)}× faster` : '';
    const target = TARGETS.find(([name]) => name === key);
    const verdict = target && typeof value === 'number' ? `${target[1]} ${target[2](value) ? 'PASS' : 'FAIL'}` : '';
    log(`${key.padEnd(44)} ${String(value).padStart(12)} ${String(base ?? '').padStart(14)} ${ratio.padStart(9)}  ${verdict}`);
  }
}

await main();
