import { systemClock } from './db/clock.ts';
import type { Clock } from './db/clock.ts';
import { openLibrary } from './db/open-library.ts';
import type { LibraryDb, OpenLibraryOptions } from './db/open-library.ts';
import { UndoHistory } from './papers/undo-history.ts';

/** An open library: the connection plus the per-session state every front end shares. */
export interface SiftLibrary {
  path: string;
  db: LibraryDb;
  history: UndoHistory;
  clock: Clock;
  close(): void;
}

export function openSiftLibrary(filePath: string, options: OpenLibraryOptions & { clock?: Clock } = {}): SiftLibrary {
  const db = openLibrary(filePath, options);
  return {
    path: filePath,
    db,
    history: new UndoHistory(),
    clock: options.clock ?? systemClock,
    close: () => {
      if (db.open) db.close();
    },
  };
}
