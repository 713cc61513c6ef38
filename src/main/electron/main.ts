// The Electron entry: opens the library, registers the typed API, creates the one secure window.
// Everything else lives in the library core, shared with the CLI and the serve bridge.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, dialog, net, shell } from 'electron';
import { createApiHandlers } from '../api/api-handlers.ts';
import { resolveLibraryPath } from '../library/library-location.ts';
import { backUpOnStart } from '../library/backup/startup-backup.ts';
import { openSiftLibrary } from '../library/sift-library.ts';
import type { SiftLibrary } from '../library/sift-library.ts';
import { startSubscriptions } from '../library/subscriptions/start-subscriptions.ts';
import { MENU_COMMAND_CHANNEL } from '../../shared/menu-commands.ts';
import type { MenuCommand } from '../../shared/menu-commands.ts';
import { installAppMenu } from './app-menu.ts';
import { filesToOpen, OpenWithQueue, readFilesToOpen } from './open-with.ts';
import { registerIpc } from './register-ipc.ts';
import { createSecureWindow, denyAllPermissions } from './secure-window.ts';
import { launchUtilityLearnProcess } from './utility-learn-process.ts';
import { warmSpareWorkerAfterStart } from '../library/import/engine/run-import-worker.ts';

app.setName('Sift');
const rendererIndex = path.join(import.meta.dirname, '../renderer/index.html');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

function dbFlagFromArgv(argv: string[]): string | undefined {
  const index = argv.indexOf('--db');
  if (index >= 0) return argv[index + 1];
  return argv.find((arg) => arg.startsWith('--db='))?.slice('--db='.length);
}

function isTrustedUrl(url: string): boolean {
  if (devServerUrl && url.startsWith(devServerUrl)) return true;
  return url.split('#')[0]?.split('?')[0] === pathToFileURL(rendererIndex).toString();
}

function openLibraryOrExplain(): SiftLibrary | null {
  const libraryPath = resolveLibraryPath({ dbFlag: dbFlagFromArgv(process.argv), userDataDir: app.getPath('userData') });
  try {
    return openSiftLibrary(libraryPath);
  } catch (error) {
    dialog.showErrorBox('Sift cannot open its library', error instanceof Error ? error.message : String(error));
    return null;
  }
}

// Files opened with Sift wait here until the window can preview them. macOS sends `open-file`
// (double-click, the dock icon), possibly before `ready`; Windows and Linux pass them as arguments.
const openWith = new OpenWithQueue();
app.on('open-file', (event, file) => {
  event.preventDefault();
  openWith.add([file]);
});

// Single instance: a second launch (`sift FILE`, another double-click) hands its files to the first.
if (!app.requestSingleInstanceLock()) app.quit();
else void app.whenReady().then(start);

function start(): void {
  const library = openLibraryOrExplain();
  if (!library) {
    app.quit();
    return;
  }
  denyAllPermissions();
  // Chromium's network stack, so subscriptions go through the system's proxy settings.
  const subscriptions = startSubscriptions(library, (url, init) => net.fetch(url, init), process.env, console.error);
  const handlers = createApiHandlers(library, {
    openExternal: (url) => shell.openExternal(url),
    subscriptions: subscriptions.service,
    launchLearnProcess: launchUtilityLearnProcess,
  });
  registerIpc(handlers, isTrustedUrl, library);
  const window = createSecureWindow(path.join(import.meta.dirname, '../preload/index.cjs'), path.join(app.getPath('userData'), 'window-state.json'));
  installAppMenu(window, handlers);
  void backUpOnStart(library);
  warmSpareWorkerAfterStart();
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(rendererIndex);
  openWith.add(filesToOpen(process.argv, process.cwd()));
  window.webContents.once('did-finish-load', () =>
    openWith.ready((files) => {
      const command: MenuCommand = { kind: 'open-files', ...readFilesToOpen(files) };
      window.webContents.send(MENU_COMMAND_CHANNEL, command);
    }),
  );
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (window.isMinimized()) window.restore();
    window.focus();
    openWith.add(filesToOpen(argv, workingDirectory));
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    subscriptions.stop();
    library.close();
  });
}
