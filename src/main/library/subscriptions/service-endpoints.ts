import type { Database } from 'better-sqlite3';
import { readSetting } from './subscription-state.ts';

/** Where the services live. Configurable so tests (and mirrors) can stand in for the real hosts. */
export interface ServiceEndpoints {
  hfBaseUrl: string;
  arxivRssBaseUrl: string;
  arxivApiBaseUrl: string;
  /** arXiv's API etiquette asks for at least 3 s between requests; only tests lower it. */
  arxivApiIntervalMs: number;
}

export const DEFAULT_ENDPOINTS: ServiceEndpoints = {
  hfBaseUrl: 'https://huggingface.co',
  arxivRssBaseUrl: 'https://rss.arxiv.org',
  arxivApiBaseUrl: 'http://export.arxiv.org',
  arxivApiIntervalMs: 3000,
};

const SOURCES: { [K in keyof ServiceEndpoints]: { env: string; setting: string } } = {
  hfBaseUrl: { env: 'SIFT_HF_BASE_URL', setting: 'subscriptions.hfBaseUrl' },
  arxivRssBaseUrl: { env: 'SIFT_ARXIV_RSS_BASE_URL', setting: 'subscriptions.arxivRssBaseUrl' },
  arxivApiBaseUrl: { env: 'SIFT_ARXIV_API_BASE_URL', setting: 'subscriptions.arxivApiBaseUrl' },
  arxivApiIntervalMs: { env: 'SIFT_ARXIV_API_INTERVAL_MS', setting: 'subscriptions.arxivApiIntervalMs' },
};

/** The environment wins over the library's settings, which win over the real services. */
export function resolveEndpoints(db: Database, env: NodeJS.ProcessEnv): ServiceEndpoints {
  const pick = (key: keyof typeof SOURCES) => env[SOURCES[key].env] || readSetting(db, SOURCES[key].setting);
  const baseUrl = (key: 'hfBaseUrl' | 'arxivRssBaseUrl' | 'arxivApiBaseUrl') => {
    const value = pick(key);
    return value && /^https?:\/\//i.test(value) ? value.replace(/\/+$/, '') : DEFAULT_ENDPOINTS[key];
  };
  const interval = Number(pick('arxivApiIntervalMs'));
  return {
    hfBaseUrl: baseUrl('hfBaseUrl'),
    arxivRssBaseUrl: baseUrl('arxivRssBaseUrl'),
    arxivApiBaseUrl: baseUrl('arxivApiBaseUrl'),
    arxivApiIntervalMs: Number.isFinite(interval) && interval >= 0 && pick('arxivApiIntervalMs') ? interval : DEFAULT_ENDPOINTS.arxivApiIntervalMs,
  };
}

export function hfDailyUrl(endpoints: ServiceEndpoints, day: string): string {
  return `${endpoints.hfBaseUrl}/api/daily_papers?date=${day}`;
}

export function arxivRssUrl(endpoints: ServiceEndpoints, categories: string): string {
  return `${endpoints.arxivRssBaseUrl}/rss/${categories}`;
}

/** Newest first, as the arXiv API documents; 50 results is one day of a busy author or topic. */
export function arxivSearchUrl(endpoints: ServiceEndpoints, query: string): string {
  const params = new URLSearchParams({ search_query: query, sortBy: 'submittedDate', sortOrder: 'descending', max_results: '50' });
  return `${endpoints.arxivApiBaseUrl}/api/query?${params.toString()}`;
}

/** Hosts that get the arXiv API's minimum interval between requests. */
export function isArxivApiHost(endpoints: ServiceEndpoints, url: string): boolean {
  return new URL(url).host === new URL(endpoints.arxivApiBaseUrl).host;
}
