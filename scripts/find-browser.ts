// Which Chromium the e2e tests drive: Debian's (or another system Chromium) when installed, else
// Playwright's own build when `npx playwright install chromium` has put one in its cache.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface FoundBrowser {
  /** Set for a system browser; undefined means "Playwright's own", which Playwright finds itself. */
  executablePath: string | undefined;
  description: string;
}

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Playwright's browser cache, as Playwright itself resolves it. */
function playwrightCacheDir(env: NodeJS.ProcessEnv): string {
  if (env.PLAYWRIGHT_BROWSERS_PATH && env.PLAYWRIGHT_BROWSERS_PATH !== '0') return env.PLAYWRIGHT_BROWSERS_PATH;
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library/Caches/ms-playwright');
  if (process.platform === 'win32') return path.join(env.LOCALAPPDATA ?? os.homedir(), 'ms-playwright');
  return path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'ms-playwright');
}

/** A headless shell or Chromium that `npx playwright install chromium` downloaded, if any. */
function playwrightChromium(env: NodeJS.ProcessEnv): string | undefined {
  const cache = playwrightCacheDir(env);
  let entries: string[];
  try {
    entries = fs.readdirSync(cache);
  } catch {
    return undefined;
  }
  for (const entry of entries.filter((name) => /^chromium(_headless_shell)?-\d+$/.test(name))) {
    for (const relative of [
      'chrome-headless-shell-linux64/chrome-headless-shell',
      'chrome-linux/headless_shell',
      'chrome-linux/chrome',
      'chrome-linux64/chrome',
      'chrome-headless-shell-mac-arm64/chrome-headless-shell',
      'chrome-headless-shell-mac-x64/chrome-headless-shell',
      'chrome-headless-shell-win64/chrome-headless-shell.exe',
      'chrome-win/chrome.exe',
    ]) {
      const candidate = path.join(cache, entry, relative);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * The browser to use, or null. `SIFT_SYSTEM_CHROMIUM` (a path list) replaces the system locations,
 * so a test can stand in for a machine without one.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): FoundBrowser | null {
  const system = env.SIFT_SYSTEM_CHROMIUM !== undefined ? env.SIFT_SYSTEM_CHROMIUM.split(path.delimiter).filter(Boolean) : SYSTEM_CHROMIUM;
  const executablePath = system.find(isExecutable);
  if (executablePath) return { executablePath, description: `system Chromium at ${executablePath}` };
  const own = playwrightChromium(env);
  if (own) return { executablePath: undefined, description: `Playwright's Chromium at ${own}` };
  return null;
}

export const NO_BROWSER_MESSAGE =
  'npm test: no Chromium for the end-to-end tests. Install one, then run npm test again: `sudo apt-get install chromium` (Debian/Ubuntu) or `npx playwright install chromium` (any system).';
