// One reader on one file, in a fresh worker with the import worker's heap limits: how the app reads a
// file (every import runs in a new worker, its JIT and heap cold), not a warmed-up loop in the bench.
import fs from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { IMPORT_WORKER_LIMITS } from '../src/main/library/import/engine/run-import-worker.ts';
import type { DigestFormat } from '../src/shared/domain.ts';

export interface ReadInWorker {
  ms: number;
  cpuMs: number;
  papers: number;
}

interface Job {
  file: string;
  format: DigestFormat;
}

export function readInWorker(file: string, format: DigestFormat): Promise<ReadInWorker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { file, format } satisfies Job, resourceLimits: IMPORT_WORKER_LIMITS });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

if (!isMainThread && parentPort) {
  const job = workerData as Job;
  const { parseDigestFile } = await import('../src/main/library/import/parse-digest-file.ts');
  const bytes = fs.readFileSync(job.file);
  const cpuBefore = process.threadCpuUsage();
  const started = performance.now();
  const digest = parseDigestFile(job.file, bytes, job.format, { now: () => new Date('2026-03-12T09:00:00.000Z') });
  const ms = performance.now() - started;
  const cpu = process.threadCpuUsage(cpuBefore);
  parentPort.postMessage({ ms, cpuMs: (cpu.user + cpu.system) / 1000, papers: digest.papers.length } satisfies ReadInWorker);
}
