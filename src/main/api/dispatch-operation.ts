import { apiContract } from '../../shared/api-contract.ts';
import type { ApiHandlers, OperationName } from '../../shared/api-contract.ts';
import { SiftError } from '../../shared/api-errors.ts';
import type { ApiResult } from '../../shared/api-errors.ts';
import type { LibraryDb } from '../library/db/open-library.ts';
import { explainDamage } from '../library/db/damaged-library-message.ts';
import { readLibraryId } from '../library/db/library-identity.ts';
import { withWriteLockAsync } from '../library/db/write-lock.ts';
import { WRITE_OPERATIONS } from './write-operations.ts';

export interface DispatchOptions {
  /** The open library: lets a damaged page be explained with the way back (the newest verified backup). */
  library?: { path: string; db: LibraryDb };
  /** Take the write lock for writes without blocking the event loop (a server answering many clients). */
  waitForWriteLockAsync?: boolean;
}

/**
 * The single entry from outside (IPC or HTTP): the argument is `unknown` until the contract's schema
 * accepts it, and every failure comes back as a typed error value instead of a thrown exception.
 */
export async function dispatchOperation(
  handlers: ApiHandlers,
  name: OperationName,
  rawArgs: unknown,
  options: DispatchOptions = {},
): Promise<ApiResult<unknown>> {
  const parsed = apiContract[name].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || 'argument'}: ${issue.message}`)
      .join('; ');
    return { error: { type: 'invalid-arguments', message: `Invalid arguments for ${apiContract[name].channel}: ${detail}` } };
  }
  try {
    const handler = handlers[name] as (args: unknown) => unknown;
    const { library } = options;
    if (library && options.waitForWriteLockAsync && WRITE_OPERATIONS.has(name)) {
      return { data: await withWriteLockAsync(library.db, () => handler(parsed.data)) };
    }
    return { data: await handler(parsed.data) };
  } catch (caught) {
    const error = options.library ? explainDamage(caught, options.library.path, libraryIdOrNull(options.library.db)) : caught;
    if (error instanceof SiftError) return { error: { type: error.type, message: error.message } };
    const message = error instanceof Error ? error.message : String(error);
    if (/SQLITE_BUSY|database is locked/i.test(message)) {
      return { error: { type: 'conflict', message: 'The library is busy in another Sift process; try again in a moment.' } };
    }
    console.error(`[sift] ${apiContract[name].channel} failed:`, error);
    return { error: { type: 'internal', message: `Sift hit an unexpected error: ${message}` } };
  }
}

function libraryIdOrNull(db: LibraryDb): string | null {
  try {
    return readLibraryId(db) ?? null;
  } catch {
    return null;
  }
}
