import type { OperationName } from '../../shared/api-contract.ts';

/**
 * Operations that write the library in one synchronous transaction. A server runs them holding the
 * write lock, taken without blocking its event loop, so a write waiting for another process never
 * holds up the reads queued behind it. (Restoring a backup and making one are asynchronous and
 * manage their own transactions; searching only folds queued papers into its index.)
 */
export const WRITE_OPERATIONS: ReadonlySet<OperationName> = new Set<OperationName>([
  'importDigest',
  'skipRestOfDigest',
  'setStatus',
  'setStarred',
  'moveInQueue',
  'setNote',
  'addTag',
  'removeTag',
  'renameTag',
  'deleteTag',
  'undo',
  'restoreFromJson',
  'setSettings',
]);
