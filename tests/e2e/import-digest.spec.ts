import { expect, SHARED_DIGEST, screenshotPath, test } from './support/serve-fixture.ts';

test('importing the shared digest through the UI fills the inbox with its 58 papers', async ({ page, sift }) => {
  await page.goto(sift.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Sift' })).toBeVisible();

  await page.getByTestId('import-input').setInputFiles(SHARED_DIGEST);

  const report = page.getByRole('status', { name: 'Import report' });
  await expect(report).toContainText('58 found');
  await expect(report).toContainText('58 new');
  await expect(page.getByTestId('count-inbox')).toHaveText('58');
  await expect(page.getByTestId('list-count')).toContainText('58 papers');

  await page.getByRole('option', { name: /SpikMamba/ }).click();
  const paper = page.getByRole('article', { name: 'Paper' });
  await expect(paper.getByRole('heading', { level: 1 })).toHaveText('SpikMamba: When SNN meets Mamba in Event-based Human Action Recognition');
  await expect(paper.getByRole('region', { name: 'Abstract' })).toContainText('Human action recognition (HAR) plays a key role');
  await page.screenshot({ path: screenshotPath('inbox-after-import') });
});

test('importing the same digest again adds nothing and says so', async ({ page, sift }) => {
  const first = await sift.cli('import', SHARED_DIGEST, '--json');
  expect(JSON.parse(first.stdout)).toMatchObject({ papers: 58, added: 58 });

  await page.goto(sift.url);
  await page.getByTestId('import-input').setInputFiles(SHARED_DIGEST);
  await expect(page.getByRole('status', { name: 'Import report' })).toContainText('Already imported');
  await expect(page.getByTestId('count-inbox')).toHaveText('58');
});
