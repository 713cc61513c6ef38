import path from 'node:path';
import { expect, ROOT, screenshotPath, test } from './support/serve-fixture.ts';

const FORMATS = path.join(ROOT, 'tests/fixtures/formats');

test('a Zotero CSL-JSON export is read as such, and a merge made on the title alone is shown in the report', async ({ page, sift }) => {
  // The library already has the paper, from a BibTeX entry without a DOI.
  const bib = '@article{lecun2015, title={Deep Learning}, author={LeCun, Yann and Bengio, Yoshua}, year={2015}}';
  await page.goto(sift.url);
  await page.getByTestId('import-input').setInputFiles({ name: 'reading-group.bib', mimeType: 'text/plain', buffer: Buffer.from(bib) });
  await expect(page.getByRole('status', { name: 'Import report' })).toContainText('1 new');

  await page.getByTestId('import-input').setInputFiles([path.join(FORMATS, 'zotero-csl-4.json'), path.join(FORMATS, 'endnote-export-3.xml')]);
  const report = page.getByRole('status', { name: 'Import report' });
  await expect(report).toContainText('CSL-JSON');
  await expect(report).toContainText('EndNote XML');
  await expect(report).toContainText('4 new');
  await expect(report).toContainText('1 merged by title alone');
  await expect(report).toContainText('Merged by title: Deep learning doi:10.1038/nature14539 with Deep Learning');
  await page.screenshot({ path: screenshotPath('import-report-title-merge') });

  await page.getByRole('option', { name: /Highly accurate protein structure prediction/ }).click();
  const paper = page.getByRole('article', { name: 'Paper' });
  await expect(paper).toContainText('John Jumper');

  // Not the same work after all: split it, and both papers are in the inbox.
  await expect(page.getByTestId('count-inbox')).toHaveText('7');
  await report.getByRole('button', { name: 'Split' }).click();
  await expect(report).toContainText('Split: now two papers.');
  await expect(page.getByTestId('count-inbox')).toHaveText('8');
  await page.screenshot({ path: screenshotPath('import-report-title-merge-split') });
});
