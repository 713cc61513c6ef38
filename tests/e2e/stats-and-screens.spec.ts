// The Stats view, and the screens of the morning loop at 1440×900 and 1024×700 in light and dark.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, ROOT, SHARED_DIGEST, screenshotPath, test } from './support/serve-fixture.ts';
import type { SiftServer } from './support/serve-fixture.ts';

const REAL = path.join(ROOT, 'tests/fixtures/real');
const SIZES = [
  { name: '1440', width: 1440, height: 900 },
  { name: '1024', width: 1024, height: 700 },
] as const;
const THEMES = ['light', 'dark'] as const;

async function morning(page: Page, sift: SiftServer) {
  for (const file of [SHARED_DIGEST, path.join(REAL, 'hf-daily-papers-30.json'), path.join(REAL, 'hf-daily-papers-3.json'), path.join(REAL, 'zotero-export-14.ris')]) {
    expect((await sift.cli('import', file)).code).toBe(0);
  }
  await page.goto(sift.url);
  await expect(page.getByRole('option').first()).toBeVisible();
}

test('the stats view shows the morning just done, and sift stats --json says the same', async ({ page, sift }) => {
  await morning(page, sift);
  await page.keyboard.press('t');
  await page.keyboard.press('x');
  await page.keyboard.press('r');
  await expect(page.getByTestId('count-inbox')).toHaveText('102');
  await page.keyboard.press('g');
  await page.keyboard.press('v');
  const stats = page.getByRole('region', { name: 'Stats' });
  await expect(stats.getByTestId('stat-arrived')).toContainText('105');
  await expect(stats.getByTestId('stat-triaged')).toContainText('3');
  await expect(stats.getByTestId('stat-read')).toContainText('1');
  await expect(stats.getByTestId('stat-inbox')).toContainText('102');
  await expect(stats.locator('canvas').first()).toBeVisible();
  const cli = await sift.cli('stats', '--json');
  const figures = JSON.parse(cli.stdout);
  expect(figures.daily.at(-1)).toMatchObject({ arrived: 105, triaged: 3, inbox: 102 });
  await page.keyboard.press('Escape');
  await expect(stats).toBeHidden();
  await expect(page.getByRole('option').first()).toBeVisible();
});

for (const size of SIZES) {
  for (const theme of THEMES) {
    test(`screens at ${size.name} in ${theme}`, async ({ page, sift }) => {
      test.slow();
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(sift.url);
      await expect(page.getByRole('region', { name: 'Welcome' })).toBeVisible();
      await page.screenshot({ path: screenshotPath(`${size.name}-${theme}-welcome`) });
      await morning(page, sift);
      await page.reload();
      await expect(page.getByRole('option').first()).toBeVisible();
      await page.screenshot({ path: screenshotPath(`${size.name}-${theme}-inbox`) });

      const files = ['arxiv-api-bipv-3.atom.xml', 'arxiv-rss-4.xml', 'arxiv-listing-email-2.txt', 'zotero-export-1.bib', 'arxiv-api-transformer-5.atom.xml'];
      await page.getByTestId('import-input').setInputFiles([
        ...files.map((file) => ({ name: file, mimeType: 'text/plain', buffer: fs.readFileSync(path.join(REAL, file)) })),
        { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('') },
      ]);
      const report = page.getByRole('status', { name: 'Import report' });
      await expect(report).toContainText('Imported 5 files · 15 new · 1 error');
      await page.screenshot({ path: screenshotPath(`${size.name}-${theme}-import-summary`) });
      await report.getByRole('button', { name: /Imported/ }).click();
      await page.screenshot({ path: screenshotPath(`${size.name}-${theme}-import-details`) });
      await page.keyboard.press('Escape');
      await expect(report).toBeHidden();

      await page.keyboard.press('t');
      await expect(page.getByTestId('toast')).toBeVisible();
      await page.screenshot({ path: screenshotPath(`${size.name}-${theme}-toast`) });
      await page.keyboard.press('l');
      await page.keyboard.type('reading-group');
      await page.keyboard.press('Enter');
      await page.keyboard.press('#');
      await page.keyboard.type('re');
      await page.screenshot({ path: screenshotPath(`${size.name}-${theme}-tag-picker`) });
      await page.keyboard.press('Escape');

      await page.locator('.sidebar__item--digest', { hasText: '2026-08-03' }).click();
      await expect(page.getByTestId('digest-progress')).toBeVisible();
      await page.keyboard.press('Control+a');
      await page.keyboard.press('t');
      await expect(page.getByTestId('done-screen')).toBeVisible();
      await page.screenshot({ path: screenshotPath(`${size.name}-${theme}-done-screen`) });

      await page.keyboard.press('g');
      await page.keyboard.press('v');
      await expect(page.getByRole('region', { name: 'Stats' }).locator('canvas').first()).toBeVisible();
      await page.screenshot({ path: screenshotPath(`${size.name}-${theme}-stats`) });
      await page.keyboard.press('Escape');
      await page.keyboard.press('?');
      await page.screenshot({ path: screenshotPath(`${size.name}-${theme}-shortcuts`) });
      expect(fs.existsSync(screenshotPath(`${size.name}-${theme}-stats`))).toBe(true);
    });
  }
}
