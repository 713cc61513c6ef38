import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { manyPapers } from '../../src/main/library/import/testing/many-papers.ts';
import { renderHfJson } from '../../src/main/library/import/testing/sample-papers.ts';
import { expect, SHARED_DIGEST, screenshotPath, test } from './support/serve-fixture.ts';

/**
 * 10,000 papers of daily-papers JSON (abstracts cut to their first lines: 4 MB, so the browser's upload
 * does not dominate), written to the test's folder and handed to the file input by path.
 */
function bigFile(dir: string): string {
  const file = path.join(dir, 'daily-papers-10k.json');
  fs.writeFileSync(file, renderHfJson(manyPapers(10_000).map((paper) => ({ ...paper, abstract: paper.abstract.slice(0, 300) }))));
  return file;
}

interface ImportWatch {
  /** Every distinct value the bar showed, in order. */
  seen: number[];
  texts: string[];
  endedAt: number;
  searchAnsweredAt: number;
  barShownWhenAnswered: boolean;
  cancelledAt: number;
}

/**
 * Watches the page from inside it, so nothing depends on how fast the test driver is: records each value
 * the import bar shows and when it goes away; as soon as the bar appears it types a query into the search
 * box a key at a time, as a person would; with `cancelWhen`, it clicks Cancel once the bar's text matches.
 */
async function watchImport(page: Page, options: { typeQuery?: string; cancelWhen?: string }): Promise<void> {
  await page.evaluate(({ typeQuery, cancelWhen }) => {
    const watch: ImportWatch = { seen: [], texts: [], endedAt: 0, searchAnsweredAt: 0, barShownWhenAnswered: false, cancelledAt: 0 };
    (window as unknown as { importWatch: ImportWatch }).importWatch = watch;
    let typing = false;
    const typeSlowly = (input: HTMLInputElement, text: string) => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      [...text].forEach((_, index) => {
        window.setTimeout(() => {
          setValue?.call(input, text.slice(0, index + 1));
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }, 40 * index);
      });
    };
    new MutationObserver(() => {
      const status = document.querySelector<HTMLElement>('[role="status"][aria-label="Import progress"]');
      const bar = status?.querySelector('[role="progressbar"]');
      if (status && bar) {
        const value = Number(bar.getAttribute('aria-valuenow'));
        if (watch.seen.at(-1) !== value) watch.seen.push(value);
        if (watch.texts.at(-1) !== status.textContent) watch.texts.push(status.textContent ?? '');
        const input = document.querySelector<HTMLInputElement>('input[aria-label="Search papers"]');
        if (typeQuery && !typing && input) {
          typing = true;
          typeSlowly(input, typeQuery);
        }
        if (cancelWhen && !watch.cancelledAt && status.textContent?.includes(cancelWhen)) {
          watch.cancelledAt = performance.now();
          [...status.querySelectorAll('button')].find((button) => button.textContent === 'Cancel')?.click();
        }
      } else if (watch.seen.length && !watch.endedAt) watch.endedAt = performance.now();
      if (!watch.searchAnsweredAt && document.querySelector('[role="option"]')?.textContent?.includes('SpikMamba')) {
        watch.searchAnsweredAt = performance.now();
        watch.barShownWhenAnswered = Boolean(document.querySelector('[role="progressbar"][aria-label="Import progress"]'));
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  }, options);
}

// One import at a time: two big imports side by side on a small machine measure the machine.
test.describe.configure({ mode: 'serial' });

const importWatch = (page: Page) => page.evaluate(() => (window as unknown as { importWatch: ImportWatch }).importWatch);

test('while a 10,000-paper file imports, search answers and the progress bar moves', async ({ page, sift }) => {
  test.setTimeout(240_000);
  expect((await sift.cli('import', SHARED_DIGEST)).code).toBe(0);
  await page.goto(sift.url);
  await expect(page.getByTestId('count-all')).toHaveText('58');
  await page.keyboard.press('/');
  await watchImport(page, { typeQuery: 'spikmamba' });

  await page.getByTestId('import-input').setInputFiles(bigFile(sift.dir));
  await page.screenshot({ path: screenshotPath('import-progress') });
  const report = page.getByRole('status', { name: 'Import report' });
  await expect(report).toContainText('10,000 new', { timeout: 200_000 });
  await page.screenshot({ path: screenshotPath('import-progress-done') });

  const watch = await importWatch(page);
  // The search was answered while the bar was still up: the import never held the library's thread.
  expect(watch.searchAnsweredAt).toBeGreaterThan(0);
  expect(watch.barShownWhenAnswered).toBe(true);
  expect(watch.endedAt).toBeGreaterThan(watch.searchAnsweredAt);
  // The bar moved forward through several values, never back.
  expect(new Set(watch.seen).size).toBeGreaterThanOrEqual(3);
  expect(watch.seen).toEqual([...watch.seen].sort((a, b) => a - b));
  expect(watch.texts.some((text) => /of 10,000 papers written/.test(text))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('count-all')).toHaveText('10,058');
});

// Cancelled at a point the import cannot have passed: another program (a `sift` command, say) holds the
// library's write lock, so the import reads its 10,000 papers and then waits, saying so; Cancel is
// clicked while it waits. (Cancelling as soon as the bar appeared raced a fast import to its commit.)
// import-jobs.test.ts also cancels while reading and while writing.
test('cancelling a big import leaves the library exactly as it was', async ({ page, sift }) => {
  test.setTimeout(240_000);
  expect((await sift.cli('import', SHARED_DIGEST)).code).toBe(0);
  const before = (await sift.cli('export', '--format', 'json')).stdout;
  await page.goto(sift.url);
  await expect(page.getByTestId('count-all')).toHaveText('58');
  await watchImport(page, { cancelWhen: 'waiting for another Sift process' });

  const report = page.getByRole('status', { name: 'Import report' });
  const otherWriter = new Database(sift.dbPath);
  otherWriter.exec('BEGIN IMMEDIATE');
  try {
    await page.getByTestId('import-input').setInputFiles(bigFile(sift.dir));
    await expect(report.getByRole('alert')).toContainText('daily-papers-10k.json: the import was cancelled; nothing was added', { timeout: 200_000 });
  } finally {
    otherWriter.exec('ROLLBACK');
    otherWriter.close();
  }
  expect((await importWatch(page)).texts).toContainEqual(expect.stringContaining('10,000 papers found; waiting for another Sift process to finish writing'));
  await page.screenshot({ path: screenshotPath('import-cancelled') });
  expect((await importWatch(page)).cancelledAt).toBeGreaterThan(0);
  await expect(report.getByText('Import cancelled', { exact: true })).toBeVisible();
  await expect(page.getByTestId('count-all')).toHaveText('58');
  const after = (await sift.cli('export', '--format', 'json')).stdout;
  expect(withoutExportTime(after)).toBe(withoutExportTime(before));
});

function withoutExportTime(json: string): string {
  return json.replace(/"exportedAt":\s*"[^"]*"/, '');
}
