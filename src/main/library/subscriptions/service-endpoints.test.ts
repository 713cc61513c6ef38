import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempLibrary } from '../../../../tests/support/temp-library.ts';
import { arxivSearchUrl, DEFAULT_ENDPOINTS, resolveEndpoints } from './service-endpoints.ts';

let library: ReturnType<typeof openTempLibrary>;
beforeEach(() => {
  library = openTempLibrary();
});
afterEach(() => library.cleanup());

const setSetting = (key: string, value: string) => library.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(key, value);

describe('where subscriptions are fetched from', () => {
  it('the real services, 3 s apart on the arXiv API, unless told otherwise', () => {
    expect(resolveEndpoints(library.db, {})).toEqual(DEFAULT_ENDPOINTS);
    expect(DEFAULT_ENDPOINTS.arxivApiIntervalMs).toBe(3000);
    expect(arxivSearchUrl(DEFAULT_ENDPOINTS, 'au:Hinton AND cat:cs.LG')).toBe(
      'http://export.arxiv.org/api/query?search_query=au%3AHinton+AND+cat%3Acs.LG&sortBy=submittedDate&sortOrder=descending&max_results=50',
    );
  });

  it('a library setting moves a service; the environment wins over it; a non-web address is ignored', () => {
    setSetting('subscriptions.hfBaseUrl', 'https://hf-mirror.example.org/');
    setSetting('subscriptions.arxivRssBaseUrl', 'ftp://nope.example.org');
    const endpoints = resolveEndpoints(library.db, { SIFT_ARXIV_API_BASE_URL: 'http://127.0.0.1:9', SIFT_ARXIV_API_INTERVAL_MS: '0' });
    expect(endpoints).toEqual({
      hfBaseUrl: 'https://hf-mirror.example.org',
      arxivRssBaseUrl: DEFAULT_ENDPOINTS.arxivRssBaseUrl,
      arxivApiBaseUrl: 'http://127.0.0.1:9',
      arxivApiIntervalMs: 0,
    });
    expect(resolveEndpoints(library.db, { SIFT_HF_BASE_URL: 'http://127.0.0.1:8' }).hfBaseUrl).toBe('http://127.0.0.1:8');
  });
});
