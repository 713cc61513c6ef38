import type { Page } from '@playwright/test';
import { expect, SHARED_DIGEST, screenshotPath, test } from './support/serve-fixture.ts';
import type { SiftServer } from './support/serve-fixture.ts';

interface ListedPaper {
  id: number;
  title: string;
}

test.describe.configure({ timeout: 240_000 }); // six CLI runs set up each history; slow on a busy machine

/** The reader's interest: attention and large language models (17 of the digest's 58 papers). */
const isTopic = (title: string) => /attention|llm|language model/i.test(title);

/** A reader's history through the CLI (another process on the same library, as in real use). */
async function triageHistory(sift: SiftServer): Promise<{ topic: ListedPaper[]; others: ListedPaper[] }> {
  expect((await sift.cli('import', SHARED_DIGEST)).code).toBe(0);
  const listed = JSON.parse((await sift.cli('list', '--limit', '100', '--json')).stdout) as ListedPaper[];
  const topic = listed.filter((paper) => isTopic(paper.title));
  const others = listed.filter((paper) => !isTopic(paper.title));
  const ids = (papers: ListedPaper[]) => papers.map((paper) => String(paper.id));
  expect(topic).toHaveLength(17);
  // Kept: eight papers on the topic (five tagged "attention"), two others. Skipped: twenty others.
  expect((await sift.cli('mark', ...ids(topic.slice(0, 8)), '--status', 'read')).code).toBe(0);
  expect((await sift.cli('tag', ...ids(topic.slice(0, 5)), '--add', 'attention')).code).toBe(0);
  expect((await sift.cli('mark', ...ids(others.slice(0, 2)), '--status', 'to-read')).code).toBe(0);
  expect((await sift.cli('mark', ...ids(others.slice(2, 22)), '--status', 'skipped')).code).toBe(0);
  return { topic, others };
}

async function rowTitles(page: Page): Promise<string[]> {
  return page.locator('.paper-row__title').allTextContents();
}

test('For you is honest at cold start and keeps digest order', async ({ page, sift }) => {
  expect((await sift.cli('import', SHARED_DIGEST)).code).toBe(0);
  await page.goto(sift.url);
  await expect(page.getByRole('option').first()).toBeVisible();
  const digestOrder = await rowTitles(page);
  await page.getByRole('radio', { name: 'For you' }).click();
  await expect(page.getByTestId('cold-start')).toHaveText(
    'For you needs 10 more kept (to read, read or starred) and 10 more skipped to learn what you want; until then papers stay in digest order.',
  );
  expect(await rowTitles(page)).toEqual(digestOrder);
  await expect(page.getByTestId('score-badge')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('learn-cold-start') });
});

test('For you ranks the inbox, says why, finds more like this and suggests tags', async ({ page, sift }) => {
  await triageHistory(sift);
  await page.goto(sift.url);
  await expect(page.getByTestId('count-inbox')).toHaveText('28');
  const digestOrder = await rowTitles(page);

  // Put the cursor on the fourth paper, then switch: the same paper stays under the cursor.
  for (let step = 0; step < 3; step += 1) await page.keyboard.press('j');
  const cursorTitle = await page.locator('.paper-row--cursor .paper-row__title').textContent();
  await page.getByRole('radio', { name: 'For you' }).click();
  await expect(page.getByTestId('score-badge').first()).toBeVisible();
  await expect(page.locator('.paper-row--cursor .paper-row__title')).toHaveText(cursorTitle ?? '');
  await expect(page.locator('.paper-row--cursor')).toBeInViewport();
  await page.screenshot({ path: screenshotPath('learn-switch-keeps-cursor') });
  // The list may still be revealing the cursor's row after the switch: scroll to the top until it stays there.
  await expect(async () => {
    await page.locator('.paper-list').evaluate((list) => list.scrollTo(0, 0));
    await expect(page.locator('.paper-list__slot[data-index="0"]')).toBeInViewport({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const forYou = await rowTitles(page);
  expect(forYou).not.toEqual(digestOrder);
  // Papers on the reader's topic come first: nine of the 28 are, so five rows in any order would hold 1.6 on average.
  expect(forYou.slice(0, 5).filter(isTopic).length).toBeGreaterThanOrEqual(4);
  const scores = (await page.getByTestId('score-badge').allTextContents()).map(Number);
  expect(scores.slice(0, 5)).toEqual([...scores.slice(0, 5)].sort((a, b) => b - a));
  await page.screenshot({ path: screenshotPath('learn-for-you') });

  // Why: the badge's popover and the line above the open paper name the evidence.
  await page.getByTestId('score-badge').first().click();
  await expect(page.locator('.why-popover')).toContainText('Ranked up for');
  await page.screenshot({ path: screenshotPath('learn-why-popover') });
  await page.locator('.why-popover').press('Escape');
  await page.mouse.click(5, 5);
  await page.locator('.paper-row').first().click();
  await expect(page.getByTestId('why-line')).toContainText(/Ranked (up|down) for/);

  // Triaging does not reshuffle: skipping the top paper leaves the rest in the same order.
  await page.keyboard.press('x');
  await expect(page.getByTestId('count-inbox')).toHaveText('27');
  await expect.poll(async () => (await rowTitles(page)).slice(0, 5)).toEqual(forYou.slice(1, 6));

  // More like this: the key m opens the nearest papers of the whole library, read ones included.
  await page.keyboard.press('m');
  const panel = page.getByTestId('similar-panel');
  await expect(panel.locator('.similar-item')).toHaveCount(10);
  await expect(panel.locator('.status-pill--read').first()).toBeVisible();
  await page.screenshot({ path: screenshotPath('learn-more-like-this') });
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  // And from the context menu.
  await page.locator('.paper-row').nth(1).click({ button: 'right' });
  await page.getByRole('button', { name: /More like this/ }).click();
  await expect(page.getByTestId('similar-panel').locator('.similar-item').first()).toBeVisible();
  await page.keyboard.press('Escape');
});

test('an inbox paper like the ones tagged "attention" gets that tag suggested, and a click adds it', async ({ page, sift }) => {
  await triageHistory(sift);
  await page.goto(sift.url);
  await expect(page.getByTestId('count-inbox')).toHaveText('28');
  // Walk the inbox until a paper carries a suggestion.
  let found = false;
  for (let step = 0; step < 28 && !found; step += 1) {
    found = await page.getByTestId('suggested-tags').isVisible();
    if (!found) {
      await page.keyboard.press('j');
      // Suggestions are asked for once the cursor rests on a paper (a quarter of a second).
      await page.waitForTimeout(600);
    }
  }
  expect(found).toBe(true);
  await page.screenshot({ path: screenshotPath('learn-suggested-tags') });
  await page.getByTestId('suggested-tags').getByRole('button', { name: '+ attention' }).click();
  await expect(page.locator('.paper-row--cursor .tag-chip', { hasText: 'attention' })).toBeVisible();
  await expect(page.getByTestId('suggested-tags')).toHaveCount(0);
});

test('For you orders search results too: the cursor\'s paper stays in view and triaging does not reshuffle them', async ({ page, sift }) => {
  await triageHistory(sift);
  await page.goto(sift.url);
  await expect(page.getByTestId('count-inbox')).toHaveText('28');
  const box = page.getByRole('searchbox', { name: 'Search papers' });
  await box.fill('model');
  await expect(page.getByTestId('list-count')).toHaveText(/^\d+ found$/);
  const found = Number((await page.getByTestId('list-count').textContent())?.split(' ')[0]);
  expect(found).toBeGreaterThan(15);
  await expect(page.getByRole('radio', { name: 'Relevance' })).toHaveAttribute('aria-checked', 'true');
  const relevance = await rowTitles(page);

  // The cursor on the sixth match, then For you: the same paper is under the cursor, in view.
  await page.locator('.paper-row').nth(5).click();
  const cursorTitle = await page.locator('.paper-row--cursor .paper-row__title').textContent();
  await page.getByRole('radio', { name: 'For you' }).click();
  await expect(page.getByTestId('score-badge').first()).toBeVisible();
  await expect(page.locator('.paper-row--cursor .paper-row__title')).toHaveText(cursorTitle ?? '');
  await expect(page.locator('.paper-row--cursor')).toBeInViewport();
  await expect(page.getByTestId('list-count')).toHaveText(`${found} found`);
  await expect(async () => {
    await page.locator('.paper-list').evaluate((list) => list.scrollTo(0, 0));
    await expect(page.locator('.paper-list__slot[data-index="0"]')).toBeInViewport({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const forYou = await rowTitles(page);
  expect(forYou).not.toEqual(relevance);
  expect(forYou.slice(0, 5).filter(isTopic).length).toBeGreaterThan(relevance.slice(0, 5).filter(isTopic).length);
  expect(forYou.slice(0, 5).filter(isTopic).length).toBeGreaterThanOrEqual(4);
  const scores = (await page.getByTestId('score-badge').allTextContents()).map(Number);
  expect(scores.slice(0, 8)).toEqual([...scores.slice(0, 8)].sort((a, b) => b - a));
  // The matched words are still marked in the ranked rows.
  await expect(page.locator('.paper-row mark').first()).toBeVisible();
  await page.screenshot({ path: screenshotPath('learn-search-for-you') });

  // Triaging from the results (skip the first match still in the inbox) changes its status, not the order.
  const pills = await page.locator('.paper-row .status-pill').allTextContents();
  const inboxRow = pills.indexOf('Inbox');
  expect(inboxRow).toBeGreaterThanOrEqual(0);
  await page.locator('.paper-row').nth(inboxRow).click();
  await page.keyboard.press('x');
  await expect(page.locator('.paper-row').nth(inboxRow).locator('.status-pill')).toHaveText('Skipped');
  // (The list may render a few more rows now: the same ones come first, in the same order.)
  expect((await rowTitles(page)).slice(0, forYou.length)).toEqual(forYou);
  await page.screenshot({ path: screenshotPath('learn-search-for-you-after-skip') });

  // The cursor moved on to the next match, as after any decision; back to relevance, that paper stays under it.
  const nextTitle = forYou[inboxRow + 1] ?? '';
  await expect(page.locator('.paper-row--cursor .paper-row__title')).toHaveText(nextTitle);
  await page.getByRole('radio', { name: 'Relevance' }).click();
  await expect(page.getByTestId('score-badge')).toHaveCount(0);
  await expect(page.locator('.paper-row--cursor .paper-row__title')).toHaveText(nextTitle);
  await expect(page.locator('.paper-row--cursor')).toBeInViewport();
});
