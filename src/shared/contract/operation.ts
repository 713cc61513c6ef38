import type { z } from 'zod';

/**
 * One API operation: its channel name (`domain:verb`), the schema its single argument object must pass
 * at the main-process boundary, and (as a phantom type) what it returns.
 */
export interface Operation<Args extends z.ZodType, Result> {
  readonly channel: string;
  readonly args: Args;
  /** Never read at runtime; carries the result type for the client and the handlers. */
  readonly result?: Result;
}

/** `operation<Result>()('papers:list', schema)`: curried so the channel and schema types are inferred. */
export function operation<Result>() {
  return <Args extends z.ZodType>(channel: string, args: Args): Operation<Args, Result> => ({ channel, args });
}
