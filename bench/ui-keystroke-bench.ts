// Keystroke to painted results in the real UI: Chromium (Playwright) driving `sift serve` over a library
// of real papers plus synthetic ones (100,000 by default). For each keystroke, the time from the input
// event to the next frame after the list shows the results of that query or a later one (an answer a
// newer keystroke overtook is never painted; the reader waits for the next). Beside it, the baseline of
// the same run: the same keystrokes' searches sent one after another straight to the same server (engine,
// HTTP and JSON, without the browser), so what the window adds can be read off. `npm run bench:ui`:
//   node bench/ui-keystroke-bench.ts [--papers 100000] [--db EXISTING.db] [--queries 40]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { keystrokes } from './keystroke-queries.ts';
import { buildLibrary } from './build-library.ts';
import { readRealCorpus } from './real-corpus.ts';
import { relevanceQueries } from './relevance-queries.ts';
import { percentile, round } from './stats.ts';
import { syntheticCorpus } from './synthetic-papers.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURE = path.resolve(ROOT, '../shared/fixtures/digests/hf-papers-page.txt');
const SEED = 20261204;
/** Between keystrokes: a quick typist. */
const KEY_DELAY_MS = 90;
const log = (line: string) => process.stderr.write(`${line}\n`);
const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};

async function startServe(dbPath: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['src/main/cli/sift.ts', 'serve', '--db', dbPath], { cwd: ROOT });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`sift serve did not start: ${output}`)), 120_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\w+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/** Each keystroke's search as its own request, one at a time, timed from sending to the parsed answer. */
async function apiOnlyTimes(loginUrl: string, queries: readonly string[]): Promise<number[]> {
  const login = await fetch(loginUrl, { redirect: 'manual' });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const endpoint = `${new URL(loginUrl).origin}/api/search%3Aquery`;
  const times: number[] = [];
  for (const query of queries) {
    for (const typed of keystrokes(query)) {
      const started = performance.now();
      const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: typed, limit: 50, offset: 0 }) });
      await response.json();
      times.push(performance.now() - started);
    }
  }
  return times;
}

export async function measureUiKeystrokes(options: { papers?: number; db?: string; queries?: number } = {}): Promise<Record<string, number | string>> {
  const papers = options.papers ?? 100_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-ui-bench-'));
  const real = readRealCorpus();
  const synthetic = syntheticCorpus(FIXTURE, SEED);
  let dbPath = options.db;
  if (!dbPath) {
    log(`ui bench: building ${papers} papers…`);
    const built = buildLibrary(dir, papers, { ...synthetic, paper: (index) => real[index] ?? synthetic.paper(index - real.length + 1_000_000) });
    built.library.close();
    dbPath = built.file;
  }
  spawnSync(process.execPath, ['scripts/ensure-renderer.ts'], { cwd: ROOT, stdio: 'inherit' });
  const titles = real.length ? real.map((paper) => paper.title) : Array.from({ length: 1000 }, (_, index) => synthetic.paper(index).title);
  const queries = relevanceQueries(titles, Math.ceil((options.queries ?? 40) / 3), SEED, () => 1).map((query) => query.text);
  const serve = await startServe(dbPath);
  // The server loads the vocabulary in the background as it opens: let it finish, as a reader would.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const apiOnly = await apiOnlyTimes(serve.url, queries);
  const browser = await chromium.launch({
    executablePath: fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    await page.goto(serve.url);
    await page.getByTestId('count-all').waitFor();
    const box = page.getByRole('searchbox', { name: 'Search papers' });
    await page.evaluate(() => {
      const record = window as unknown as { typed: { value: string; at: number }[]; painted: { value: string; at: number }[] };
      record.typed = [];
      record.painted = [];
      document.addEventListener('input', (event) => record.typed.push({ value: (event.target as HTMLInputElement).value, at: performance.now() }), true);
      let shown: string | undefined;
      let kept: string | undefined;
      new MutationObserver(() => {
        const pane = document.querySelector<HTMLElement>('.list-pane');
        // A query answered with nothing yet, while its last word is still being typed, keeps the last
        // results on screen by design (no flash of "no paper matches"): that answer is painted too.
        for (const [value, previous, remember] of [
          [pane?.dataset.resultsFor, shown, (next: string) => (shown = next)],
          [pane?.dataset.keptFor, kept, (next: string) => (kept = next)],
        ] as const) {
          if (value === undefined || value === previous) continue;
          remember(value);
          // The next frame is the one that paints these rows.
          requestAnimationFrame(() => setTimeout(() => record.painted.push({ value, at: performance.now() }), 0));
        }
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-results-for', 'data-kept-for'] });
    });
    const latencies: number[] = [];
    let first: number | null = null;
    for (const query of queries) {
      await box.fill('');
      await page.waitForTimeout(150);
      await page.evaluate(() => {
        const record = window as unknown as { typed: unknown[]; painted: unknown[] };
        record.typed = [];
        record.painted = [];
      });
      await box.pressSequentially(query, { delay: KEY_DELAY_MS });
      await page.waitForTimeout(400);
      const { typed, painted } = await page.evaluate(() => {
        const record = window as unknown as { typed: { value: string; at: number }[]; painted: { value: string; at: number }[] };
        return { typed: record.typed, painted: record.painted };
      });
      typed.forEach((keystroke, index) => {
        const later = new Set(typed.slice(index).map((entry) => entry.value));
        const paint = painted.find((entry) => entry.at >= keystroke.at && later.has(entry.value));
        if (!paint) return;
        const ms = paint.at - keystroke.at;
        if (first === null) first = ms;
        latencies.push(ms);
      });
    }
    const figures = {
      ui_papers: papers,
      ui_keystrokes: latencies.length,
      ui_first_keystroke_ms: round(first ?? Number.NaN),
      ui_keystroke_to_paint_p50_ms: round(percentile(latencies, 50)),
      ui_keystroke_to_paint_p95_ms: round(percentile(latencies, 95)),
      ui_keystroke_to_paint_max_ms: round(Math.max(...latencies)),
      ui_baseline_api_only_p50_ms: round(percentile(apiOnly, 50)),
      ui_baseline_api_only_p95_ms: round(percentile(apiOnly, 95)),
      ui_load_average_1min: round(os.loadavg()[0] ?? 0, 1),
    };
    log(
      `ui: keystroke to painted results at ${papers} papers: p50 ${figures.ui_keystroke_to_paint_p50_ms} ms, p95 ${figures.ui_keystroke_to_paint_p95_ms} ms (${latencies.length} keystrokes); ` +
        `baseline, the same searches over HTTP without the browser: p50 ${figures.ui_baseline_api_only_p50_ms} ms, p95 ${figures.ui_baseline_api_only_p95_ms} ms (load average ${figures.ui_load_average_1min})`,
    );
    return figures;
  } finally {
    await browser.close();
    serve.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const papers = argument('--papers');
  const queries = argument('--queries');
  const figures = await measureUiKeystrokes({ papers: papers ? Number(papers) : undefined, db: argument('--db'), queries: queries ? Number(queries) : undefined });
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
