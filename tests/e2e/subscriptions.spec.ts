import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { answer, realFixture, startRecordedServices } from '../support/recorded-services.ts';
import type { RecordedServices } from '../support/recorded-services.ts';
import { expect, screenshotPath, startServer } from './support/serve-fixture.ts';

// The real services stand in on 127.0.0.1 (recorded answers under their real paths); `sift serve`
// is pointed at them with the same environment variables a mirror would use.
const test = base.extend<{ world: { url: string; services: RecordedServices } }>({
  world: async ({}, use) => {
    const services = await startRecordedServices();
    services.hfDays.set(new Date().toISOString().slice(0, 10), realFixture('hf-daily-papers-30.json'));
    services.route('/portal', (_request, response) =>
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><html><body>Please log in to the hotel Wi-Fi</body></html>'),
    );
    services.route('/lab-feed.xml', (request, response) => answer(request, response, realFixture('arxiv-rss-4.xml'), 'application/rss+xml'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-e2e-subscriptions-'));
    const env = {
      ...process.env,
      SIFT_HF_BASE_URL: services.baseUrl,
      SIFT_ARXIV_RSS_BASE_URL: services.baseUrl,
      SIFT_ARXIV_API_BASE_URL: services.baseUrl,
    };
    const { child, url } = await startServer(path.join(dir, 'library.db'), env);
    await use({ url, services });
    child.kill('SIGTERM');
    await services.close();
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

test('subscribing in Settings and fetching brings the day’s papers into the inbox, with a report', async ({ page, world }) => {
  await page.goto(world.url);
  // Nothing was requested at start: there was no subscription.
  expect(world.services.requests).toEqual([]);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const section = settings.getByRole('region', { name: 'Subscriptions' });
  await expect(section.getByLabel('Fetch subscriptions')).toBeChecked();

  await section.getByRole('button', { name: 'Subscribe' }).click();
  const hf = section.getByRole('row', { name: 'Hugging Face daily papers' });
  await expect(hf).toContainText('never fetched');
  await hf.getByRole('button', { name: 'Fetch now' }).click();
  await expect(section.getByRole('status', { name: 'Fetch report' })).toHaveText('Hugging Face daily papers: 30 papers, 30 new.');
  await expect(hf).toContainText('30 papers brought');
  // The library line at the top of Settings follows what the fetch brought.
  await expect(settings).toContainText('· 30 papers');

  // arXiv categories through the picker, new submissions only, into To read with a tag.
  await section.getByLabel('Kind of subscription').selectOption('arxiv-category');
  for (const code of ['cs.LG', 'cs.AI', 'cs.CL', 'stat.ML']) await section.getByRole('button', { name: code, exact: true }).click();
  await expect(section.getByRole('textbox', { name: 'arXiv categories' })).toHaveValue('cs.LG+cs.AI+cs.CL+stat.ML');
  await section.getByLabel('Where new papers go').selectOption('to-read');
  await section.getByLabel('Tag for new papers').fill('arxiv-daily');
  await section.getByRole('group', { name: 'Common arXiv categories' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('subscriptions-category-picker') });
  await section.getByRole('button', { name: 'Subscribe' }).click();
  const arxiv = section.getByRole('row', { name: 'arXiv cs.LG+cs.AI+cs.CL+stat.ML' });
  await arxiv.getByRole('button', { name: 'Fetch now' }).click();
  await expect(section.getByRole('status', { name: 'Fetch report' })).toHaveText('arXiv cs.LG+cs.AI+cs.CL+stat.ML: 2 papers, 2 new.');

  // A captive portal: reported in plain words, nothing imported.
  await section.getByLabel('Kind of subscription').selectOption('feed');
  await section.getByLabel('Feed address').fill(`${world.services.baseUrl}/portal`);
  await section.getByRole('button', { name: 'Subscribe' }).click();
  const portal = section.getByRole('row', { name: `${world.services.baseUrl}/portal` });
  await portal.getByRole('button', { name: 'Fetch now' }).click();
  await expect(portal).toContainText(/the answer was a web page, not a feed, retrying at \d\d:\d\d/);
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('subscriptions-settings'), fullPage: true });

  await settings.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('count-inbox')).toHaveText('30');
  await expect(page.getByTestId('count-to-read')).toHaveText('2');
  const userAgents = new Set(world.services.requests.map((request) => request.headers['user-agent']));
  expect([...userAgents]).toEqual([expect.stringMatching(/^Sift\//)]);
});

test('the switch turns all fetching off: Fetch now requests nothing', async ({ page, world }) => {
  await page.goto(world.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Subscriptions' });
  await section.getByLabel('Kind of subscription').selectOption('feed');
  await section.getByLabel('Feed address').fill(`${world.services.baseUrl}/lab-feed.xml`);
  await section.getByRole('button', { name: 'Subscribe' }).click();
  await section.getByLabel('Fetch subscriptions').uncheck();
  await expect(section).toContainText('Fetching is off: Sift requests nothing from the network.');
  await expect(section.getByRole('button', { name: 'Fetch now' })).toBeDisabled();
  await section.getByLabel('Fetch subscriptions').check();
  await section.getByRole('button', { name: 'Fetch now' }).click();
  await expect(section.getByRole('status', { name: 'Fetch report' })).toHaveText(/lab-feed\.xml: 4 papers, 4 new\./);
});
