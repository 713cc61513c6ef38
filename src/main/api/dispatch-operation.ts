import { apiContract } from '../../shared/api-contract.ts';
import type { ApiHandlers, OperationName } from '../../shared/api-contract.ts';
import { SiftError } from '../../shared/api-errors.ts';
import type { ApiResult } from '../../shared/api-errors.ts';

/**
 * The single entry from outside (IPC or HTTP): the argument is `unknown` until the contract's schema
 * accepts it, and every failure comes back as a typed error value instead of a thrown exception.
 */
export async function dispatchOperation(
  handlers: ApiHandlers,
  name: OperationName,
  rawArgs: unknown,
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
    return { data: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof SiftError) return { error: { type: error.type, message: error.message } };
    const message = error instanceof Error ? error.message : String(error);
    if (/SQLITE_BUSY|database is locked/i.test(message)) {
      return { error: { type: 'conflict', message: 'The library is busy in another Sift process; try again in a moment.' } };
    }
    console.error(`[sift] ${apiContract[name].channel} failed:`, error);
    return { error: { type: 'internal', message: `Sift hit an unexpected error: ${message}` } };
  }
}
