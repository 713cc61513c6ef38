// Runs the `sift` CLI in-process against one library file and keeps what it printed, for CLI tests.
import { runCli } from '../../src/main/cli/sift.ts';
import type { CliIo } from '../../src/main/cli/cli-io.ts';

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/** `sift …args --db LIBRARY`, with stdout and stderr collected line by line. */
export function siftOn(library: () => string): (...args: string[]) => Promise<CliRun> {
  return async (...args) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { stdout: (line) => out.push(line), stderr: (line) => err.push(line), readStdin: async () => Buffer.alloc(0) };
    const code = await runCli([...args, '--db', library()], io, {});
    return { code, out, err };
  };
}
