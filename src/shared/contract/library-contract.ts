import { z } from 'zod';
import { operation } from './operation.ts';

export interface LibraryInfo {
  path: string;
  /**
   * Moves when another process (a `sift import`, a second window) commits a change the reader can see;
   * the renderer polls it to stay live. Derived state another process writes (the learning process's
   * stored vectors) leaves it as it was.
   */
  externalChanges: number;
  paperCount: number;
}

export const libraryContract = {
  getLibraryInfo: operation<LibraryInfo>()('library:info', z.object({})),
  openExternal: operation<{ opened: boolean }>()(
    'shell:open-external',
    z.object({ url: z.string().max(8000) }),
  ),
};
