import { z } from 'zod';
import { QUEUES } from '../domain.ts';
import { operation } from './operation.ts';

export const EXPORT_FORMATS = ['bibtex', 'ris', 'csv', 'markdown', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  /** A suggested file name, e.g. "sift-to-read-2026-11-29.bib". */
  fileName: string;
  mimeType: string;
  content: string;
  count: number;
}

export interface BackupInfo {
  fileName: string;
  createdAt: string;
  /** Why it was taken: 'daily', 'manual', 'before-restore', 'before-migration-v1-to-v2', … */
  reason: string;
  sizeBytes: number;
  paperCount: number | null;
  /** It passed SQLite's integrity check when it was taken (and is still readable). */
  verified: boolean;
  /**
   * Made by a Sift from before backups recorded their library (named `<library>-<time>-<reason>.db`):
   * restorable, never pruned, and possibly another library's with the same name in this folder.
   */
  fromOlderSift: boolean;
}

export interface RestorePreview {
  papers: number;
  newPapers: number;
  /** Existing papers whose reader state (status, star, tags, note) the file would fill in. */
  updatedPapers: number;
  /** Digests in the file. */
  digests: number;
  /** Digests in the file the library does not have yet (matched by content). */
  newDigests: number;
  /** Subscriptions in the file (0 in files of older Sift), and those the library lacks (matched by address). */
  subscriptions: number;
  newSubscriptions: number;
}

export interface RestoreReport extends RestorePreview {
  file: string;
}

const uploadedFile = z.object({ name: z.string().min(1).max(1000), dataBase64: z.string().max(140_000_000) });

export const safetyContract = {
  exportPapers: operation<ExportedFile>()(
    'export:papers',
    z.object({
      format: z.enum(EXPORT_FORMATS),
      queue: z.enum(QUEUES).optional(),
      tag: z.string().max(200).optional(),
      // Given papers instead of a queue: the selection, a search's results, one paper's BibTeX.
      ids: z.array(z.number().int().positive()).max(200_000).optional(),
    }),
  ),
  listBackups: operation<BackupInfo[]>()('backups:list', z.object({})),
  createBackup: operation<BackupInfo>()('backups:create', z.object({})),
  restoreBackup: operation<{ restored: string }>()(
    'backups:restore',
    z.object({ fileName: z.string().min(1).max(300) }),
  ),
  previewRestore: operation<RestorePreview>()('library:preview-restore', uploadedFile),
  restoreFromJson: operation<RestoreReport>()('library:restore', uploadedFile),
  getSettings: operation<{ backupsToKeep: number }>()('settings:get', z.object({})),
  setSettings: operation<{ backupsToKeep: number }>()(
    'settings:set',
    z.object({ backupsToKeep: z.number().int().min(1).max(365) }),
  ),
};
