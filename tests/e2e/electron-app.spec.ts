import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron } from '@playwright/test';
import { expect, ROOT, SHARED_DIGEST, screenshotPath, test } from './support/serve-fixture.ts';

/** The Electron binary, if this machine has one (it is fetched lazily from a host CI cannot reach). */
function electronBinary(): string | null {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: ROOT, encoding: 'utf8' });
  return probe.status === 0 && probe.stdout && fs.existsSync(probe.stdout) ? probe.stdout : null;
}

const binary = electronBinary();
test.skip(!binary, 'No Electron binary on this machine (it cannot be downloaded here); the same flow runs in Chromium against `sift serve`.');

test.describe('the desktop app', () => {
  let dir: string;
  test.beforeAll(() => {
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
    expect(build.status).toBe(0);
  });
  test.beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-electron-'));
  });
  test.afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('imports the shared digest and shows a paper, inside a sandboxed window', async () => {
    const dbPath = path.join(dir, 'library.db');
    const app = await electron.launch({ executablePath: binary ?? undefined, args: [ROOT, '--db', dbPath], cwd: ROOT });
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Welcome to Sift' })).toBeVisible();

    // The page has no Node: only the typed bridge.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys((globalThis as { sift?: object }).sift ?? {}).sort())).toEqual(['api', 'onMenuCommand']);

    await page.getByTestId('import-input').setInputFiles(SHARED_DIGEST);
    await expect(page.getByTestId('count-inbox')).toHaveText('58');
    await page.getByRole('option', { name: /SpikMamba/ }).click();
    await expect(page.getByRole('region', { name: 'Abstract' })).toContainText('Human action recognition (HAR)');

    // Navigation away from the app is refused.
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toContain('index.html');
    await page.screenshot({ path: screenshotPath('electron-inbox') });
    await app.close();
    expect(fs.existsSync(dbPath)).toBe(true);
  });

  test('For you learns in the app\'s own learning process and ranks the inbox', async () => {
    const dbPath = path.join(dir, 'library.db');
    const app = await electron.launch({ executablePath: binary ?? undefined, args: [ROOT, '--db', dbPath], cwd: ROOT });
    const page = await app.firstWindow();
    await page.getByTestId('import-input').setInputFiles(SHARED_DIGEST);
    await expect(page.getByTestId('count-inbox')).toHaveText('58');
    // A reader's history through the window's own typed API: papers on attention and language models kept, twenty others skipped.
    await page.evaluate(async () => {
      type Paper = { id: number; title: string };
      const api = (globalThis as unknown as { sift: { api: Record<string, (args: unknown) => Promise<unknown>> } }).sift.api;
      const { papers } = (await api.listPapers?.({ queue: 'inbox', limit: 100 })) as { papers: Paper[] };
      const topic = papers.filter((paper) => /attention|llm|language model/i.test(paper.title));
      const others = papers.filter((paper) => !/attention|llm|language model/i.test(paper.title));
      await api.setStatus?.({ ids: topic.slice(0, 10).map((paper) => paper.id), status: 'read' });
      await api.setStatus?.({ ids: others.slice(0, 20).map((paper) => paper.id), status: 'skipped' });
    });
    await page.reload();
    await page.getByRole('radio', { name: 'For you' }).click();
    await expect(page.getByTestId('score-badge').first()).toBeVisible({ timeout: 60_000 });
    const titles = await page.locator('.paper-row__title').allTextContents();
    expect(titles.slice(0, 5).filter((title) => /attention|llm|language model/i.test(title)).length).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: screenshotPath('electron-for-you') });
    await app.close();
  });
});
