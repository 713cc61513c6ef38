import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, SHARED_DIGEST, screenshotPath, test } from './support/serve-fixture.ts';

async function counts(page: Page) {
  const read = async (queue: string) => Number((await page.getByTestId(`count-${queue}`).textContent())?.replace(/\D/g, ''));
  return { inbox: await read('inbox'), toRead: await read('to-read'), starred: await read('starred'), skipped: await read('skipped') };
}

async function openWithDigest(page: Page, sift: { url: string; cli: (...args: string[]) => Promise<{ code: number }> }) {
  expect((await sift.cli('import', SHARED_DIGEST)).code).toBe(0);
  await page.goto(sift.url);
  await expect(page.getByTestId('count-inbox')).toHaveText('58');
  await expect(page.getByRole('option').first()).toBeVisible();
}

test('a morning triage by keyboard alone survives a reload', async ({ page, sift }) => {
  await openWithDigest(page, sift);
  const titles = await page.locator('.paper-row__title').allTextContents();

  await page.keyboard.press('t');
  await page.keyboard.press('t');
  await page.keyboard.press('j');
  await page.keyboard.press('t');
  await page.keyboard.press('s');
  await expect(page.getByTestId('count-to-read')).toHaveText('3');
  await expect(page.getByTestId('count-starred')).toHaveText('1');
  await page.screenshot({ path: screenshotPath('triage-inbox') });

  await page.keyboard.press('Control+a');
  await page.keyboard.press('x');
  await expect(page.getByTestId('count-skipped')).toHaveText('55');
  await expect(page.getByRole('heading', { name: 'Inbox zero' })).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('count-to-read')).toHaveText('3');
  expect(await counts(page)).toEqual({ inbox: 0, toRead: 3, starred: 1, skipped: 55 });

  await page.keyboard.press('g');
  await page.keyboard.press('t');
  await expect(page.getByRole('heading', { name: 'To read', level: 1 })).toBeVisible();
  // The first, second and fourth papers of the digest, in the order they were queued.
  await expect(page.locator('.paper-row__title')).toHaveText([titles[0] ?? '', titles[1] ?? '', titles[3] ?? '']);

  await page.keyboard.press('u');
  await expect(page.getByTestId('count-skipped')).toHaveText('0');
  await expect(page.getByTestId('count-inbox')).toHaveText('55');
});

test('the reader reorders to-read by keyboard and by dragging', async ({ page, sift }) => {
  await openWithDigest(page, sift);
  const titles = (await page.locator('.paper-row__title').allTextContents()).slice(0, 4);
  for (let index = 0; index < 4; index += 1) await page.keyboard.press('t');
  await expect(page.getByTestId('count-to-read')).toHaveText('4');
  await page.getByRole('button', { name: /To read/ }).first().click();
  const rows = page.locator('.paper-row__title');
  await expect(rows).toHaveText(titles);

  await page.keyboard.press('Alt+ArrowDown');
  await expect(rows).toHaveText([titles[1], titles[0], titles[2], titles[3]] as string[]);
  // The cursor follows the moved paper (now second); one down is the third.
  await page.keyboard.press('j');
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect(rows).toHaveText([titles[2], titles[1], titles[0], titles[3]] as string[]);

  await page.getByRole('option', { name: titles[3] }).dragTo(page.getByRole('option', { name: titles[2] }));
  await expect(rows).toHaveText([titles[3], titles[2], titles[1], titles[0]] as string[]);
  await page.screenshot({ path: screenshotPath('to-read') });
});

test('tags and notes stay when the digest is imported again', async ({ page, sift }) => {
  await openWithDigest(page, sift);
  await page.getByRole('option', { name: /SpikMamba/ }).click();
  const paper = page.getByRole('article', { name: 'Paper' });
  await paper.getByLabel('Add a tag').fill('spiking');
  await paper.getByLabel('Add a tag').press('Enter');
  await expect(paper.locator('.tag-chip')).toHaveText(['spiking×']);
  await paper.getByLabel(/Note/).fill('Compare with the event-camera baseline in Table 2.');
  await expect(paper.getByText('saved', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await paper.getByRole('button', { name: /Star/ }).click();
  await paper.getByRole('button', { name: /To read/ }).click();
  await expect(page.getByTestId('count-to-read')).toHaveText('1');

  // A second copy of the same page (not byte-identical), imported by another process.
  const copy = path.join(sift.dir, 'hf-again.txt');
  fs.writeFileSync(copy, `${fs.readFileSync(SHARED_DIGEST, 'utf8')}\n\n`);
  expect((await sift.cli('import', copy)).code).toBe(0);
  await expect(page.locator('.sidebar__item--digest')).toHaveCount(2); // the window saw the other process's import

  await page.getByRole('button', { name: /To read/ }).first().click();
  await page.getByRole('option', { name: /SpikMamba/ }).click();
  await expect(paper.locator('.tag-chip')).toHaveText(['spiking×']);
  await expect(paper.getByLabel(/Note/)).toHaveValue('Compare with the event-camera baseline in Table 2.');
  await expect(paper.getByRole('button', { name: /Starred/ })).toBeVisible();
  await expect(paper).toContainText('Seen in 2 digests');
  await page.screenshot({ path: screenshotPath('paper-with-tags-and-note') });

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: screenshotPath('dark-theme') });
});

test('? shows every shortcut', async ({ page, sift }) => {
  await openWithDigest(page, sift);
  await page.keyboard.press('?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(overlay).toBeVisible();
  for (const action of ['Move to To read', 'Mark read', 'Star / unstar', 'Skip', 'Undo', 'Search']) {
    await expect(overlay).toContainText(action);
  }
  await page.screenshot({ path: screenshotPath('shortcut-overlay') });
  await page.keyboard.press('Escape');
  await expect(overlay).toBeHidden();
});
