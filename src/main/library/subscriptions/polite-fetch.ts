import { FetchProblem, describeNetworkError, parseRetryAfter } from './fetch-problem.ts';

/**
 * How requests go out: Node's fetch in the CLI, tests and `sift serve`, Electron's net.fetch in the
 * desktop app (so the system proxy applies). Both decompress gzip, br and deflate themselves, so the
 * size cap below counts the decompressed bytes as they stream in.
 */
export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

export interface FetchLimits {
  /** Until the answer's headers arrive: covers connecting, TLS and a server that never answers. */
  headersTimeoutMs: number;
  /** The whole exchange, redirects and body included: stops a slow drip. */
  totalTimeoutMs: number;
  /** Decompressed body size. */
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = {
  headersTimeoutMs: 20_000,
  totalTimeoutMs: 90_000,
  maxBytes: 25 * 1024 * 1024,
  maxRedirects: 5,
};

export interface PoliteRequest {
  url: string;
  accept: string;
  /** Validators of the previous answer from this same URL. */
  etag?: string | null;
  lastModified?: string | null;
}

export type PoliteAnswer =
  | { kind: 'not-modified' }
  | { kind: 'body'; bytes: Uint8Array; url: string; contentType: string; etag: string | null; lastModified: string | null };

export interface PoliteFetchDeps {
  fetcher: Fetcher;
  userAgent: string;
  limits: FetchLimits;
  now: () => Date;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** One GET with every safety rule applied; a FetchProblem in plain words for anything but a usable answer. */
export async function politeFetch(request: PoliteRequest, deps: PoliteFetchDeps): Promise<PoliteAnswer> {
  let url = webUrl(request.url);
  const host = url.host;
  const controller = new AbortController();
  const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
  const total = setTimeout(
    () => controller.abort(new FetchProblem(`${host} took longer than ${seconds(deps.limits.totalTimeoutMs)} to answer; nothing was changed`)),
    deps.limits.totalTimeoutMs,
  );
  try {
    for (let hop = 0; ; hop += 1) {
      const response = await fetchHeaders(url, request, deps, controller, `${host} did not answer within ${seconds(deps.limits.headersTimeoutMs)}`);
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        if (hop >= deps.limits.maxRedirects) throw new FetchProblem(`${host} redirected more than ${deps.limits.maxRedirects} times`);
        url = redirectTarget(url, response.headers.get('location'));
        continue;
      }
      return await readAnswer(response, url, deps, controller);
    }
  } catch (error) {
    if (error instanceof FetchProblem) throw error;
    const reason: unknown = controller.signal.reason;
    if (controller.signal.aborted && reason instanceof FetchProblem) throw reason;
    throw describeNetworkError(error, host);
  } finally {
    clearTimeout(total);
  }
}

function webUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchProblem(`“${text.slice(0, 200)}” is not a web address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchProblem(`only http and https addresses are fetched, not ${url.protocol}`);
  return url;
}

/** Only to http(s), and never from https down to plain http (that would drop the protection on the way). */
function redirectTarget(from: URL, location: string | null): URL {
  if (!location) throw new FetchProblem(`${from.host} redirected without saying where`);
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    throw new FetchProblem(`${from.host} redirected to an address that is not valid`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new FetchProblem(`${from.host} redirected to a ${target.protocol} address, which Sift does not follow`);
  }
  if (from.protocol === 'https:' && target.protocol === 'http:') {
    throw new FetchProblem(`${from.host} redirected from a secure to an insecure address, which Sift does not follow`);
  }
  return target;
}

async function fetchHeaders(url: URL, request: PoliteRequest, deps: PoliteFetchDeps, controller: AbortController, lateMessage: string): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: request.accept,
    'Accept-Encoding': 'gzip, br, deflate',
    'User-Agent': deps.userAgent,
  };
  if (request.etag) headers['If-None-Match'] = request.etag;
  if (request.lastModified) headers['If-Modified-Since'] = request.lastModified;
  const late = setTimeout(() => controller.abort(new FetchProblem(lateMessage)), deps.limits.headersTimeoutMs);
  const send = () => deps.fetcher(url.href, { method: 'GET', headers, redirect: 'manual', signal: controller.signal });
  try {
    return await send().catch((error: unknown) => {
      // A kept-alive connection the server closed while this process was busy (importing the previous
      // day) fails at once; a GET is safe to send again, once, on a fresh connection.
      if (!controller.signal.aborted && isStaleConnection(error)) return send();
      throw error;
    });
  } finally {
    clearTimeout(late);
  }
}

function isStaleConnection(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET';
}

async function readAnswer(response: Response, url: URL, deps: PoliteFetchDeps, controller: AbortController): Promise<PoliteAnswer> {
  if (response.status === 304) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'not-modified' };
  }
  if (response.status < 200 || response.status > 299) {
    await response.body?.cancel().catch(() => undefined);
    const retryAt = response.status === 429 || response.status === 503 ? parseRetryAfter(response.headers.get('retry-after'), deps.now()) : null;
    const why = response.status === 404 ? ' (nothing at that address)' : response.status === 429 ? ' (too many requests)' : '';
    throw new FetchProblem(`the server answered ${response.status}${why}`, retryAt);
  }
  const bytes = await readCapped(response, deps.limits.maxBytes, controller);
  return {
    kind: 'body',
    bytes,
    url: url.href,
    contentType: response.headers.get('content-type') ?? '',
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
  };
}

async function readCapped(response: Response, maxBytes: number, controller: AbortController): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        const problem = new FetchProblem(`the answer was larger than ${Math.round(maxBytes / 1024 / 1024)} MB, so it was not read`);
        controller.abort(problem);
        throw problem;
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof FetchProblem) throw error;
    if (controller.signal.aborted && controller.signal.reason instanceof FetchProblem) throw controller.signal.reason;
    // A connection closed early, or a compressed stream that ends before its end.
    throw new FetchProblem('the answer was cut off before its end; nothing was changed');
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
