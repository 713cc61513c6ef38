import { z } from 'zod';
import { operation } from './operation.ts';

export interface LibraryInfo {
  path: string;
  /** Changes whenever any process commits to the library; the renderer polls it to stay live. */
  dataVersion: number;
  paperCount: number;
}

export const libraryContract = {
  getLibraryInfo: operation<LibraryInfo>()('library:info', z.object({})),
  openExternal: operation<{ opened: boolean }>()(
    'shell:open-external',
    z.object({ url: z.string().max(8000) }),
  ),
};
