import path from 'node:path';
import { BrowserWindow, nativeTheme, screen, session, shell } from 'electron';
import { isHttpUrl } from '../library/import/parsers/links-in-text.ts';
import { spellcheckPolicy } from './spellcheck-policy.ts';
import { fitOnScreen, readWindowState, saveWindowState } from './window-state.ts';

/**
 * The one window: sandboxed, isolated, no Node, and unable to navigate away, open windows, embed
 * webviews or get permissions. External links go to the OS browser, http(s) only.
 */
export function createSecureWindow(preloadPath: string, windowStateFile: string): BrowserWindow {
  const state = fitOnScreen(
    readWindowState(windowStateFile),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const spellcheck = spellcheckPolicy(process.platform, process.resourcesPath);
  // Chromium fetches Hunspell dictionaries from this URL when it needs one: a local folder, never online.
  session.defaultSession.setSpellCheckerDictionaryDownloadURL(spellcheck.dictionaryDownloadUrl);
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: 760,
    minHeight: 480,
    title: 'Sift',
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#fbfbfa',
    icon: path.join(import.meta.dirname, '../../assets/icon.png'),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: spellcheck.enabled,
    },
  });
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  // Remembered for next time: the size and place of the normal (not maximised) window, and whether it was maximised.
  window.on('close', () => saveWindowState(windowStateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() }));
  const contents = window.webContents;
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isHttpUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  return window;
}

/** Permission prompts (camera, notifications, …) are never granted: Sift needs none. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
