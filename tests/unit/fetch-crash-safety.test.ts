import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSiftLibrary } from '../../src/main/library/sift-library.ts';
import { addSubscription } from '../../src/main/library/subscriptions/subscription-store.ts';
import { realFixture, startRecordedServices } from '../support/recorded-services.ts';
import type { RecordedServices } from '../support/recorded-services.ts';
import { makeTempDir } from '../support/temp-library.ts';

// `sift fetch` killed (SIGKILL: no cleanup) at any moment while it writes what it fetched leaves the
// library as before or as after each digest, with the subscription's state in step with its papers.

const SIFT = path.resolve(import.meta.dirname, '../../src/main/cli/sift.ts');
const ENTRIES_PER_DAY = 1000;

/**
 * A day of the real daily-papers answer, its 30 entries repeated with fresh ids so the import takes a
 * while; only the fields Sift reads are kept, so the answer stays a few MB.
 */
function bigDay(dayIndex: number): string {
  type Entry = { paper: { id: string; title: string; summary: string; authors: { name: string }[]; publishedAt: string }; publishedAt: string };
  const entries = JSON.parse(realFixture('hf-daily-papers-30.json')) as Entry[];
  const big = Array.from({ length: ENTRIES_PER_DAY }, (_, index) => {
    const { paper, publishedAt } = entries[index % entries.length] as Entry;
    return {
      publishedAt,
      paper: {
        id: `26${dayIndex}6.${String(10000 + index).padStart(5, '0')}`,
        title: `${paper.title} (copy ${dayIndex}-${index})`,
        summary: paper.summary,
        authors: paper.authors.map((author) => ({ name: author.name })),
        publishedAt: paper.publishedAt,
      },
    };
  });
  return JSON.stringify(big);
}

interface Outcome {
  papers: number;
  digests: number;
  links: number;
  brought: number;
  lastHfDay: string | null;
}

function inspect(file: string): Outcome {
  const library = openSiftLibrary(file, { beforeMigrate: () => undefined });
  try {
    expect(library.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const one = <T>(sql: string) => library.db.prepare(sql).pluck().get() as T;
    return {
      papers: one('SELECT count(*) FROM papers'),
      digests: one('SELECT count(*) FROM digests'),
      links: one('SELECT count(*) FROM paper_digests'),
      brought: one('SELECT papers_brought FROM subscription_state'),
      lastHfDay: one('SELECT last_hf_day FROM subscription_state'),
    };
  } finally {
    library.close();
  }
}

describe('killing sift fetch in the middle of writing', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: RecordedServices;
  let base: string;
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const today = new Date().toISOString().slice(0, 10);
  beforeAll(async () => {
    temp = makeTempDir('sift-fetch-kill-');
    services = await startRecordedServices();
    services.hfDays.set(yesterday, bigDay(1));
    services.hfDays.set(today, bigDay(2));
    base = path.join(temp.dir, 'base.db');
    const library = openSiftLibrary(base);
    addSubscription(library.db, { kind: 'hf-daily', target: '', includeCrossLists: false, includeReplacements: false, into: 'inbox' }, library.clock);
    library.close();
  });
  afterAll(async () => {
    await services.close();
    temp.cleanup();
  });

  /** Runs `sift fetch` on a copy of the base library; resolves when the last answer has been sent. */
  function fetchInChild(name: string) {
    const file = path.join(temp.dir, `${name}.db`);
    fs.copyFileSync(base, file);
    const served = services.requests.length;
    const child = spawn(process.execPath, [SIFT, 'fetch', '--db', file], {
      env: { ...process.env, SIFT_HF_BASE_URL: services.baseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    const firstAnswer = (async () => {
      while (services.requests.length === served) await new Promise((resolve) => setTimeout(resolve, 2));
    })();
    return { file, child, exited, firstAnswer, stderr: () => stderr };
  }

  it('at every kill point the library holds whole digests only, and the subscription state matches them', async () => {
    const before = inspect(base);
    const full = fetchInChild('full');
    await full.firstAnswer;
    const started = Date.now();
    expect({ ...(await full.exited), stderr: full.stderr() }).toEqual({ code: 0, signal: null, stderr: '' });
    const duration = Date.now() - started;
    const after = inspect(full.file);
    expect(after.papers).toBe(2 * ENTRIES_PER_DAY);
    const afterFirstDay = { papers: ENTRIES_PER_DAY, digests: 1, links: ENTRIES_PER_DAY, brought: ENTRIES_PER_DAY, lastHfDay: yesterday };
    const valid = [before, afterFirstDay, after].map((outcome) => JSON.stringify(outcome));

    const kills = 6;
    let killedMidFetch = 0;
    for (let index = 0; index < kills; index += 1) {
      const running = fetchInChild(`kill-${index}`);
      await running.firstAnswer;
      await new Promise((resolve) => setTimeout(resolve, (duration * index) / (kills - 1)));
      running.child.kill('SIGKILL');
      const exit = await running.exited;
      if (exit.signal === 'SIGKILL') killedMidFetch += 1;
      const outcome = inspect(running.file);
      expect({ index, outcome: valid.includes(JSON.stringify(outcome)) ? 'whole' : outcome }).toEqual({ index, outcome: 'whole' });
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${running.file}${suffix}`, { force: true });
    }
    expect(killedMidFetch).toBeGreaterThanOrEqual(2);
  }, 180_000);
});
