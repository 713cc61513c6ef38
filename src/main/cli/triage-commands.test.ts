import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HF_PAPERS_PAGE, makeTempDir } from '../../../tests/support/temp-library.ts';
import { runCli } from './sift.ts';
import type { CliIo } from './cli-io.ts';

function captureIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (line) => out.push(line), stderr: (line) => err.push(line), readStdin: async () => Buffer.alloc(0) };
}

describe('the CLI', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: string;
  const sift = async (...args: string[]) => {
    const io = captureIo();
    const code = await runCli([...args, '--db', db], io, {});
    return { code, out: io.out, err: io.err };
  };
  const listJson = async (...args: string[]) => JSON.parse((await sift('list', '--json', '--limit', '100', ...args)).out[0] ?? '[]');

  beforeEach(async () => {
    temp = makeTempDir();
    db = `${temp.dir}/library.db`;
    await sift('import', HF_PAPERS_PAGE);
  });
  afterEach(() => temp.cleanup());

  it('import reports papers, added and existing as JSON, and a second import adds nothing', async () => {
    const again = await sift('import', HF_PAPERS_PAGE, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out[0] ?? '')).toMatchObject({ papers: 58, added: 0, existing: 58, skipped: [] });
  });

  it('list --json gives the queue newest first with the documented fields', async () => {
    const papers = await listJson('--queue', 'inbox');
    expect(papers).toHaveLength(58);
    expect(Object.keys(papers[0])).toEqual(expect.arrayContaining(['id', 'title', 'status', 'starred', 'addedAt', 'tags', 'readAt', 'starredAt', 'position']));
  });

  it('mark, tag and note change what list shows', async () => {
    const [first, second] = await listJson();
    expect((await sift('mark', String(first.id), String(second.id), '--status', 'to-read')).code).toBe(0);
    expect((await sift('mark', String(first.id), '--star')).code).toBe(0);
    expect((await sift('tag', String(first.id), '--add', 'ssm')).code).toBe(0);
    expect((await sift('note', String(first.id), '--set', 'read section 3')).code).toBe(0);
    const toRead = await listJson('--queue', 'to-read');
    expect(toRead.map((paper: { id: number }) => paper.id)).toEqual([first.id, second.id]);
    expect(toRead[0]).toMatchObject({ starred: true, tags: ['ssm'], status: 'to-read' });
    expect(await listJson('--tag', 'ssm', '--queue', 'all')).toHaveLength(1);
    expect((await sift('tag', String(first.id), '--remove', 'ssm')).code).toBe(0);
    expect(await listJson('--tag', 'ssm', '--queue', 'all')).toHaveLength(0);
  });

  it('an unknown id is a clear error (exit 1) that changes nothing', async () => {
    const [first] = await listJson();
    const result = await sift('mark', String(first.id), '999999', '--status', 'read');
    expect(result.code).toBe(1);
    expect(result.err.join('\n')).toContain('No paper with id 999999');
    expect(await listJson('--queue', 'read')).toHaveLength(0);
  });

  it('usage errors exit 2', async () => {
    expect((await sift('mark', '1', '--status', 'later')).code).toBe(2);
    expect((await sift('mark', 'abc', '--star')).code).toBe(2);
    expect((await sift('list', '--queue', 'someday')).code).toBe(2);
    expect((await sift('frobnicate')).code).toBe(2);
    expect((await sift('import', '--bogus')).code).toBe(2);
  });

  it('a missing file is rejected with exit 1 and a one-line reason', async () => {
    const result = await sift('import', `${temp.dir}/nope.txt`);
    expect(result.code).toBe(1);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toContain('nope.txt does not exist');
  });
});
