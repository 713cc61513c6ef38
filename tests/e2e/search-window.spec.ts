import fs from 'node:fs';
import path from 'node:path';
import { expect, SHARED_DIGEST, screenshotPath, test } from './support/serve-fixture.ts';

/** A daily-papers JSON digest of `count` papers that all carry the word "lattice" in their title. */
function latticeDigest(dir: string, count: number): string {
  const entries = Array.from({ length: count }, (_, index) => ({
    paper: {
      id: `2601.${String(10000 + index)}`,
      title: `Lattice Study ${index + 1}: Reasoning over Crystal Structures`,
      summary: `Paper ${index + 1} of a long series about lattices and their symmetry groups.`,
      authors: [{ name: `Author Number${index + 1}` }],
      publishedAt: '2026-01-05T00:00:00.000Z',
    },
    publishedAt: '2026-01-05T00:00:00.000Z',
    title: `Lattice Study ${index + 1}: Reasoning over Crystal Structures`,
  }));
  const file = path.join(dir, 'lattice-2026-01-05.json');
  fs.writeFileSync(file, JSON.stringify(entries));
  return file;
}

test('a misspelt last word is corrected while it is still being typed', async ({ page, sift }) => {
  expect((await sift.cli('import', SHARED_DIGEST)).code).toBe(0);
  await page.goto(sift.url);
  await page.keyboard.press('/');
  // No space after the last word: the reader has not finished it.
  await page.keyboard.type('gausian splating', { delay: 20 });
  await expect(page.getByText(/Showing results for/)).toContainText('gaussian splatting');
  await expect(page.getByRole('option').first()).toContainText(/Gaussian Splatting/i);
  await expect(page.getByTestId('list-count')).not.toHaveText(/^0 found/);
});

test('every match is reachable by scrolling, and Ctrl+A then r acts on all of them', async ({ page, sift }) => {
  const count = 260;
  expect((await sift.cli('import', latticeDigest(sift.dir, count))).code).toBe(0);
  await page.goto(sift.url);
  const box = page.getByRole('searchbox', { name: 'Search papers' });
  await box.fill('lattice');
  await expect(page.getByTestId('list-count')).toHaveText(`${count} found`);

  // Scroll to the bottom: the rows past the first pages arrive as they come into view.
  const list = page.getByRole('listbox', { name: 'Papers' });
  for (let step = 0; step < 40; step += 1) {
    await list.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    if (await page.locator(`[data-index="${count - 1}"]`).count()) break;
    await page.waitForTimeout(50);
  }
  const lastRow = page.locator(`[data-index="${count - 1}"]`);
  await expect(lastRow).toContainText(/Lattice Study \d+/);
  await page.screenshot({ path: screenshotPath('search-last-of-many') });

  await box.press('ArrowDown'); // leave the box: keys now act on the list
  await page.keyboard.press('Control+a');
  await expect(page.getByTestId('list-count')).toHaveText(`${count} found · ${count} selected`);
  await page.keyboard.press('r');
  await expect(page.getByTestId('count-read')).toHaveText(String(count));
});

test('results never blank while a word or a filter is still being typed', async ({ page, sift }) => {
  expect((await sift.cli('import', SHARED_DIGEST)).code).toBe(0);
  await page.goto(sift.url);
  await page.evaluate(() => {
    const flashes: string[] = [];
    (window as unknown as { flashes: string[] }).flashes = flashes;
    new MutationObserver(() => {
      const empty = document.querySelector('.list-pane .empty-state h2');
      if (empty) flashes.push(`${(document.querySelector('input[type=search]') as HTMLInputElement).value}`);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.keyboard.press('/');
  await page.keyboard.type('sparse attention is:', { delay: 40 });
  await expect(page.getByRole('option').first()).toContainText(/sparse/i);
  await page.waitForTimeout(700);
  expect(await page.evaluate(() => (window as unknown as { flashes: string[] }).flashes)).toEqual([]);
  await page.screenshot({ path: screenshotPath('search-unfinished-filter') });
  // Nothing is starred: the honest answer appears once the reader stops on a complete filter.
  await page.keyboard.type('starred', { delay: 40 });
  await expect(page.getByRole('heading', { name: /No paper matches/ })).toBeVisible();
});

test('a large result counted roughly while typing shows its exact count once typing pauses', async ({ page, sift }) => {
  // 1,500 papers have both words, 1,500 only "lattice", 1,500 only "crystal": counting words as
  // independent says about 2,000 match both, and only counting the matches says 1,500.
  const kinds = [
    ['Lattice Crystal', 'both'],
    ['Lattice Graph', 'lattice'],
    ['Crystal Growth', 'crystal'],
  ] as const;
  const entries = kinds.flatMap(([words, kind], group) =>
    Array.from({ length: 1500 }, (_, index) => {
      const title = `${words} Study ${index + 1} of the ${kind} series`;
      const id = `2602.${String(10000 + group * 1500 + index)}`;
      return { title, publishedAt: '2026-02-02T00:00:00.000Z', paper: { id, title, summary: 'A study.', authors: [{ name: 'A. Author' }], publishedAt: '2026-02-02T00:00:00.000Z' } };
    }),
  );
  const file = path.join(sift.dir, 'three-series-2026-02-02.json');
  fs.writeFileSync(file, JSON.stringify(entries));
  expect((await sift.cli('import', file)).code).toBe(0);
  await page.goto(sift.url);
  const box = page.getByRole('searchbox', { name: 'Search papers' });
  await box.fill('lattice crystal');
  await expect(page.getByRole('option').first()).toContainText(/Lattice Crystal Study/);
  await expect(page.getByTestId('list-count')).toHaveText('1,500 found');
});
