import fs from 'node:fs';
import { expect, SHARED_DIGEST, screenshotPath, test } from './support/serve-fixture.ts';

const digestText = fs.readFileSync(SHARED_DIGEST, 'utf8');

test('dropping a digest file on the window imports it and reports what came in', async ({ page, sift }) => {
  await page.goto(sift.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Sift' })).toBeVisible();
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped-digest.txt', { type: 'text/plain' }));
    return transfer;
  }, digestText);
  await page.dispatchEvent('.app', 'dragover', { dataTransfer });
  await expect(page.locator('.app--dragging')).toBeVisible();
  await page.dispatchEvent('.app', 'drop', { dataTransfer });
  const report = page.getByRole('status', { name: 'Import report' });
  await expect(report).toContainText('dropped-digest.txt');
  await expect(report).toContainText('58 new');
  await report.getByRole('button', { name: 'Show the 58 new' }).click();
  await expect(page.getByTestId('list-count')).toContainText('58 papers');
});

test('pasting copied text outside a field previews it, and Import brings the papers in', async ({ page, sift }) => {
  await page.goto(sift.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Sift' })).toBeVisible();
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, digestText);
  const dialog = page.getByRole('dialog', { name: 'Paste a digest' });
  await expect(dialog).toContainText('58 papers found (58 new to your library)');
  await expect(dialog).toContainText('SpikMamba: When SNN meets Mamba');
  await page.screenshot({ path: screenshotPath('paste-preview') });
  await dialog.getByRole('button', { name: 'Import 58' }).click();
  await expect(page.getByTestId('count-inbox')).toHaveText('58');
  await expect(page.getByRole('status', { name: 'Import report' })).toContainText('Pasted text');
});

test('cancelling a paste writes nothing', async ({ page, sift }) => {
  await page.goto(sift.url);
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, digestText);
  await page.getByRole('dialog', { name: 'Paste a digest' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('count-all')).toHaveText('0');
});

test('a broken file gets one clear message naming it, and the library is unchanged', async ({ page, sift }) => {
  expect((await sift.cli('import', SHARED_DIGEST)).code).toBe(0);
  await page.goto(sift.url);
  await expect(page.getByTestId('count-all')).toHaveText('58');
  await page.getByTestId('import-input').setInputFiles([
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'binary.bin', mimeType: 'application/octet-stream', buffer: Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7, 8]) },
  ]);
  const report = page.getByRole('status', { name: 'Import report' });
  await expect(report.getByRole('alert')).toHaveCount(2);
  await expect(report).toContainText('empty.txt is empty');
  await expect(report).toContainText('binary.bin');
  await expect(page.getByTestId('count-all')).toHaveText('58');
  await page.screenshot({ path: screenshotPath('import-errors') });
});
