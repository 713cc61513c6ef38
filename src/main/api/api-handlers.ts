import type { ApiHandlers } from '../../shared/api-contract.ts';
import { SiftError } from '../../shared/api-errors.ts';
import { listBackups } from '../library/backup/backup-files.ts';
import { getBackupsToKeep, setBackupsToKeep } from '../library/backup/backup-settings.ts';
import { createBackup } from '../library/backup/create-backup.ts';
import { restoreBackup } from '../library/backup/restore-backup.ts';
import { previewRestore, restoreFromJson } from '../library/backup/restore-from-json.ts';
import { exportPapers } from '../library/export/export-papers.ts';
import { listDigests } from '../library/import/list-digests.ts';
import { createImportJobHandlers } from './import-job-handlers.ts';
import { previewInWorker } from '../library/import/engine/preview-in-worker.ts';
import { splitTitleMerge } from '../library/import/title-merges.ts';
import { getPaper } from '../library/papers/get-paper.ts';
import { countQueues, listPapers } from '../library/papers/list-papers.ts';
import { addTag, deleteTag, listTags, removeTag, renameTag, setNote } from '../library/papers/tags-and-notes.ts';
import { moveInQueue, setStarred, setStatus, skipRestOfDigest } from '../library/papers/triage-papers.ts';
import type { SiftLibrary } from '../library/sift-library.ts';
import { isHttpUrl } from '../library/import/parsers/links-in-text.ts';
import { createLearnHandlers } from './learn-handlers.ts';
import type { LaunchLearnProcess } from '../library/learn/launch-learn-process.ts';
import { searchCountHandler, searchHandler, searchIdsHandler } from '../library/search/search-handler.ts';
import { SubscriptionService } from '../library/subscriptions/subscription-service.ts';
import { createSubscriptionHandlers } from './subscription-handlers.ts';
import { readingStats } from '../library/stats/reading-stats.ts';
import { externalChangeWatch } from '../library/db/library-changes.ts';

/** What differs between the desktop app and the serve bridge: how a link reaches the OS browser. */
export interface HostServices {
  /** Resolves false when the host cannot open links itself (the serve bridge): the client then opens it. */
  openExternal: (url: string) => Promise<boolean | void> | boolean | void;
  /** The process's subscription fetcher (Electron's network stack in the app); Node's fetch if absent. */
  subscriptions?: SubscriptionService;
  /** How a learning process starts (Electron's utility process in the app); Node's fork if absent. */
  launchLearnProcess?: LaunchLearnProcess;
}

/** One handler per contract operation, over one open library. Arguments arrive already validated. */
export function createApiHandlers(library: SiftLibrary, host: HostServices): ApiHandlers {
  const { db } = library;
  const context = { db, history: library.history, clock: library.clock };
  const bytes = (base64: string) => Buffer.from(base64, 'base64');
  const externalChanges = externalChangeWatch(db);
  const notYet = (what: string) => () => {
    throw new SiftError('internal', `${what} is not available in this build yet.`);
  };
  return {
    ...createLearnHandlers(library, host.launchLearnProcess),
    ...createSubscriptionHandlers(library, host.subscriptions ?? new SubscriptionService(library, { fetcher: fetch })),
    searchPapers: searchHandler(db),
    searchPaperIds: searchIdsHandler(db),
    countSearchMatches: searchCountHandler(db),
    exportPapers: ({ format, queue, tag, ids }) => exportPapers(db, { format, queue, tag, ids }, library.clock),
    listBackups: () => listBackups(library),
    createBackup: () => createBackup(library),
    restoreBackup: ({ fileName }) => restoreBackup(library, fileName),
    previewRestore: ({ name, dataBase64 }) => previewRestore(library, name, bytes(dataBase64)),
    restoreFromJson: ({ name, dataBase64 }) => restoreFromJson(library, name, bytes(dataBase64)),
    getSettings: () => ({ backupsToKeep: getBackupsToKeep(db) }),
    setSettings: ({ backupsToKeep }) => setBackupsToKeep(db, backupsToKeep),
    listPapers: (args) => listPapers(db, args),
    getPaper: ({ id }) => getPaper(db, id),
    countQueues: () => countQueues(db),
    setStatus: ({ ids, status }) => setStatus(context, ids, status),
    setStarred: ({ ids, starred }) => setStarred(context, ids, starred),
    moveInQueue: ({ ids, to }) => moveInQueue(context, ids, to),
    setNote: ({ id, note }) => setNote(context, id, note),
    addTag: ({ ids, tag }) => addTag(context, ids, tag),
    removeTag: ({ ids, tag }) => removeTag(context, ids, tag),
    listTags: () => listTags(db),
    renameTag: ({ from, to }) => renameTag(db, from, to),
    deleteTag: ({ name }) => deleteTag(db, name),
    undo: () => ({ undone: library.history.undo(db) }),
    previewDigest: ({ name, dataBase64, format }) => previewInWorker(library, { fileName: name, bytes: bytes(dataBase64), format }),
    listDigests: () => listDigests(db),
    skipRestOfDigest: ({ digestId }) => skipRestOfDigest(context, digestId),
    splitTitleMerge: ({ mergeId }) => splitTitleMerge(db, mergeId, library.clock),
    getLibraryInfo: () => ({
      path: library.path,
      externalChanges: externalChanges(),
      paperCount: db.prepare('SELECT count(*) FROM papers').pluck().get() as number,
    }),
    getReadingStats: ({ days }) => readingStats(db, { days }, library.clock),
    openExternal: async ({ url }) => {
      // Only parsed http(s) URLs ever reach the OS: no file:, javascript: or custom schemes.
      if (!isHttpUrl(url)) return { opened: false };
      const opened = await host.openExternal(new URL(url).toString());
      return { opened: opened !== false };
    },
    ...createImportJobHandlers(library),
  };
}
