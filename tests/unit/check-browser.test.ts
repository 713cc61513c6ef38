import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-library.ts';

const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/check-browser.ts');
const PACKAGE = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> };

/** The check as `npm test` runs it, on a machine whose browsers the test decides. */
function check(env: Record<string, string>) {
  return spawnSync(process.execPath, [SCRIPT], { env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('a new contributor\'s first npm test', () => {
  let temp: ReturnType<typeof makeTempDir>;
  afterEach(() => temp.cleanup());

  it('without any Chromium, stops first, in one line that says how to get one', () => {
    temp = makeTempDir('sift-no-browser-');
    const result = check({ SIFT_SYSTEM_CHROMIUM: '', PLAYWRIGHT_BROWSERS_PATH: temp.dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/apt-get install chromium/);
    expect(lines[0]).toMatch(/npx playwright install chromium/);
    // It is the very first step of `npm test`, before type-checking or any test.
    expect(PACKAGE.scripts.test?.startsWith('node scripts/check-browser.ts && ')).toBe(true);
  });

  it('accepts Playwright\'s own Chromium when that is what is installed', () => {
    temp = makeTempDir('sift-pw-browser-');
    const shell = path.join(temp.dir, 'chromium_headless_shell-1200', 'chrome-headless-shell-linux64', 'chrome-headless-shell');
    fs.mkdirSync(path.dirname(shell), { recursive: true });
    fs.writeFileSync(shell, '#!/bin/sh\n');
    fs.chmodSync(shell, 0o755);
    const result = check({ SIFT_SYSTEM_CHROMIUM: '', PLAYWRIGHT_BROWSERS_PATH: temp.dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('accepts a system Chromium', () => {
    temp = makeTempDir('sift-sys-browser-');
    const chromium = path.join(temp.dir, 'chromium');
    fs.writeFileSync(chromium, '#!/bin/sh\n');
    fs.chmodSync(chromium, 0o755);
    expect(check({ SIFT_SYSTEM_CHROMIUM: chromium, PLAYWRIGHT_BROWSERS_PATH: path.join(temp.dir, 'none') }).status).toBe(0);
  });
});
