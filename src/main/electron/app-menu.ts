import fs from 'node:fs';
import path from 'node:path';
import { dialog, Menu } from 'electron';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import type { ApiHandlers } from '../../shared/api-contract.ts';
import type { ImportReport } from '../../shared/domain.ts';
import { MENU_COMMAND_CHANNEL } from '../../shared/menu-commands.ts';
import type { MenuCommand } from '../../shared/menu-commands.ts';
import { dispatchOperation } from '../api/dispatch-operation.ts';
import { SiftError } from '../../shared/api-errors.ts';
import { assertDigestFileSize } from '../library/import/digest-size-limit.ts';

function send(window: BrowserWindow, command: MenuCommand): void {
  window.webContents.send(MENU_COMMAND_CHANNEL, command);
}

/** File → Import: the native dialog, several files at once, each through the same import operation. */
async function importFromDialog(window: BrowserWindow, handlers: ApiHandlers): Promise<void> {
  const choice = await dialog.showOpenDialog(window, {
    title: 'Import digests',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Digests', extensions: ['txt', 'html', 'htm', 'json', 'xml', 'atom', 'rss', 'bib', 'ris', 'eml'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  if (choice.canceled) return;
  const reports: ImportReport[] = [];
  const errors: string[] = [];
  for (const file of choice.filePaths) {
    let dataBase64: string;
    try {
      assertDigestFileSize(file, path.basename(file));
      dataBase64 = fs.readFileSync(file).toString('base64');
    } catch (error) {
      errors.push(error instanceof SiftError ? error.message : `${path.basename(file)} cannot be read: ${(error as Error).message}`);
      continue;
    }
    const result = await dispatchOperation(handlers, 'importDigest', { name: path.basename(file), dataBase64 });
    if (result.error) errors.push(result.error.message);
    else reports.push(result.data as ImportReport);
  }
  send(window, { kind: 'import-finished', reports, errors });
}

export function installAppMenu(window: BrowserWindow, handlers: ApiHandlers): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import Digests…', accelerator: 'CmdOrCtrl+O', click: () => void importFromDialog(window, handlers) },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => send(window, { kind: 'show-export' }) },
        { type: 'separator' },
        { label: 'Settings and Backups…', accelerator: 'CmdOrCtrl+,', click: () => send(window, { kind: 'show-settings' }) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { label: 'Search', accelerator: 'CmdOrCtrl+F', click: () => send(window, { kind: 'focus-search' }) },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Help',
      submenu: [{ label: 'Keyboard Shortcuts', click: () => send(window, { kind: 'show-shortcuts' }) }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
