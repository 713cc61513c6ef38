// `npm run bench` figures for the import engine: each reader's throughput on a generated 5 MB file, a
// 10,000-paper file into a 100,000-paper library end to end (parse, merge, insert, search index), and
// the whole shared corpus imported a day at a time. Every figure beside a baseline from the same run.
// run-bench.ts calls measureImportEngine(dir); standalone: node bench/import-engine-bench.ts
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { namePartsText } from '../src/main/library/search/name-parts.ts';
import { createImportJobs } from '../src/main/library/import/engine/import-jobs.ts';
import { importDigest } from '../src/main/library/import/import-digest.ts';
import { parseDigestFile } from '../src/main/library/import/parse-digest-file.ts';
import { indexPendingPapers } from '../src/main/library/search/index-sync.ts';
import { openSiftLibrary } from '../src/main/library/sift-library.ts';
import type { DigestFormat } from '../src/shared/domain.ts';
import { buildLibrary } from './build-library.ts';
import { benchFiles } from './import-formats-files.ts';
import { readInWorker } from './read-in-worker.ts';
import { round, timeIt } from './stats.ts';
import { syntheticCorpus } from './synthetic-papers.ts';
import type { SyntheticCorpus } from './synthetic-papers.ts';

type Figures = Record<string, number | string>;
const FIXTURE = path.resolve(import.meta.dirname, '../tests/fixtures/digests/hf-papers-page.txt');
const CORPUS = path.resolve(import.meta.dirname, '../../shared/corpus/hf-daily-papers-2024-2025.tar.gz');
const clock = { now: () => new Date('2026-03-12T09:00:00.000Z') };
const log = (line: string) => process.stderr.write(`${line}\n`);
const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);
const mbPerSecond = (bytes: number, ms: number) => round(bytes / 1024 / 1024 / (ms / 1000), 1);

/**
 * Each reader on its own ≥ 5 MB file, beside the floor: decoding the same bytes to text. Read as the app
 * reads an import: in a fresh worker with the import worker's limits (read-in-worker.ts).
 */
async function measureReaders(dir: string, corpus: SyntheticCorpus, figures: Figures): Promise<void> {
  for (const file of benchFiles(corpus)) {
    const bytes = Buffer.from(file.text);
    const key = file.format.replaceAll('-', '_');
    const decode = timeIt(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    figures[`read_${key}_mb`] = round(bytes.length / 1024 / 1024, 1);
    figures[`read_${key}_baseline_decode_mb_per_s`] = mbPerSecond(bytes.length, decode.ms);
    const saved = path.join(dir, `reader-bench.${key}`);
    fs.writeFileSync(saved, bytes);
    try {
      const read = await readInWorker(saved, file.format as DigestFormat);
      figures[`read_${key}_mb_per_s`] = mbPerSecond(bytes.length, read.ms);
      // Per CPU second of the worker's thread as well: on a shared machine the wall clock stretches.
      figures[`read_${key}_mb_per_cpu_s`] = mbPerSecond(bytes.length, read.cpuMs);
      figures[`read_${key}_papers_per_s`] = perSecond(read.papers, read.ms);
      figures[`read_${key}_papers`] = `${read.papers}/${file.papers}`;
    } catch (error) {
      figures[`read_${key}_mb_per_s`] = `refused: ${String((error as Error).message).slice(0, 120)}`;
    } finally {
      fs.rmSync(saved, { force: true });
    }
  }
}

/** A checkpointed copy of the 100k library, so each variant starts from the same file. */
function copyLibrary(source: string, target: string): string {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  fs.copyFileSync(source, target);
  return target;
}

function hundredThousandLibrary(dir: string, corpus: SyntheticCorpus): string {
  const existing = path.join(dir, 'library-100000.db');
  if (fs.existsSync(existing)) return existing;
  log('import bench: building a 100,000-paper library…');
  const built = buildLibrary(dir, 100_000, corpus);
  built.library.close();
  return built.file;
}

function dailyJson(corpus: SyntheticCorpus, count: number, first: number): Buffer {
  const entries = Array.from({ length: count }, (_, offset) => {
    const paper = corpus.paper(first + offset);
    const publishedAt = '2026-03-12T00:00:00.000Z';
    return { title: paper.title, publishedAt, paper: { id: paper.arxivId, title: paper.title, summary: paper.abstract, authors: paper.authors.map((name) => ({ name })), publishedAt } };
  });
  return Buffer.from(JSON.stringify(entries));
}

/**
 * 10,000 new papers into 100,000, until searchable. Baselines: the path before the import engine
 * (import, then the next search indexes the queue) and the import one record at a time (before bulk
 * writing); ours: bulk writing and indexing inside the import's transaction, in-process and through
 * the worker thread the app uses.
 */
async function measureEndToEnd(dir: string, corpus: SyntheticCorpus, figures: Figures): Promise<void> {
  const source = hundredThousandLibrary(dir, corpus);
  const bytes = dailyJson(corpus, 10_000, 2_000_000);
  const file = { fileName: 'daily-10k.json', bytes };
  const parseMs = timeIt(() => parseDigestFile(file.fileName, bytes, undefined, clock)).ms;

  const baseline = openSiftLibrary(copyLibrary(source, path.join(dir, 'e2e-baseline.db')));
  const imported = timeIt(() => importDigest(baseline.db, file, clock));
  const indexed = timeIt(() => indexPendingPapers(baseline.db));
  baseline.close();
  // The same import one record at a time with FTS5 merging as it goes: the path before bulk writing.
  const oneByOneLibrary = openSiftLibrary(copyLibrary(source, path.join(dir, 'e2e-one-by-one.db')));
  const oneByOneCpuBefore = process.cpuUsage();
  const oneByOne = timeIt(() => importDigest(oneByOneLibrary.db, file, clock, { indexForSearch: true, oneByOne: true }));
  const oneByOneCpu = process.cpuUsage(oneByOneCpuBefore);
  oneByOneLibrary.close();
  const ours = openSiftLibrary(copyLibrary(source, path.join(dir, 'e2e-ours.db')));
  const cpuBefore = process.cpuUsage();
  const together = timeIt(() => importDigest(ours.db, file, clock, { indexForSearch: true }));
  const cpu = process.cpuUsage(cpuBefore);
  const ftsAlone = ftsFloor(ours.db, together.value.addedIds);
  ours.close();
  const viaWorker = openSiftLibrary(copyLibrary(source, path.join(dir, 'e2e-worker.db')));
  const jobs = createImportJobs(viaWorker);
  const started = performance.now();
  const report = await jobs.result(jobs.start(file));
  const workerMs = performance.now() - started;
  viaWorker.close();

  const added = together.value.added;
  figures.import_10k_into_100k_parse_ms = round(parseMs);
  figures.import_10k_into_100k_baseline_papers_per_s = perSecond(imported.value.added, imported.ms + indexed.ms);
  figures.import_10k_into_100k_baseline_write_only_papers_per_s = perSecond(imported.value.added, imported.ms - parseMs);
  figures.import_10k_into_100k_one_by_one_papers_per_s = perSecond(oneByOne.value.added, oneByOne.ms);
  figures.import_10k_into_100k_one_by_one_papers_per_cpu_s = perSecond(oneByOne.value.added, (oneByOneCpu.user + oneByOneCpu.system) / 1000);
  figures.import_10k_into_100k_papers_per_s = perSecond(added, together.ms);
  // Per CPU second as well: the wall clock stretches with whatever else the machine runs.
  figures.import_10k_into_100k_papers_per_cpu_s = perSecond(added, (cpu.user + cpu.system) / 1000);
  figures.import_10k_into_100k_write_and_index_papers_per_s = perSecond(added, together.ms - parseMs);
  figures.import_10k_into_100k_worker_papers_per_s = perSecond(report.added, workerMs);
  figures.import_10k_fts5_alone_papers_per_s = perSecond(added, ftsAlone);
}

/**
 * The floor under any import that indexes: the same papers' text written into empty, in-memory FTS5
 * tables of the library's own definitions (tokenising and building the index, nothing else), in ms.
 */
function ftsFloor(db: Database, ids: readonly number[]): number {
  const definitions = db
    .prepare(`SELECT sql FROM sqlite_master WHERE name IN ('papers_fts', 'papers_names_fts')`)
    .pluck()
    .all() as string[];
  const rows = db
    .prepare(`SELECT id, title, authors, abstract, note FROM papers WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as { id: number; title: string; authors: string; abstract: string; note: string }[];
  const memory = new BetterSqlite3(':memory:');
  for (const definition of definitions) memory.exec(definition);
  const names = rows.map((row) => namePartsText(`${row.title} ${row.authors}`));
  const insert = memory.prepare(`INSERT INTO papers_fts (rowid, title, names, authors, abstract, tags, note, facets) VALUES (?, ?, ?, ?, ?, '', ?, 'status:inbox')`);
  const insertNames = memory.prepare(`INSERT INTO papers_names_fts (rowid, title, names, authors, facets) VALUES (?, ?, ?, ?, 'status:inbox')`);
  const { ms } = timeIt(() =>
    memory.transaction(() =>
      rows.forEach((row, index) => {
        insert.run(row.id, row.title, names[index], row.authors, row.abstract, row.note);
        insertNames.run(row.id, row.title, names[index], row.authors);
      }),
    )(),
  );
  memory.close();
  return ms;
}

/** The shared corpus, one digest per day, through the same import the app runs. Skipped when absent. */
function measureCorpus(dir: string, figures: Figures): void {
  if (!fs.existsSync(CORPUS)) {
    figures.corpus_import = 'skipped: ../shared/corpus is not beside this checkout';
    log('import bench: ../shared/corpus not found; the corpus figures are skipped.');
    return;
  }
  const unpacked = fs.mkdtempSync(path.join(dir, 'corpus-'));
  execFileSync('tar', ['xzf', CORPUS, '-C', unpacked]);
  const files = fs.readdirSync(unpacked).filter((name) => name.endsWith('.json')).sort();
  const contents = files.map((name) => fs.readFileSync(path.join(unpacked, name)));
  const floor = timeIt(() => contents.forEach((bytes) => JSON.parse(bytes.toString('utf8')) as unknown));
  const corpusLibrary = path.join(dir, 'corpus.db');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(corpusLibrary + suffix, { force: true });
  const library = openSiftLibrary(corpusLibrary);
  const refused: string[] = [];
  let papers = 0;
  let added = 0;
  let peakRss = process.memoryUsage().rss;
  const started = performance.now();
  files.forEach((name, index) => {
    try {
      const report = importDigest(library.db, { fileName: name, bytes: contents[index] as Buffer }, clock, { indexForSearch: true });
      papers += report.papers;
      added += report.added;
    } catch (error) {
      refused.push(`${name}: ${String((error as Error).message).slice(name.length + 1, name.length + 90)}`);
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  });
  const ms = performance.now() - started;
  library.close();
  figures.corpus_days = files.length;
  figures.corpus_days_imported = files.length - refused.length;
  figures.corpus_days_refused = refused.length;
  if (refused[0]) figures.corpus_first_refusal = refused[0];
  figures.corpus_papers_read = papers;
  figures.corpus_papers_added = added;
  figures.corpus_files_per_s = round((files.length / ms) * 1000, 1);
  figures.corpus_papers_per_s = perSecond(papers, ms);
  figures.corpus_baseline_json_parse_files_per_s = round((files.length / floor.ms) * 1000, 1);
  figures.corpus_import_s = round(ms / 1000, 1);
  figures.corpus_peak_rss_mb = Math.round(peakRss / 1024 / 1024);
  fs.rmSync(unpacked, { recursive: true, force: true });
}

export async function measureImportEngine(dir: string, corpus: SyntheticCorpus = syntheticCorpus(FIXTURE, 20260312)): Promise<Figures> {
  // Figures scale with what else the machine runs: record it beside them.
  const figures: Figures = { import_bench_load_average: round(os.loadavg()[0] ?? 0, 1) };
  log('import bench: each reader on a 5 MB file…');
  await measureReaders(dir, corpus, figures);
  log('import bench: 10,000 papers into 100,000, until searchable…');
  await measureEndToEnd(dir, corpus, figures);
  log('import bench: the shared corpus, day by day…');
  measureCorpus(dir, figures);
  return figures;
}

if (import.meta.main) {
  // SIFT_BENCH_DIR keeps the 100k library between runs (built once, ~minutes); otherwise a temp folder.
  const kept = process.env.SIFT_BENCH_DIR;
  if (kept) fs.mkdirSync(kept, { recursive: true });
  const dir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sift-import-bench-'));
  try {
    const figures = await measureImportEngine(dir);
    for (const [key, value] of Object.entries(figures)) log(`${key.padEnd(56)} ${value}`);
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    if (!kept) fs.rmSync(dir, { recursive: true, force: true });
  }
}
