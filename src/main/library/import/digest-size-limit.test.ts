import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../tests/support/temp-library.ts';
import { runCli } from '../../cli/sift.ts';
import type { CliIo } from '../../cli/cli-io.ts';
import { MAX_DIGEST_BYTES, oversizeProblem, readLimited } from './digest-size-limit.ts';

let temp: { dir: string; cleanup: () => void };
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('the digest size limit', () => {
  it('never states a size that contradicts the limit: a file one byte over reads as 40.1 MB', () => {
    expect(oversizeProblem(MAX_DIGEST_BYTES + 1)).toMatch(/^is 40\.1 MB; Sift reads files up to 40 MB\./);
    expect(oversizeProblem(Math.round(40.2 * 1024 * 1024))).toMatch(/^is 40\.2 MB;/);
  });

  it('refuses a 4 GB file from its size on disk, before reading it, and writes nothing', async () => {
    const file = path.join(temp.dir, 'enormous.bib');
    // A sparse file: 4 GB on paper, nothing on disk. Reading it would take minutes and all the memory.
    fs.closeSync(fs.openSync(file, 'w'));
    fs.truncateSync(file, 4 * 1024 * 1024 * 1024);
    const err: string[] = [];
    const io: CliIo = { stdout: () => undefined, stderr: (line) => err.push(line), readStdin: async () => Buffer.alloc(0) };
    const dbPath = path.join(temp.dir, 'library.db');
    expect(await runCli(['import', file, '--db', dbPath], io, {})).toBe(1);
    expect(err.join('\n')).toMatch(/enormous\.bib is 4096\.0 MB; Sift reads files up to 40 MB/);
  });

  it('stops reading standard input as soon as it passes the limit', async () => {
    let chunksRead = 0;
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const endless = Readable.from(
      (function* () {
        for (;;) {
          chunksRead += 1;
          yield chunk;
        }
      })(),
    );
    await expect(readLimited(endless, 'standard input')).rejects.toThrow(/standard input is more than 40 MB; Sift reads files up to 40 MB/);
    expect(chunksRead).toBeLessThanOrEqual(42);
  });
});
