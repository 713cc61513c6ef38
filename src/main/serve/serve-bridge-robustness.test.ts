import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPaper } from '../../../tests/support/seed-papers.ts';
import { openTempLibrary } from '../../../tests/support/temp-library.ts';
import { startChild } from '../../../tests/unit/support/child-process.ts';
import { createApiHandlers } from '../api/api-handlers.ts';
import { startServeBridge } from './serve-bridge.ts';
import type { ServeBridge } from './serve-bridge.ts';

/** Logs in like a browser: follows the login URL once and keeps the cookie it sets. */
async function login(bridge: ServeBridge): Promise<string> {
  const response = await fetch(bridge.loginUrl, { redirect: 'manual' });
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('the serve bridge under pressure', () => {
  let library: ReturnType<typeof openTempLibrary>;
  let bridges: ServeBridge[];
  let rendererDir: string;
  const start = () =>
    startServeBridge({ handlers: createApiHandlers(library, { openExternal: () => undefined }), rendererDir, library }).then((bridge) => {
      bridges.push(bridge);
      return bridge;
    });

  beforeEach(() => {
    library = openTempLibrary();
    rendererDir = path.join(library.dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Sift</title>');
    bridges = [];
  });
  afterEach(async () => {
    await Promise.all(bridges.map((bridge) => bridge.close()));
    library.cleanup();
  });

  it('a body over the limit gets the coded 413, not a connection reset', async () => {
    const bridge = await start();
    const cookie = await login(bridge);
    const body = Buffer.alloc(81 * 1024 * 1024, 0x20);
    const response = await fetch(`${bridge.url}api/digests:import`, { method: 'POST', body, headers: { cookie } });
    expect(response.status).toBe(413);
    const answer = (await response.json()) as { error: { type: string; message: string } };
    expect(answer.error.type).toBe('invalid-arguments');
    expect(answer.error.message).toMatch(/too large.*80 MiB/);
  }, 30_000);

  it('a malformed % escape in the path is a 400, not a 500 URIError', async () => {
    const bridge = await start();
    const cookie = await login(bridge);
    const { port } = new URL(bridge.url);
    const get = (pathname: string, method = 'GET') =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = http.request({ host: '127.0.0.1', port, path: pathname, method, headers: { cookie } }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        request.on('error', reject);
        request.end(method === 'POST' ? '{}' : undefined);
      });
    const page = await get('/%E0%A4%A');
    expect(page.status).toBe(400);
    expect(page.body).not.toMatch(/URIError/);
    expect((await get('/api/papers%ZZcount', 'POST')).status).toBe(400);
  });

  it('two bridges on two ports keep their own session: opening B does not log A out', async () => {
    const a = await start();
    const b = await start();
    const cookieA = await login(a);
    const cookieB = await login(b);
    // A browser sends every 127.0.0.1 cookie to every port: both cookies travel together.
    const both = `${cookieA}; ${cookieB}`;
    expect((await fetch(a.url, { headers: { cookie: both } })).status).toBe(200);
    expect((await fetch(b.url, { headers: { cookie: both } })).status).toBe(200);
    expect(cookieA.split('=')[0]).not.toBe(cookieB.split('=')[0]);
  });

  it('a write waiting for another process\'s lock does not hold up reads behind it', async () => {
    addPaper(library, { title: 'Waiting paper' });
    const bridge = await start();
    const cookie = await login(bridge);
    const call = (channel: string, args: unknown) =>
      fetch(`${bridge.url}api/${channel}`, { method: 'POST', body: JSON.stringify(args), headers: { cookie } }).then((response) => response.json());
    const holder = startChild(['hold-lock', library.path, '2500']);
    await holder.waitFor('locked');
    const order: string[] = [];
    const write = call('papers:set-status', { ids: [1], status: 'read' }).then((answer) => {
      order.push('write');
      return answer as { data?: { changed: number } };
    });
    const read = call('papers:count', {}).then((answer) => {
      order.push('read');
      return answer as { data?: { all: number } };
    });
    const [written, counted] = await Promise.all([write, read]);
    // The read was answered while the write still waited for the other process.
    expect(order).toEqual(['read', 'write']);
    expect(counted.data?.all).toBeGreaterThanOrEqual(1);
    expect(written.data?.changed).toBe(1);
    expect((await holder.exited).code).toBe(0);
  }, 20_000);
});
