// The seven bugs of issue 13, each as a reader meets it in the browser UI.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, ROOT, SHARED_DIGEST, test } from './support/serve-fixture.ts';
import type { SiftServer } from './support/serve-fixture.ts';

const RIS = path.join(ROOT, 'tests/fixtures/real/zotero-export-14.ris');
const HF_DAILY = path.join(ROOT, 'tests/fixtures/real/hf-daily-papers-3.json');

async function importFiles(sift: SiftServer, ...files: string[]) {
  for (const file of files) expect((await sift.cli('import', file)).code).toBe(0);
}

function writeFile(sift: SiftServer, name: string, text: string): string {
  const file = path.join(sift.dir, name);
  fs.writeFileSync(file, text);
  return file;
}

async function open(page: Page, sift: SiftServer) {
  await page.goto(sift.url);
  await expect(page.getByRole('option').first()).toBeVisible();
}

test('o opens the paper in a new tab: the serve bridge says it did not open it', async ({ page, sift }) => {
  await importFiles(sift, HF_DAILY);
  // No network here: the new tab's page is answered locally, so its address can be checked.
  await page.context().route(/^https:\/\/arxiv\.org\//, (route) => route.fulfill({ body: 'arXiv', contentType: 'text/plain' }));
  await open(page, sift);
  await expect(page.getByRole('article', { name: 'Paper' })).toBeVisible();
  const popup = page.waitForEvent('popup');
  await page.keyboard.press('o');
  expect((await popup).url()).toMatch(/^https:\/\/arxiv\.org\/abs\/\d{4}\.\d{5}/);
});

test('Esc leaves the note field for the list: the next j moves instead of typing', async ({ page, sift }) => {
  await importFiles(sift, SHARED_DIGEST);
  await open(page, sift);
  const paper = page.getByRole('article', { name: 'Paper' });
  const firstTitle = await paper.getByRole('heading').textContent();
  await paper.getByLabel(/Note/).click();
  await page.keyboard.type('Compare with the table.');
  await page.keyboard.press('Escape');
  await page.keyboard.press('j');
  await expect(paper.getByRole('heading')).not.toHaveText(firstTitle ?? '');
  await page.keyboard.press('k');
  await expect(paper.getByLabel(/Note/)).toHaveValue('Compare with the table.');
});

test('a note saved after its paper was opened again is shown, not the note it had before', async ({ page, sift }) => {
  await importFiles(sift, SHARED_DIGEST);
  // The save answers late, after the paper has been loaded again (a busy machine, a slow disk).
  await page.route(/\/api\/papers%3Aset-note$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await open(page, sift);
  const paper = page.getByRole('article', { name: 'Paper' });
  const firstTitle = await paper.getByRole('heading').textContent();
  await paper.getByLabel(/Note/).click();
  await page.keyboard.type('Check the ablation.');
  await page.keyboard.press('Escape');
  await page.keyboard.press('j');
  await expect(paper.getByRole('heading')).not.toHaveText(firstTitle ?? '');
  await page.keyboard.press('k');
  await expect(paper.getByRole('heading')).toHaveText(firstTitle ?? '');
  await expect(paper.getByLabel(/Note/)).toHaveValue('Check the ablation.');
});

test("with several papers selected the detail pane's buttons act on all of them, and the count forgets papers that left", async ({ page, sift }) => {
  await importFiles(sift, SHARED_DIGEST);
  await open(page, sift);
  await page.keyboard.press('J');
  await page.keyboard.press('J');
  await expect(page.getByTestId('list-count')).toContainText('3 selected');
  const paper = page.getByRole('article', { name: 'Paper' });
  await expect(paper.getByTestId('selection-note')).toContainText('all 3 selected');
  await paper.getByRole('button', { name: /^Read/ }).click();
  await expect(page.getByTestId('count-read')).toHaveText('3');
  await expect(page.getByTestId('count-inbox')).toHaveText('55');
  await expect(page.getByTestId('list-count')).toHaveText('55 papers');
});

test('files imported the same day keep their own order, and a dateless digest sorts by arrival', async ({ page, sift }) => {
  const ids = writeFile(sift, 'ids.txt', 'arXiv:1706.03762\nhttps://arxiv.org/abs/2005.14165\narXiv:1810.04805\n');
  await importFiles(sift, SHARED_DIGEST, RIS, ids);
  await open(page, sift);
  const titles = page.locator('.paper-row__title');
  await expect(titles.nth(0)).toHaveText('arXiv:1706.03762');
  await expect(titles.nth(1)).toHaveText('arXiv:2005.14165');
  await expect(titles.nth(2)).toHaveText('arXiv:1810.04805');
  // Then the RIS file, whole and in its own order, then the dated Hugging Face page.
  await expect(titles.nth(3)).toHaveText(/^Advanced millimeter-wave technologies/);
  await expect(titles.nth(4)).toHaveText(/^Far-infrared time-domain spectroscopy/);
  await expect(page.locator('.sidebar__digest-source')).toHaveText(['Links', 'RIS', 'Hugging Face']);
});

test('numbers are written one way everywhere', async ({ page, sift }) => {
  const many = Array.from({ length: 1200 }, (_, index) => `arXiv:2401.${String(10000 + index).padStart(5, '0')}`).join('\n');
  const file = writeFile(sift, 'twelve-hundred.txt', many);
  await page.goto(sift.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Sift' })).toBeVisible();
  await page.getByTestId('import-input').setInputFiles(file);
  const report = page.getByRole('status', { name: 'Import report' });
  await expect(report).toContainText('1 file · 1,200 new');
  await expect(report.getByRole('button', { name: 'Show the 1,200 new' })).toBeVisible();
  await expect(page.getByTestId('count-inbox')).toHaveText('1,200');
  await page.keyboard.press('Escape');
  await expect(report).toBeHidden();
  await page.getByTestId('count-inbox').click();
  await expect(page.getByTestId('list-count')).toHaveText('1,200 papers');
  await page.keyboard.press('/');
  await page.keyboard.type('in:inbox');
  await expect(page.getByTestId('list-count')).toHaveText('1,200 found');
});

test('a missing abstract is promised only where a digest can fill it in; pasted ids say they are id-only', async ({ page, sift }) => {
  const ids = writeFile(sift, 'ids.txt', 'arXiv:1706.03762\n');
  await importFiles(sift, RIS, ids);
  await open(page, sift);
  const paper = page.getByRole('article', { name: 'Paper' });
  await page.getByRole('option', { name: /Far-infrared time-domain spectroscopy/ }).click();
  await expect(paper).toContainText('The RIS record has no abstract.');
  await expect(paper).not.toContainText('later');
  await page.getByRole('option', { name: /arXiv:1706.03762/ }).click();
  await expect(paper.getByTestId('id-only')).toHaveText('Known by its id only');
  await expect(paper).toContainText('Only the id is known');
  await expect(page.getByRole('option', { name: /arXiv:1706.03762/ })).toContainText('id only');
});

test('a digest dated 9999-12-31 does not stay above papers that arrived after it', async ({ page, sift }) => {
  const future = writeFile(
    sift,
    'future.json',
    JSON.stringify([{ paper: { id: '2401.00001', title: 'A paper from a mistyped date', summary: 'Text.', authors: [] }, publishedAt: '9999-12-31T00:00:00.000Z' }]),
  );
  const ids = writeFile(sift, 'ids.txt', 'arXiv:1706.03762\n');
  await importFiles(sift, future, ids);
  await open(page, sift);
  await expect(page.locator('.paper-row__title')).toHaveText(['arXiv:1706.03762', 'A paper from a mistyped date']);
});
