// Runs sandboxed with contextIsolation: exposes exactly the typed API and the menu channel, nothing else
// (no ipcRenderer, no process, no Node).
import { contextBridge, ipcRenderer } from 'electron';
import { apiContract, OPERATION_NAMES } from '../../shared/api-contract.ts';
import type { SiftApi } from '../../shared/api-contract.ts';
import { MENU_COMMAND_CHANNEL } from '../../shared/menu-commands.ts';
import type { MenuCommand, SiftBridge } from '../../shared/menu-commands.ts';

const api = Object.fromEntries(
  OPERATION_NAMES.map((name) => [name, (args: unknown) => ipcRenderer.invoke(apiContract[name].channel, args)]),
) as SiftApi;

const bridge = {
  api,
  onMenuCommand: (listener: (command: MenuCommand) => void) => {
    const forward = (_event: Electron.IpcRendererEvent, command: MenuCommand) => listener(command);
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward);
    };
  },
} satisfies SiftBridge;

contextBridge.exposeInMainWorld('sift', bridge);
