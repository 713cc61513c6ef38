import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { REAL_FIXTURES } from './temp-library.ts';

/**
 * A real HTTP server on 127.0.0.1 standing in for huggingface.co, rss.arxiv.org and export.arxiv.org:
 * the same paths and query strings, answering with responses recorded from the real services
 * (tests/fixtures/real, the shared corpus), ETags and gzip like the real ones, and any failure a test
 * installs for a path.
 */
export interface LoggedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  at: number;
}

export type Route = (request: http.IncomingMessage, response: http.ServerResponse, url: URL) => void;

export interface RecordedServices {
  baseUrl: string;
  requests: LoggedRequest[];
  /** Hugging Face days: `YYYY-MM-DD` → the recorded JSON; any other day answers `[]`, as weekends do. */
  hfDays: Map<string, string>;
  /** arXiv listing RSS by category path ("cs.LG+cs.AI"); arXiv API answers by search query. */
  rss: Map<string, string>;
  searches: Map<string, string>;
  /** Replaces the answer for one path (query string ignored). */
  route: (pathname: string, handler: Route) => void;
  close: () => Promise<void>;
}

export const REAL_HF_DAY = '2026-06-12';
export const realFixture = (name: string) => fs.readFileSync(path.join(REAL_FIXTURES, name), 'utf8');

/** Like the real services: an ETag per body, 304 for a matching If-None-Match, gzip when asked. */
export function answer(request: http.IncomingMessage, response: http.ServerResponse, body: string, contentType: string): void {
  const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, { ETag: etag }).end();
    return;
  }
  const headers: http.OutgoingHttpHeaders = { 'Content-Type': contentType, ETag: etag, 'Last-Modified': 'Fri, 12 Jun 2026 08:00:00 GMT' };
  if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    response.writeHead(200, { ...headers, 'Content-Encoding': 'gzip' }).end(zlib.gzipSync(body));
  } else response.writeHead(200, headers).end(body);
}

export async function startRecordedServices(): Promise<RecordedServices> {
  const requests: LoggedRequest[] = [];
  const hfDays = new Map([[REAL_HF_DAY, realFixture('hf-daily-papers-30.json')]]);
  const rss = new Map([['cs.LG+cs.AI+cs.CL+stat.ML', realFixture('arxiv-rss-4.xml')]]);
  const searches = new Map([['all:transformer AND cat:cs.LG', realFixture('arxiv-api-transformer-5.atom.xml')]]);
  const routes = new Map<string, Route>();
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push({ path: `${url.pathname}${url.search}`, headers: request.headers, at: Date.now() });
    const custom = routes.get(url.pathname);
    if (custom) return custom(request, response, url);
    if (url.pathname === '/api/daily_papers') {
      return answer(request, response, hfDays.get(url.searchParams.get('date') ?? '') ?? '[]', 'application/json; charset=utf-8');
    }
    const feed = url.pathname.startsWith('/rss/') ? rss.get(url.pathname.slice('/rss/'.length)) : undefined;
    if (feed) return answer(request, response, feed, 'application/rss+xml');
    const search = url.pathname === '/api/query' ? searches.get(url.searchParams.get('search_query') ?? '') : undefined;
    if (search) return answer(request, response, search, 'application/atom+xml; charset=utf-8');
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    hfDays,
    rss,
    searches,
    route: (pathname, handler) => routes.set(pathname, handler),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus/hf-daily-papers-2024-2025.tar.gz');

/** Days of the shared real corpus, when it sits beside the clone (CI and this machine); null otherwise. */
export function corpusDays(days: string[]): Map<string, string> | null {
  if (!fs.existsSync(CORPUS)) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-corpus-'));
  try {
    const present = execFileSync('tar', ['tzf', CORPUS], { encoding: 'utf8' }).split('\n');
    const wanted = days.map((day) => `${day}.json`).filter((name) => present.includes(name));
    if (wanted.length) execFileSync('tar', ['xzf', CORPUS, '-C', dir, ...wanted]);
    return new Map(wanted.map((name) => [name.slice(0, 10), fs.readFileSync(path.join(dir, name), 'utf8')]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
