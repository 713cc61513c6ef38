import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedLibrary } from '../../../tests/support/seed-papers.ts';
import { makeTempDir } from '../../../tests/support/temp-library.ts';
import { openSiftLibrary } from '../library/sift-library.ts';
import { runCli } from './sift.ts';

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (line: string) => out.push(line), stderr: (line: string) => err.push(line), readStdin: async () => Buffer.alloc(0) } };
}

describe('sift export, backup, backups, restore', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: string;
  beforeEach(() => {
    temp = makeTempDir();
    db = path.join(temp.dir, 'library.db');
    const library = openSiftLibrary(db);
    seedLibrary(library);
    library.close();
  });
  afterEach(() => temp.cleanup());

  it('export prints to stdout, or writes --out', async () => {
    const stdout = captureIo();
    expect(await runCli(['--db', db, 'export', '--format', 'bibtex', '--queue', 'to-read'], stdout.io)).toBe(0);
    expect(stdout.out.join('\n').match(/^@misc\{/gm)).toHaveLength(2);
    const file = path.join(temp.dir, 'papers.ris');
    const written = captureIo();
    expect(await runCli(['--db', db, 'export', '--format', 'ris', '--tag', 'transformers', '--out', file], written.io)).toBe(0);
    expect(fs.readFileSync(file, 'utf8').match(/^TY {2}- /gm)).toHaveLength(2);
    expect(written.err.join('\n')).toContain(`2 papers exported to ${file}`);
  });

  it('export refuses an unknown format with usage', async () => {
    const capture = captureIo();
    expect(await runCli(['--db', db, 'export', '--format', 'docx'], capture.io)).toBe(2);
    expect(capture.err.join('\n')).toMatch(/--format, one of: bibtex, ris, csv, markdown, json/);
  });

  it('backup prints the new file; backups lists it; restore --backup goes back to it', async () => {
    const backup = captureIo();
    expect(await runCli(['--db', db, 'backup'], backup.io)).toBe(0);
    const backupPath = backup.out[0]!;
    expect(fs.existsSync(backupPath)).toBe(true);
    const list = captureIo();
    expect(await runCli(['--db', db, 'backups'], list.io)).toBe(0);
    expect(list.out[0]).toContain(path.basename(backupPath));
    expect(list.out.at(-1)).toMatch(/^1 backup in /);
    await runCli(['--db', db, 'mark', '1', '--status', 'read'], captureIo().io);
    const restore = captureIo();
    expect(await runCli(['--db', db, 'restore', '--backup', path.basename(backupPath)], restore.io)).toBe(0);
    expect(restore.out[0]).toMatch(/^Restored .* saved as .*before-restore\.db\.$/);
    const library = openSiftLibrary(db);
    expect(library.db.prepare('SELECT status FROM papers WHERE id = 1').pluck().get()).toBe('to-read');
    library.close();
  });

  it('restore --dry-run previews a JSON export without changing anything; restore applies it', async () => {
    const exported = path.join(temp.dir, 'all.json');
    await runCli(['--db', db, 'export', '--format', 'json', '--out', exported], captureIo().io);
    const other = path.join(temp.dir, 'other.db');
    const dry = captureIo();
    expect(await runCli(['--db', other, 'restore', exported, '--dry-run'], dry.io)).toBe(0);
    expect(dry.out[0]).toMatch(/^Would restore .*: (\d+) papers in the file: \1 new, 0 existing filled in; 1 of 1 digests new\. Nothing was changed\.$/);
    const empty = openSiftLibrary(other);
    expect(empty.db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(0);
    empty.close();
    const real = captureIo();
    expect(await runCli(['--db', other, 'restore', exported], real.io)).toBe(0);
    const restored = openSiftLibrary(other);
    expect(restored.db.prepare('SELECT count(*) FROM papers').pluck().get()).toBeGreaterThan(0);
    restored.close();
  });

  it('restore --dry-run says how many subscriptions the file would add, and restore adds them once', async () => {
    expect(await runCli(['--db', db, 'subscribe', 'arxiv', 'cs.CL'], captureIo().io)).toBe(0);
    expect(await runCli(['--db', db, 'subscribe', 'feed', 'https://blog.example.org/feed.xml'], captureIo().io)).toBe(0);
    const exported = path.join(temp.dir, 'all.json');
    await runCli(['--db', db, 'export', '--format', 'json', '--out', exported], captureIo().io);
    const other = path.join(temp.dir, 'other.db');
    expect(await runCli(['--db', other, 'subscribe', 'feed', 'https://blog.example.org/feed.xml'], captureIo().io)).toBe(0);
    const dry = captureIo();
    expect(await runCli(['--db', other, 'restore', exported, '--dry-run'], dry.io)).toBe(0);
    expect(dry.out[0]).toMatch(/; 1 of 2 subscriptions new\. Nothing was changed\.$/);
    expect(await runCli(['--db', other, 'restore', exported], captureIo().io)).toBe(0);
    const listed = captureIo();
    expect(await runCli(['--db', other, 'subscriptions', '--json'], listed.io)).toBe(0);
    const { subscriptions } = JSON.parse(listed.out.join('\n')) as { subscriptions: { label: string }[] };
    expect(subscriptions.map((subscription) => subscription.label)).toEqual(['https://blog.example.org/feed.xml', 'arXiv cs.CL']);
  });

  it('restore of a broken file names the file and the problem, exit 1', async () => {
    const broken = path.join(temp.dir, 'broken.json');
    fs.writeFileSync(broken, '{"format": "sift-library", "papers": [');
    const capture = captureIo();
    expect(await runCli(['--db', db, 'restore', broken], capture.io)).toBe(1);
    expect(capture.err.join('\n')).toMatch(new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a Sift library export: it is not valid JSON`));
  });
});
