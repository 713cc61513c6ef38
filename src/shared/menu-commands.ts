import type { ImportReport } from './domain.ts';

/** The one push channel from main to the renderer: commands chosen in the native menu. */
export const MENU_COMMAND_CHANNEL = 'menu:command';

export type MenuCommand =
  | { kind: 'import-finished'; reports: ImportReport[]; errors: string[] }
  | { kind: 'show-export' }
  | { kind: 'show-settings' }
  | { kind: 'show-shortcuts' }
  | { kind: 'focus-search' }
  /** Files opened with Sift (double-click, `sift FILE`, the dock icon): preview them before importing. */
  | { kind: 'open-files'; files: { name: string; dataBase64: string }[]; errors: string[] };

/** What the preload exposes as `window.sift`. */
export interface SiftBridge {
  api: import('./api-contract.ts').SiftApi;
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
}
