// The morning loop from the keyboard: where am I (toast, progress, done screen), tags, notes, copying.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, ROOT, SHARED_DIGEST, screenshotPath, test } from './support/serve-fixture.ts';
import type { SiftServer } from './support/serve-fixture.ts';

const THREE = path.join(ROOT, 'tests/fixtures/real/hf-daily-papers-3.json');
const THIRTY = path.join(ROOT, 'tests/fixtures/real/hf-daily-papers-30.json');

async function openWith(page: Page, sift: SiftServer, ...files: string[]) {
  for (const file of files) expect((await sift.cli('import', file)).code).toBe(0);
  await page.goto(sift.url);
  await expect(page.getByRole('option').first()).toBeVisible();
}

test('a paper leaving the view says so, with an Undo that brings it back', async ({ page, sift }) => {
  await openWith(page, sift, SHARED_DIGEST);
  const first = await page.locator('.paper-row__title').first().textContent();
  await page.keyboard.press('t');
  const toast = page.getByTestId('toast');
  await expect(toast).toContainText(`Moved “${(first ?? '').slice(0, 20)}`);
  await expect(toast).toContainText('to To read');
  await toast.getByRole('button', { name: /Undo/ }).click();
  await expect(page.getByTestId('count-inbox')).toHaveText('58');
  await expect(page.locator('.paper-row__title').first()).toHaveText(first ?? '');
});

test('the list header counts the digest in hand, and its end shows what was kept and the next digest', async ({ page, sift }) => {
  await openWith(page, sift, THIRTY, THREE);
  const progress = page.getByTestId('digest-progress');
  await expect(progress).toHaveText('0 of 3 triaged');
  const kept = await page.locator('.paper-row__title').first().textContent();
  await page.keyboard.press('t');
  await expect(progress).toHaveText('1 of 3 triaged');
  await page.keyboard.press('x');
  await page.keyboard.press('x');
  const done = page.getByTestId('done-screen');
  await expect(done).toContainText('Digest 2026-08-03 · HF daily JSON done');
  await expect(done).toContainText('3 papers triaged: 1 to read, 0 read, 2 skipped');
  await expect(done.getByRole('listitem')).toHaveText([kept ?? '']);
  await expect(done.getByRole('button', { name: /Next: Digest 2026-06-12/ })).toContainText('30 papers waiting');
  await page.screenshot({ path: screenshotPath('done-screen') });
  await page.keyboard.press('Enter');
  await expect(done).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Digest 2026-06-12' })).toBeVisible();
  await expect(progress).toHaveText('0 of 30 triaged');
});

test('l opens a tag picker that completes existing tags; n writes a note; Esc returns to the list', async ({ page, sift }) => {
  await openWith(page, sift, SHARED_DIGEST);
  const paper = page.getByRole('article', { name: 'Paper' });
  await page.keyboard.press('l');
  const picker = page.getByRole('dialog', { name: 'Tag' });
  await page.keyboard.type('sparse-attention');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(paper.locator('.tag-chip')).toHaveText(['sparse-attention×']);

  await page.keyboard.press('j');
  await page.keyboard.press('#');
  await page.keyboard.type('spa');
  await expect(picker.getByRole('option', { selected: true })).toHaveText(/#sparse-attention/);
  await page.screenshot({ path: screenshotPath('tag-picker') });
  await page.keyboard.press('Enter');
  await expect(paper.locator('.tag-chip')).toHaveText(['sparse-attention×']);
  await expect(page.locator('.sidebar__tag-row')).toContainText('2');

  await page.keyboard.press('n');
  await expect(paper.getByLabel(/Note/)).toBeFocused();
  await page.keyboard.type('Baseline for the ablation.');
  await page.keyboard.press('Escape');
  await expect(paper.getByLabel(/Note/)).not.toBeFocused();
  await page.keyboard.press('e');
  await expect(paper).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(paper).not.toBeFocused();
  await page.keyboard.press('k');
  await expect(paper.getByLabel(/Note/)).toHaveValue('');
});

test('c copies the BibTeX of the selection, y the link, and the context menu offers both', async ({ page, sift, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openWith(page, sift, THREE);
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  await page.keyboard.press('J');
  await page.keyboard.press('c');
  await expect(page.getByTestId('toast')).toContainText('Copied the BibTeX of 2 papers');
  expect((await clipboard()).match(/^@\w+\{/gm)).toHaveLength(2);
  await page.keyboard.press('j');
  await page.keyboard.press('y');
  await expect(page.getByTestId('toast')).toContainText('Copied https://arxiv.org/abs/');
  expect(await clipboard()).toMatch(/^https:\/\/arxiv\.org\/abs\/\d{4}\.\d{5}$/);

  await page.getByRole('option').first().click({ button: 'right' });
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem')).toContainText(['Tag…', 'Open link', 'Copy BibTeX']);
  await menu.getByRole('menuitem', { name: /Copy BibTeX/ }).click();
  await expect(page.getByTestId('toast')).toContainText('Copied the BibTeX of 1 paper');
});

test('export takes the selection and copies it to the clipboard', async ({ page, sift, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openWith(page, sift, THREE);
  await page.keyboard.press('J');
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByLabel(/The selection \(2 papers\)/)).toBeChecked();
  await dialog.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(dialog).toContainText('Copied 2 papers to the clipboard.');
  expect((await page.evaluate(() => navigator.clipboard.readText())).match(/^@\w+\{/gm)).toHaveLength(2);
});

test('? groups the shortcuts and lists the search filters', async ({ page, sift }) => {
  await openWith(page, sift, SHARED_DIGEST);
  await page.keyboard.press('?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  for (const group of ['Move', 'Triage', 'Organise', 'Search and views', 'Search syntax']) {
    await expect(overlay.getByRole('heading', { name: group })).toBeVisible();
  }
  await expect(overlay.getByRole('region', { name: 'Search syntax' })).toContainText('tag:NAME');
  await expect(overlay.getByRole('region', { name: 'Organise' })).toContainText('Copy BibTeX');
  await page.screenshot({ path: screenshotPath('shortcut-overlay') });
});

test('the sidebar folds away and rows fit on one line; an empty library cannot be exported', async ({ page, sift }) => {
  await page.goto(sift.url);
  await expect(page.getByRole('region', { name: 'Welcome' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export' })).toBeDisabled();
  expect((await sift.cli('import', SHARED_DIGEST)).code).toBe(0);
  await expect(page.getByRole('option').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export' })).toBeEnabled();
  await page.keyboard.press('\\');
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeHidden();
  await page.getByRole('button', { name: 'Show the sidebar' }).click();
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  const row = page.getByRole('option').first();
  const tall = (await row.boundingBox())?.height ?? 0;
  const compact = page.getByRole('button', { name: 'Compact rows' });
  if ((await compact.getAttribute('aria-pressed')) === 'true') await compact.click();
  await compact.click();
  await expect(compact).toHaveAttribute('aria-pressed', 'true');
  const short = (await row.boundingBox())?.height ?? 0;
  expect(short).toBeLessThan(40);
  expect(short).toBeLessThan(tall);
});
