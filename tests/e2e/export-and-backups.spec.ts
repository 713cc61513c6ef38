import fs from 'node:fs';
import { expect, SHARED_DIGEST, screenshotPath, test } from './support/serve-fixture.ts';
import { writeOlderSiftBackup } from '../support/older-sift-backup.ts';

test('exporting the to-read queue to BibTeX from the UI gives a file with those papers', async ({ page, sift }) => {
  expect((await sift.cli('import', SHARED_DIGEST)).code).toBe(0);
  const inbox = JSON.parse((await sift.cli('list', '--json', '--limit', '3')).stdout) as { id: number; title: string }[];
  expect((await sift.cli('mark', ...inbox.map((paper) => String(paper.id)), '--status', 'to-read')).code).toBe(0);

  await page.goto(sift.url);
  await page.getByRole('button', { name: /To read/ }).first().click();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel(/BibTeX/).check();
  await expect(dialog.getByLabel('Queue to export')).toHaveValue('to-read');
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.bib$/);
  const bibtex = fs.readFileSync(await download.path(), 'utf8');
  expect(bibtex.match(/^@\w+\{/gm)).toHaveLength(3);
  expect(bibtex).toContain('Sparsifiner');
  await expect(dialog).toContainText('Exported 3 papers');
});

test('a backup made in Settings can be restored there, bringing the library back', async ({ page, sift }) => {
  expect((await sift.cli('import', SHARED_DIGEST)).code).toBe(0);
  await page.goto(sift.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByText(/Library:/)).toBeVisible();
  const before = await settings.getByRole('button', { name: 'Restore…' }).count();
  await settings.getByRole('button', { name: 'Back up now' }).click();
  await expect(settings.getByRole('button', { name: 'Restore…' })).toHaveCount(before + 1);
  // Every backup says whether it passed its integrity check.
  await expect(settings.getByRole('row').first()).toContainText('✓ verified');
  await expect(settings.getByText('not verified')).toHaveCount(0);
  await settings.getByRole('button', { name: 'Done' }).click();

  // After the backup, the reader skips the whole inbox.
  await page.keyboard.press('Control+a');
  await page.keyboard.press('x');
  await expect(page.getByTestId('count-skipped')).toHaveText('58');

  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(settings.getByRole('button', { name: 'Restore…' })).not.toHaveCount(0);
  await settings.getByRole('row').filter({ hasText: '58 papers' }).last().getByRole('button', { name: 'Restore…' }).click();
  await page.screenshot({ path: screenshotPath('settings-restore') });
  await settings.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(settings).toContainText('Restored the library');
  await settings.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('count-inbox')).toHaveText('58');
  await expect(page.getByTestId('count-skipped')).toHaveText('0');
});

test('a backup an older Sift made is listed in Settings, marked as such, and can be restored', async ({ page, sift }) => {
  expect((await sift.cli('import', SHARED_DIGEST)).code).toBe(0);
  writeOlderSiftBackup(sift.dbPath, '2026-11-20T07-00-00-000Z', 'daily', ['A paper from an older Sift', 'Another one from back then']);
  await page.goto(sift.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const older = settings.getByRole('row').filter({ hasText: 'older Sift' });
  await expect(older).toHaveCount(1);
  await expect(older).toContainText('2 papers');
  await expect(older).toContainText('not verified');
  await older.getByRole('button', { name: 'Restore…' }).click();
  await expect(settings.getByRole('alertdialog', { name: 'Confirm restore' })).toContainText('An older Sift made this backup');
  await page.screenshot({ path: screenshotPath('settings-older-sift-backup') });
  await settings.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(settings).toContainText('Restored the library');
  await settings.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('count-inbox')).toHaveText('2');
});
