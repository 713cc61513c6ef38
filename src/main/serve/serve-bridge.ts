import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { operationForChannel } from '../../shared/api-contract.ts';
import type { ApiHandlers } from '../../shared/api-contract.ts';
import { dispatchOperation } from '../api/dispatch-operation.ts';
import type { DispatchOptions } from '../api/dispatch-operation.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy.ts';

export interface ServeBridgeOptions {
  handlers: ApiHandlers;
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a fresh random one otherwise. */
  token?: string;
  /** The open library, so writes wait for its lock without stalling reads, and damage is explained. */
  library?: DispatchOptions['library'];
}

export interface ServeBridge {
  url: string;
  /** Open this once: it sets the session cookie and redirects to the app. */
  loginUrl: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 80 * 1024 * 1024;
// Cookies are scoped to a host, not a port: each run's cookie is named for its port, so a second
// `sift serve` on another port does not overwrite (and so log out) the first.
const cookieName = (port: number) => `sift_session_${port}`;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Serves the built renderer and the typed API on 127.0.0.1 only. A request must carry the per-run
 * token (cookie set by the login URL) and a Host of 127.0.0.1/localhost (defeats DNS rebinding);
 * API calls must come from our own origin, so no other web page can read or change the library.
 */
export async function startServeBridge(options: ServeBridgeOptions): Promise<ServeBridge> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const server = http.createServer((request, response) => {
    handleRequest(request, response, options, token, server).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: { type: 'internal', message: String(error) } });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    loginUrl: `${url}?token=${token}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function handleRequest(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  options: ServeBridgeOptions,
  token: string,
  server: http.Server,
): Promise<void> {
  const { port } = server.address() as AddressInfo;
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(request.headers.host ?? '')) return sendText(response, 421, 'Wrong host.');
  let url: URL;
  let pathname: string;
  try {
    url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return sendText(response, 400, 'Malformed URL (a % not followed by two hex digits?).');
  }
  const offered = url.searchParams.get('token');
  if (offered !== null && request.method === 'GET') {
    if (!sameSecret(offered, token)) return sendText(response, 403, 'This link is from another Sift run; use the URL printed by `sift serve`.');
    response.writeHead(303, {
      'Set-Cookie': `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      Location: url.pathname,
    });
    return void response.end();
  }
  if (!sameSecret(readCookie(request.headers.cookie, cookieName(port)) ?? '', token)) {
    return sendText(response, 403, 'Open Sift with the URL printed by `sift serve` (it carries this run\'s token).');
  }
  if (url.pathname.startsWith('/api/')) {
    const origin = request.headers.origin;
    if (request.method !== 'POST') return sendText(response, 405, 'API calls are POST.');
    if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
      return sendText(response, 403, 'Cross-origin API calls are refused.');
    }
    const name = operationForChannel(pathname.slice('/api/'.length));
    if (!name) return sendJson(response, 404, { error: { type: 'not-found', message: 'No such operation.' } });
    const body = await readBody(request);
    if (body === null) {
      return sendJson(response, 413, {
        error: { type: 'invalid-arguments', message: `Request too large: the limit is ${MAX_BODY_BYTES / 1024 / 1024} MiB per call (import big files with \`sift import\`).` },
      });
    }
    let args: unknown;
    try {
      args = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return sendJson(response, 400, { error: { type: 'invalid-arguments', message: 'Request body is not JSON.' } });
    }
    const dispatched = await dispatchOperation(options.handlers, name, args, { library: options.library, waitForWriteLockAsync: true });
    return sendJson(response, 200, dispatched);
  }
  return serveStatic(response, options.rendererDir, pathname);
}

function serveStatic(response: http.ServerResponse, rendererDir: string, pathname: string): void {
  const root = path.resolve(rendererDir);
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    return sendText(response, 404, 'Not found.');
  }
  response.writeHead(200, {
    'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  fs.createReadStream(file).pipe(response);
}

/**
 * The body, or null when it is over the limit. An oversized body is read to its end and dropped rather
 * than cut off: closing the socket mid-upload makes the client see a connection reset, not the 413.
 */
function readBody(request: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function sendJson(response: http.ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(value));
}

function sendText(response: http.ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}
