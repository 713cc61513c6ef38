import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/sift.ts';
import type { CliIo } from '../../cli/cli-io.ts';
import { makeTempDir, REAL_FIXTURES } from '../../../../tests/support/temp-library.ts';
import { openSiftLibrary } from '../sift-library.ts';
import { renderHfText, samplePapers } from './testing/sample-papers.ts';

let temp: { dir: string; cleanup: () => void };
let dbPath: string;
beforeEach(() => {
  temp = makeTempDir();
  dbPath = path.join(temp.dir, 'library.db');
});
afterEach(() => temp.cleanup());

function fakeIo(stdin = ''): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (line) => out.push(line), stderr: (line) => err.push(line), readStdin: async () => Buffer.from(stdin) };
}

const run = (argv: string[], io: CliIo) => runCli([...argv, '--db', dbPath], io, {});
const statuses = () => {
  const library = openSiftLibrary(dbPath);
  try {
    return library.db.prepare('SELECT status, count(*) AS n FROM papers GROUP BY status').all() as { status: string; n: number }[];
  } finally {
    library.close();
  }
};

describe('sift import', () => {
  it('reads a digest from standard input with -, exit code 0', async () => {
    const papers = samplePapers().slice(0, 4);
    const io = fakeIo(renderHfText(papers));
    expect(await run(['import', '-'], io)).toBe(0);
    expect(io.out.join('\n')).toMatch(/^standard input \(hf-papers-text.*4 papers, 4 new/);
    expect(statuses()).toEqual([{ status: 'inbox', n: 4 }]);
  });

  it('--into to-read and --format choose the queue and the reader', async () => {
    const io = fakeIo('2401.00001 and 2401.00002\n');
    expect(await run(['import', '-', '--into', 'to-read', '--format', 'id-list'], io)).toBe(0);
    expect(statuses()).toEqual([{ status: 'to-read', n: 2 }]);
  });

  it('--json prints one JSON object per file, refused files included; exit code 1 when any is refused', async () => {
    const io = fakeIo();
    const files = [path.join(REAL_FIXTURES, 'hf-daily-papers-3.json'), path.join(temp.dir, 'vanished.txt'), path.join(REAL_FIXTURES, 'zotero-export-14.ris')];
    expect(await run(['import', ...files, '--json'], io)).toBe(1);
    const objects = io.out.map((line) => JSON.parse(line) as { file: string; papers?: number; error?: string });
    expect(objects.map((object) => object.file)).toEqual(files);
    expect(objects[0]?.papers).toBe(3);
    expect(objects[1]?.error).toMatch(/vanished\.txt does not exist/);
    expect(objects[2]?.papers).toBe(14);
    expect(io.err.join('\n')).toContain('vanished.txt');
  });

  it('a file that disappears before it is read gives a message, not a crash, and imports nothing', async () => {
    const file = path.join(temp.dir, 'digest.txt');
    fs.writeFileSync(file, renderHfText(samplePapers().slice(0, 2)));
    fs.rmSync(file);
    const io = fakeIo();
    expect(await run(['import', file], io)).toBe(1);
    expect(io.err.join('\n')).toMatch(/digest\.txt does not exist; nothing was imported/);
    expect(statuses()).toEqual([]);
  });

  it('a bad digest is refused with exit code 1 and the file named', async () => {
    const file = path.join(temp.dir, 'empty.json');
    fs.writeFileSync(file, '');
    const io = fakeIo();
    expect(await run(['import', file], io)).toBe(1);
    expect(io.err.join('\n')).toMatch(/empty\.json is empty/);
  });

  it.each([
    [['import']],
    [['import', '-', '--format', 'word-doc']],
    [['import', '-', '--into', 'read']],
  ])('a wrong command line %j exits with 2', async (argv) => {
    const io = fakeIo('2401.00001');
    expect(await run(argv, io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/usage/);
  });
});
