// Memory the reader model adds to the app's main process at a given library size, measured in a fresh
// process (run with --expose-gc) through the app's own LearnService (a learning process per rebuild):
// the resident size with the library open, after the first build (every vector read and packed), and
// after a rebuild that follows a triage (the space kept, only decisions read), each after a full GC
// and 200 ms. Prints one JSON object.
import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { LearnService } from '../src/main/library/learn/learn-service.ts';
import { openSiftLibrary } from '../src/main/library/sift-library.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: node --expose-gc bench/learn-memory-probe.ts LIBRARY.db [BUNDLED-LEARN-PROCESS.js]');
// The app runs the bundled JavaScript script, which the bench passes when a build is present.
const script = process.argv[3];
const collect = () => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const library = openSiftLibrary(file);
ensureTenThousandDecisions(library.db);
const service = new LearnService(library.db, { libraryPath: file, learnProcess: { script } });
collect();
const before = process.memoryUsage();
const beforeKinds = residentKinds();

// Only the figures are kept of each model (the app holds one model at a time, not the probe's two).
const first = await timed(async () => (await service.currentModel()).model.space);
const afterFirst = await settled();
const afterFirstKinds = residentKinds();
// A triage: one inbox paper skipped, nothing a vector is made of.
library.db.prepare(`UPDATE papers SET status = 'skipped' WHERE id = (SELECT min(id) FROM papers WHERE status = 'inbox')`).run();
const second = await timed(async () => (await service.currentModel()).model.space);
const afterTriage = await settled();
const afterTriageKinds = residentKinds();

// The vocabulary lives in the JS heap; the weights and the packed vectors outside it ("external").
const space = second.value;
const held = (usage: NodeJS.MemoryUsage) => mb(usage.heapUsed + usage.external - before.heapUsed - before.external);
process.stdout.write(JSON.stringify({
  extraRssMb: mb(afterFirst.rss - before.rss),
  extraHeldMb: held(afterFirst),
  extraRssAnonMb: mb(afterFirstKinds.anon - beforeKinds.anon),
  extraRssFileMb: mb(afterFirstKinds.file - beforeKinds.file),
  extraRssShmemMb: mb(afterFirstKinds.shmem - beforeKinds.shmem),
  firstBuildMs: first.ms,
  firstBuildCpuMs: first.cpuMs,
  extraRssAfterTriageRebuildMb: mb(afterTriage.rss - before.rss),
  extraHeldAfterTriageRebuildMb: held(afterTriage),
  extraRssAnonAfterTriageRebuildMb: mb(afterTriageKinds.anon - beforeKinds.anon),
  triageRebuildMs: second.ms,
  triageRebuildCpuMs: second.cpuMs,
  triageRebuildKeptSpace: second.value === first.value,
  builtIn: service.builtIn,
  papers: space.paperIds.length,
  terms: space.terms.length,
}));
library.close();

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { ms: Math.round(performance.now() - started), cpuMs: Math.round((used.user + used.system) / 1000), value };
}

async function settled(): Promise<NodeJS.MemoryUsage> {
  await new Promise((resolve) => setTimeout(resolve, 200));
  collect();
  return process.memoryUsage();
}

/**
 * Resident memory by kind (Linux): anonymous (the heaps, the model), file-backed (pages of the node or
 * Electron binary and of native modules, first touched by code that had not run yet: shared with
 * other processes and dropped first under memory pressure), shared memory.
 */
function residentKinds(): { anon: number; file: number; shmem: number } {
  let status = '';
  try {
    status = fs.readFileSync('/proc/self/status', 'utf8');
  } catch {
    return { anon: 0, file: 0, shmem: 0 };
  }
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { anon: kb('RssAnon'), file: kb('RssFile'), shmem: kb('RssShmem') };
}

/** The bench's reader: every tenth paper decided (10,000 at 100k), as the speed figures assume. */
function ensureTenThousandDecisions(db: Database): void {
  const decided = db.prepare(`SELECT count(*) FROM papers WHERE status <> 'inbox'`).pluck().get() as number;
  if (decided >= 10_000) return;
  db.prepare(`UPDATE papers SET status = CASE (id / 10) % 3 WHEN 0 THEN 'skipped' WHEN 1 THEN 'to-read' ELSE 'read' END,
    starred = (id / 10) % 17 = 0 WHERE id % 10 = 0 AND id <= 100000`).run();
}
