import path from 'node:path';
import { expect, ROOT, screenshotPath, test } from './support/serve-fixture.ts';

const WILD = path.join(ROOT, 'tests/fixtures/wild');

test('an EndNote .enw from Google Scholar and a Scopus CSV are read as what they are, with titles and authors', async ({ page, sift }) => {
  await page.goto(sift.url);
  await page.getByTestId('import-input').setInputFiles([path.join(WILD, 'endnote-tagged.enw'), path.join(WILD, 'scopus-export.csv')]);
  const report = page.getByRole('status', { name: 'Import report' });
  // Two files, each in a worker: on the shared machine this can take longer than the default wait.
  await expect(report).toContainText('Imported 2 files · 6 new · 1 warning', { timeout: 30_000 });
  await report.getByRole('button', { name: /Imported 2 files/ }).click();
  await expect(report).toContainText('EndNote tagged export');
  await expect(report).toContainText('spreadsheet export (CSV)');
  // The one record with neither title nor id is named, not silently dropped.
  await expect(report).toContainText('Thesis with no title, DOI or arXiv id');
  await page.screenshot({ path: screenshotPath('import-wild-enw-csv-report') });

  await page.getByRole('option', { name: /Tensile properties of a friction stir welded magnesium alloy/ }).click();
  const paper = page.getByRole('article', { name: 'Paper' });
  await expect(paper).toContainText('S.M. Chowdhury');
  await page.getByRole('option', { name: /Automatic generation of adjacency matrix/ }).click();
  await expect(paper).toContainText('Alireza Ashrafi');
  await page.screenshot({ path: screenshotPath('import-wild-enw-paper') });
});
