import path from 'node:path';
import { BrowserWindow, nativeTheme, session, shell } from 'electron';
import { isHttpUrl } from '../library/import/parsers/links-in-text.ts';

/**
 * The one window: sandboxed, isolated, no Node, and unable to navigate away, open windows, embed
 * webviews or get permissions. External links go to the OS browser, http(s) only.
 */
export function createSecureWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
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
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
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
