import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPaper } from '../../../../tests/support/seed-papers.ts';
import { fixedClock, makeTempDir } from '../../../../tests/support/temp-library.ts';
import { createApiHandlers } from '../../api/api-handlers.ts';
import { dispatchOperation } from '../../api/dispatch-operation.ts';
import { runCli } from '../../cli/sift.ts';
import { openSiftLibrary } from '../sift-library.ts';
import type { SiftLibrary } from '../sift-library.ts';
import { backupsDir, listBackups } from './backup-files.ts';
import { setBackupsToKeep } from './backup-settings.ts';
import { createBackup } from './create-backup.ts';
import { restoreBackup } from './restore-backup.ts';

const count = (library: SiftLibrary) => library.db.prepare('SELECT count(*) FROM papers').pluck().get() as number;

/** Overwrites one leaf page of the papers table with garbage, as a failing disk would. */
function damagePapersPage(file: string): void {
  const db = new BetterSqlite3(file);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.prepare(`SELECT pageno FROM dbstat WHERE name = 'papers' AND pagetype = 'leaf' ORDER BY pageno`).pluck().all() as number[];
  db.pragma('journal_mode = DELETE');
  db.close();
  const page = pages[Math.floor(pages.length / 2)]!;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  fs.closeSync(fd);
}

describe('each library\'s backups are its own, and verified', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let clock: ReturnType<typeof fixedClock>;
  let open: SiftLibrary[];
  const openLibrary = (name: string) => {
    const library = openSiftLibrary(path.join(temp.dir, name), { clock });
    open.push(library);
    return library;
  };
  beforeEach(() => {
    temp = makeTempDir('sift-backup-identity-');
    clock = fixedClock('2026-11-29T08:30:00.000Z');
    open = [];
  });
  afterEach(() => {
    for (const library of open) library.close();
    temp.cleanup();
  });

  it('papers.db and papers.sqlite in one folder neither share nor prune each other\'s backups', async () => {
    const one = openLibrary('papers.db');
    const thirty = openLibrary('papers.sqlite');
    addPaper(one, { title: 'The only paper' });
    for (let index = 0; index < 30; index += 1) addPaper(thirty, { title: `Paper ${index}` });
    setBackupsToKeep(one.db, 2);
    setBackupsToKeep(thirty.db, 2);
    const oneFirst = await createBackup(one);
    for (let round = 0; round < 4; round += 1) {
      clock.advance(60_000);
      await createBackup(thirty);
    }
    // The other library's pruning left this one's only backup alone.
    expect(listBackups(one).map((backup) => backup.fileName)).toEqual([oneFirst.fileName]);
    expect(listBackups(thirty)).toHaveLength(2);
    expect(listBackups(thirty).every((backup) => backup.paperCount === 30)).toBe(true);
  });

  it('a restore refuses a backup of another library, by name or renamed to look like ours', async () => {
    const one = openLibrary('papers.db');
    const thirty = openLibrary('papers.sqlite');
    addPaper(one, { title: 'The only paper' });
    for (let index = 0; index < 30; index += 1) addPaper(thirty, { title: `Paper ${index}` });
    const ours = await createBackup(one);
    clock.advance(60_000);
    const theirs = await createBackup(thirty);
    await expect(restoreBackup(one, theirs.fileName)).rejects.toThrow(/not a backup of .*papers\.db.*another library.*Nothing was changed/s);
    // The same file under a name that matches ours: the file's own record decides.
    const disguised = ours.fileName.replace('08-30-00-000Z', '09-00-00-000Z');
    fs.copyFileSync(path.join(backupsDir(one.path), theirs.fileName), path.join(backupsDir(one.path), disguised));
    await expect(restoreBackup(one, disguised)).rejects.toThrow(/backup of another library.*Nothing was changed/s);
    expect(count(one)).toBe(1);
    await restoreBackup(one, ours.fileName);
    expect(count(one)).toBe(1);
  });

  it('backups of a damaged library never count, and never push out the last good one', async () => {
    const library = openLibrary('library.db');
    for (let index = 0; index < 300; index += 1) addPaper(library, { title: `Paper ${index}`, abstract: 'x'.repeat(400) });
    setBackupsToKeep(library.db, 2);
    const good = await createBackup(library);
    expect(good.verified).toBe(true);
    library.close();
    damagePapersPage(library.path);
    const damaged = openLibrary('library.db');
    for (let day = 0; day < 7; day += 1) {
      clock.advance(24 * 3600_000);
      await expect(createBackup(damaged)).rejects.toThrow(/is damaged.*integrity check.*Restore the newest verified backup, taken 2026-11-29 08:30 UTC/s);
    }
    expect(listBackups(damaged).map((backup) => backup.fileName)).toEqual([good.fileName]);
    expect(fs.readdirSync(backupsDir(library.path))).toEqual([good.fileName]);
  });

  it('a query that reaches a damaged page says what happened and what to do, not "malformed"', async () => {
    const library = openLibrary('library.db');
    for (let index = 0; index < 300; index += 1) addPaper(library, { title: `Paper ${index}`, abstract: 'x'.repeat(400) });
    const good = await createBackup(library);
    library.close();
    damagePapersPage(library.path);
    const damaged = openLibrary('library.db');
    const handlers = createApiHandlers(damaged, { openExternal: () => undefined });
    const result = await dispatchOperation(handlers, 'listPapers', { queue: 'all', limit: 1000 }, { library: damaged });
    expect(result.error?.type).toBe('library-damaged');
    expect(result.error?.message).toMatch(/library\.db is damaged/);
    expect(result.error?.message).toContain(`Restore the newest verified backup, taken 2026-11-29 08:30 UTC`);
    expect(result.error?.message).toContain(good.fileName);
    expect(result.error?.message).toMatch(/quit Sift, move .* aside/);
  });

  it('restore messages name the chosen backup, never the temporary working copy', async () => {
    const library = openLibrary('library.db');
    addPaper(library, { title: 'Kept' });
    const backup = await createBackup(library);
    const file = path.join(backupsDir(library.path), backup.fileName);
    damagePapersPage(file);
    const error = await restoreBackup(library, backup.fileName).then(() => undefined, (caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).toContain(backup.fileName);
    expect(error?.message).not.toMatch(/restoring-\d+/);
    expect(count(library)).toBe(1);
  });

  it('Settings data and `sift backups` say which backups are verified', async () => {
    const library = openLibrary('library.db');
    addPaper(library, { title: 'Kept' });
    const backup = await createBackup(library);
    expect(listBackups(library)[0]).toMatchObject({ fileName: backup.fileName, verified: true });
    const out: string[] = [];
    const io = { stdout: (line: string) => out.push(line), stderr: (line: string) => out.push(line), readStdin: async () => Buffer.alloc(0) };
    expect(await runCli(['--db', library.path, 'backups'], io)).toBe(0);
    expect(out[0]).toMatch(new RegExp(`^${backup.fileName}.*1 papers.*verified`));
  });
});
