import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const SHARED_DIGEST = path.join(ROOT, 'tests/fixtures/digests/hf-papers-page.txt');
export const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');

export interface SiftServer {
  /** The login URL (carries the run's token); opening it sets the session cookie. */
  url: string;
  dbPath: string;
  dir: string;
  /** Runs the CLI against the same library, as a second process would. */
  cli: (...args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>;
}

function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Starts `sift serve` on a library; `env` lets a test point its subscriptions at a local server. */
export async function startServer(dbPath: string, env: NodeJS.ProcessEnv = process.env): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['src/main/cli/sift.ts', 'serve', '--db', dbPath], { cwd: ROOT, env });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`sift serve did not start: ${output}`)), 20_000);
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\w+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`sift serve exited with ${code}: ${output}`)));
  });
  return { child, url };
}

/** Each test gets its own library file in a fresh folder and its own `sift serve` process. */
export const test = base.extend<{ sift: SiftServer }>({
  sift: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-e2e-'));
    const dbPath = path.join(dir, 'library.db');
    const { child, url } = await startServer(dbPath);
    await use({ url, dbPath, dir, cli: (...args) => runNode(['src/main/cli/sift.ts', ...args, '--db', dbPath], process.env) });
    child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

export function screenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}
