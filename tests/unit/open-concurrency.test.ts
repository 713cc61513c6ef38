import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackupFiles } from '../../src/main/library/backup/backup-files.ts';
import { LATEST_SCHEMA_VERSION } from '../../src/main/library/db/migrations/index.ts';
import { openSiftLibrary } from '../../src/main/library/sift-library.ts';
import { addPaper } from '../support/seed-papers.ts';
import { HF_PAPERS_PAGE, makeTempDir } from '../support/temp-library.ts';
import { startChild } from './support/child-process.ts';
import { createV1Library } from '../support/v1-library.ts';

const CLI = path.resolve(import.meta.dirname, '../../src/main/cli/sift.ts');

/** Runs the real CLI in its own process. */
function runCliProcess(args: string[], options: { execPath?: string; uid?: number } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(options.execPath ?? process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], uid: options.uid, gid: options.uid });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Opens the library from two processes released at the same instant. */
async function openFromTwoProcessesAtOnce(file: string) {
  const at = String(Date.now() + 700);
  const children = [startChild(['open', file, at]), startChild(['open', file, at])];
  return Promise.all(children.map(async (child) => ({ ...(await child.exited), lines: child.lines })));
}

function buildV1Library(file: string): void {
  const db = createV1Library(file);
  const insert = db.prepare(
    `INSERT INTO papers (identity_key, title, title_key, added_at, status_changed_at) VALUES (?, ?, ?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
  );
  for (let index = 0; index < 2000; index += 1) insert.run(`title:old ${index}`, `Old paper ${index}`, `old paper ${index}`);
  db.close();
}

describe('two processes opening one library at the same moment', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('sift-open-race-');
  });
  afterEach(() => temp.cleanup());

  it('creating a new library: both succeed, one schema, no "already exists"', async () => {
    for (let round = 0; round < 2; round += 1) {
      const file = path.join(temp.dir, `new-${round}.db`);
      const results = await openFromTwoProcessesAtOnce(file);
      for (const result of results) {
        expect(result.stderr).not.toMatch(/already exists|Move it aside/);
        expect(result.code).toBe(0);
        expect(result.lines).toContain(`version ${LATEST_SCHEMA_VERSION}`);
      }
      const library = openSiftLibrary(file);
      expect(library.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(library.db.prepare(`SELECT count(*) FROM settings WHERE key = 'libraryId'`).pluck().get()).toBe(1);
      library.close();
    }
  }, 60_000);

  it('upgrading a v1 library: both succeed, every paper kept, exactly one before-migration backup', async () => {
    for (let round = 0; round < 2; round += 1) {
      const file = path.join(temp.dir, `old-${round}.db`);
      buildV1Library(file);
      const results = await openFromTwoProcessesAtOnce(file);
      for (const result of results) {
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
      }
      const backups = listBackupFiles(file, null).filter((backup) => backup.reason.startsWith('before-migration'));
      expect(backups).toHaveLength(1);
      const library = openSiftLibrary(file);
      expect(library.db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(2000);
      expect(library.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      library.close();
    }
  }, 60_000);
});

describe('a write lock held by another process', () => {
  let temp: ReturnType<typeof makeTempDir>;
  afterEach(() => temp.cleanup());

  it('a second import waits, saying so, instead of failing with "database is locked"', async () => {
    temp = makeTempDir('sift-import-wait-');
    const file = path.join(temp.dir, 'library.db');
    const library = openSiftLibrary(file);
    addPaper(library, { title: 'Already here' });
    library.close();
    // The holder keeps the lock until the import has said it waits and has waited longer than any busy
    // timeout (the import used to give up after about 5 s); then the holder goes away.
    const holder = startChild(['hold-lock', file, '120000']);
    await holder.waitFor('locked');
    const importer = spawn(process.execPath, [CLI, '--db', file, 'import', HF_PAPERS_PAGE, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    importer.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const waiting = new Promise<void>((resolve) =>
      importer.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/waiting for another Sift process/.test(stderr)) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => importer.on('exit', resolve));
    await Promise.race([
      waiting,
      exited.then((code) => {
        throw new Error(`the import ended (exit ${code}) without waiting: ${stderr}`);
      }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 6000));
    holder.child.kill('SIGKILL');
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/database is locked/);
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!).added).toBeGreaterThan(0);
  }, 60_000);
});

describe('a library in a read-only folder', () => {
  let temp: ReturnType<typeof makeTempDir>;
  afterEach(() => {
    fs.chmodSync(temp.dir, 0o755);
    temp.cleanup();
  });

  it('names the real cause and never advises moving the library aside', async () => {
    temp = makeTempDir('sift-readonly-');
    fs.chmodSync(temp.dir, 0o755);
    const folder = path.join(temp.dir, 'shelf');
    fs.mkdirSync(folder);
    const file = path.join(folder, 'library.db');
    const library = openSiftLibrary(file);
    addPaper(library, { title: 'Kept' });
    library.close();
    fs.chmodSync(file, 0o666);
    fs.chmodSync(folder, 0o555);
    // Root ignores permissions: run the CLI as "nobody" then, with a copy of this Node it can execute.
    let options: { execPath?: string; uid?: number } = {};
    if (process.getuid?.() === 0) {
      const node = path.join(temp.dir, 'node');
      fs.copyFileSync(process.execPath, node);
      fs.chmodSync(node, 0o755);
      options = { execPath: node, uid: 65534 };
    }
    const before = fs.readFileSync(file);
    const result = await runCliProcess(['--db', file, 'list'], options);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot write to .*library\.db: the folder .*shelf is read-only/);
    expect(result.stderr).not.toMatch(/Move it aside|unable to open database file \(/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    void os;
  }, 30_000);
});
