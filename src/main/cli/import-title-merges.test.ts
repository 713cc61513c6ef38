import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../tests/support/temp-library.ts';
import type { CliIo } from './cli-io.ts';
import { runCli } from './sift.ts';

let temp: { dir: string; cleanup: () => void };
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

function fakeIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (line) => out.push(line), stderr: (line) => err.push(line), readStdin: async () => Buffer.from('') };
}

function writeFiles(): { preprint: string; journal: string } {
  const preprint = path.join(temp.dir, 'hf.json');
  const journal = path.join(temp.dir, 'zotero.json');
  fs.writeFileSync(preprint, JSON.stringify([{ paper: { id: '2306.00001', title: 'Sparse Attention at Scale', authors: [{ name: 'Jane Roe' }] } }]));
  fs.writeFileSync(journal, JSON.stringify([{ id: 'x', type: 'article-journal', title: 'Sparse attention at scale', DOI: '10.1000/jml.2024.1', author: [{ family: 'Roe', given: 'Jane' }] }]));
  return { preprint, journal };
}

describe('sift import shows merges made on the title alone', () => {
  it('in its text output, with both titles and ids', async () => {
    const { preprint, journal } = writeFiles();
    const db = path.join(temp.dir, 'library.db');
    await runCli(['import', preprint, '--db', db], fakeIo(), {});
    const io = fakeIo();
    expect(await runCli(['import', journal, '--db', db], io, {})).toBe(0);
    expect(io.out.join('\n')).toContain('merged by title: #1 "Sparse attention at scale" (doi:10.1000/jml.2024.1) = paper 1 "Sparse Attention at Scale" (arXiv:2306.00001); if they differ: sift split-merge 1');
  });

  it('sift split-merge undoes one; a second time it is refused with exit 1', async () => {
    const { preprint, journal } = writeFiles();
    const db = path.join(temp.dir, 'library.db');
    await runCli(['import', preprint, '--db', db], fakeIo(), {});
    await runCli(['import', journal, '--db', db], fakeIo(), {});
    const io = fakeIo();
    expect(await runCli(['split-merge', '1', '--db', db], io, {})).toBe(0);
    expect(io.out[0]).toBe('split: paper 1 has back what it had; the imported record is now paper 2');
    const again = fakeIo();
    expect(await runCli(['split-merge', '1', '--db', db], again, {})).toBe(1);
    expect(again.err.join(' ')).toMatch(/no title merge 1/);
  });

  it('in --json', async () => {
    const { preprint, journal } = writeFiles();
    const db = path.join(temp.dir, 'library.db');
    await runCli(['import', preprint, '--db', db], fakeIo(), {});
    const io = fakeIo();
    await runCli(['import', journal, '--db', db, '--json'], io, {});
    expect(JSON.parse(io.out[0] ?? '{}')).toMatchObject({
      format: 'csl-json',
      titleMerges: [{ incomingTitle: 'Sparse attention at scale', incomingId: 'doi:10.1000/jml.2024.1', paperId: 1, paperTitle: 'Sparse Attention at Scale', paperIdentifier: 'arXiv:2306.00001' }],
    });
  });
});
