// First step of `npm test`: stop in one line, before anything runs, when no browser can drive the e2e tests.
import { findBrowser, NO_BROWSER_MESSAGE } from './find-browser.ts';

if (!findBrowser()) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}
