import { expect, SHARED_DIGEST, screenshotPath, test } from './support/serve-fixture.ts';

test('a misspelt query finds the paper meant, highlighted, and Enter opens it', async ({ page, sift }) => {
  expect((await sift.cli('import', SHARED_DIGEST)).code).toBe(0);
  await page.goto(sift.url);
  await expect(page.getByTestId('count-inbox')).toHaveText('58');
  // The list is on screen (the counts can arrive before its rows): then the keys move the cursor.
  await expect(page.locator('.paper-row--cursor')).toBeVisible();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(page.locator('.paper-row--cursor')).toContainText('Sparsifiner');

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search papers' })).toBeFocused();
  // Typed a character at a time, as a person types.
  await page.keyboard.type('gausian splating', { delay: 30 });
  const first = page.getByRole('option').first();
  await expect(first).toContainText('RDG-GS: Relative Depth Guidance with Gaussian Splatting');
  await expect(first.locator('mark').first()).toHaveText(/gaussian|splatting/i);
  await expect(page.getByText(/Showing results for/)).toContainText('gaussian splatting');
  await page.screenshot({ path: screenshotPath('search-typo') });

  await page.keyboard.press('Enter');
  const paper = page.getByRole('article', { name: 'Paper' });
  await expect(paper.getByRole('heading', { level: 1 })).toContainText('RDG-GS');
  await expect(paper.getByRole('region', { name: 'Abstract' }).locator('mark').first()).toHaveText(/^gaussian/i);

  // Esc leaves search and returns to where the reader was: the third paper of the inbox.
  await page.getByRole('searchbox', { name: 'Search papers' }).focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  await expect(page.locator('.paper-row--cursor')).toContainText('Sparsifiner');
});

test('filters combine with text, and search sees a tag added a moment ago', async ({ page, sift }) => {
  expect((await sift.cli('import', SHARED_DIGEST)).code).toBe(0);
  await page.goto(sift.url);
  await page.getByRole('option', { name: /SpikMamba/ }).click();
  await page.getByLabel('Add a tag').fill('neuromorphic');
  await page.getByLabel('Add a tag').press('Enter');
  await expect(page.locator('.detail .tag-chip')).toHaveCount(1);

  const box = page.getByRole('searchbox', { name: 'Search papers' });
  await box.fill('tag:neuromorphic');
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option').first()).toContainText('SpikMamba');
  await box.fill('spikmamba -tag:neuromorphic');
  await expect(page.getByRole('heading', { name: /No paper matches/ })).toBeVisible();
  await box.fill('sparse -tag:neuromorphic');
  await expect(page.getByRole('option').first()).toContainText(/sparse/i);
});
