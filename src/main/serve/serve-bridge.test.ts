import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempLibrary } from '../../../tests/support/temp-library.ts';
import { createApiHandlers } from '../api/api-handlers.ts';
import { startServeBridge } from './serve-bridge.ts';
import type { ServeBridge } from './serve-bridge.ts';

describe('the serve bridge', () => {
  let library: ReturnType<typeof openTempLibrary>;
  let bridge: ServeBridge;
  const token = 'a'.repeat(48);
  let cookie: string;

  beforeEach(async () => {
    library = openTempLibrary();
    const rendererDir = path.join(library.dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Sift</title>');
    bridge = await startServeBridge({ handlers: createApiHandlers(library, { openExternal: () => undefined }), rendererDir, token });
    cookie = `sift_session_${new URL(bridge.url).port}=${token}`;
  });
  afterEach(async () => {
    await bridge.close();
    library.cleanup();
  });

  const api = (channel: string, init: RequestInit = {}) =>
    fetch(`${bridge.url}api/${channel}`, { method: 'POST', body: '{}', ...init, headers: { cookie, ...(init.headers ?? {}) } });

  it('listens on 127.0.0.1 only', () => {
    expect(new URL(bridge.url).hostname).toBe('127.0.0.1');
  });

  it('the login URL sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const response = await fetch(bridge.loginUrl, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('refuses the page and the API without the token', async () => {
    expect((await fetch(bridge.url)).status).toBe(403);
    expect((await fetch(`${bridge.url}api/papers:count`, { method: 'POST', body: '{}' })).status).toBe(403);
    expect((await fetch(`${bridge.url}?token=wrong`)).status).toBe(403);
  });

  it('serves the UI and answers typed API calls with the token', async () => {
    const page = await fetch(bridge.url, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const counts = await (await api('papers:count')).json();
    expect(counts).toEqual({ data: { inbox: 0, 'to-read': 0, read: 0, skipped: 0, starred: 0, all: 0 } });
  });

  it('refuses calls from another origin, even with the cookie', async () => {
    const response = await api('papers:count', { headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { port } = new URL(bridge.url);
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port, path: '/', headers: { host: `attacker.example:${port}`, cookie } }, (res) => resolve(res.statusCode ?? 0));
    });
    expect(status).toBe(421);
  });

  it('does not serve files outside the UI folder', async () => {
    const response = await fetch(`${bridge.url}..%2F..%2Flibrary.db`, { headers: { cookie } });
    expect(response.status).toBe(404);
  });

  it('validates arguments exactly as IPC does', async () => {
    const response = await api('papers:set-status', { body: JSON.stringify({ ids: ['1'], status: 'read' }) });
    expect((await response.json()).error.type).toBe('invalid-arguments');
    const notJson = await api('papers:count', { body: '{' });
    expect(notJson.status).toBe(400);
  });
});
