// The one API contract. Main registers a handler per entry, the preload and the HTTP bridge expose them,
// and the renderer calls them through `SiftApi`: all three compile against this file.
import type { z } from 'zod';
import type { ApiResult } from './api-errors.ts';
import { digestsContract } from './contract/digests-contract.ts';
import { learnContract } from './contract/learn-contract.ts';
import { importJobsContract } from './contract/import-jobs-contract.ts';
import { libraryContract } from './contract/library-contract.ts';
import type { Operation } from './contract/operation.ts';
import { papersContract } from './contract/papers-contract.ts';
import { safetyContract } from './contract/safety-contract.ts';
import { searchContract } from './contract/search-contract.ts';
import { subscriptionsContract } from './contract/subscriptions-contract.ts';
import { titleMergesContract } from './contract/title-merges-contract.ts';
import { statsContract } from './contract/stats-contract.ts';

export const apiContract = {
  ...papersContract,
  ...digestsContract,
  ...libraryContract,
  ...searchContract,
  ...safetyContract,
  ...learnContract,
  ...subscriptionsContract,
  ...importJobsContract,
  ...titleMergesContract,
  ...statsContract,
};

export type ApiContract = typeof apiContract;
export type OperationName = keyof ApiContract;

type ArgsOf<K extends OperationName> = ApiContract[K] extends Operation<infer A, unknown> ? A : never;
export type OperationArgs<K extends OperationName> = z.input<ArgsOf<K>>;
export type ParsedArgs<K extends OperationName> = z.output<ArgsOf<K>>;
export type OperationResult<K extends OperationName> =
  ApiContract[K] extends Operation<z.ZodType, infer R> ? R : never;

/** What the renderer holds: one method per operation, errors as values. */
export type SiftApi = {
  [K in OperationName]: (args: OperationArgs<K>) => Promise<ApiResult<OperationResult<K>>>;
};

/** What main implements: one function per operation, given already-validated arguments. */
export type ApiHandlers = {
  [K in OperationName]: (args: ParsedArgs<K>) => OperationResult<K> | Promise<OperationResult<K>>;
};

export const OPERATION_NAMES = Object.keys(apiContract) as OperationName[];

/** The HTTP bridge and the preload route by channel; this maps a channel back to its operation. */
export function operationForChannel(channel: string): OperationName | undefined {
  return OPERATION_NAMES.find((name) => apiContract[name].channel === channel);
}
