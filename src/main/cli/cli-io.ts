import { SiftError } from '../../shared/api-errors.ts';
import { readLimited } from '../library/import/digest-size-limit.ts';

/** Exit codes: 0 all good, 1 something was rejected (nothing of it written), 2 the command line was wrong. */
export const EXIT_OK = 0;
export const EXIT_REJECTED = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  readStdin: () => Promise<Buffer>;
}

export const processIo: CliIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  // Stops reading as soon as the input passes the digest size limit.
  readStdin: () => readLimited(process.stdin, 'standard input'),
};

export function errorMessage(error: unknown): string {
  if (error instanceof SiftError || error instanceof Error) return error.message;
  return String(error);
}

/** Paper ids on the command line: positive integers, or a usage error naming the bad one. */
export function parseIds(values: string[]): number[] {
  if (values.length === 0) throw new UsageError('give at least one paper id');
  return values.map((value) => {
    const id = Number(value);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError(`"${value}" is not a paper id`);
    return id;
  });
}
