import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeOlderSiftBackup } from '../../../../tests/support/older-sift-backup.ts';
import { addPaper } from '../../../../tests/support/seed-papers.ts';
import { fixedClock, makeTempDir } from '../../../../tests/support/temp-library.ts';
import { runCli } from '../../cli/sift.ts';
import { openSiftLibrary } from '../sift-library.ts';
import type { SiftLibrary } from '../sift-library.ts';
import { backupsDir, listBackups } from './backup-files.ts';
import { setBackupsToKeep } from './backup-settings.ts';
import { createBackup } from './create-backup.ts';
import { restoreBackup } from './restore-backup.ts';

describe('backups made by an older Sift', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let clock: ReturnType<typeof fixedClock>;
  let open: SiftLibrary[];
  const openLibrary = (name: string) => {
    const library = openSiftLibrary(path.join(temp.dir, name), { clock });
    open.push(library);
    return library;
  };
  beforeEach(() => {
    temp = makeTempDir('sift-older-backups-');
    clock = fixedClock('2026-11-29T08:30:00.000Z');
    open = [];
  });
  afterEach(() => {
    for (const library of open) library.close();
    temp.cleanup();
  });

  it('are listed among the others, newest first, marked as from an older Sift, in Settings and `sift backups`', async () => {
    const library = openLibrary('library.db');
    addPaper(library, { title: 'Today' });
    const oldest = writeOlderSiftBackup(library.path, '2026-11-01T07-00-00-000Z', 'daily', ['One']);
    const older = writeOlderSiftBackup(library.path, '2026-11-20T07-00-00-000Z', 'manual', ['One', 'Two']);
    clock.set('2026-11-10T08:00:00.000Z');
    const between = await createBackup(library);
    clock.set('2026-11-29T08:30:00.000Z');
    const newest = await createBackup(library);
    // Another library's old-style backups and unrelated files stay out.
    writeOlderSiftBackup(path.join(temp.dir, 'other.db'), '2026-11-21T07-00-00-000Z', 'daily', ['Not ours']);
    fs.writeFileSync(path.join(backupsDir(library.path), 'library-notes.txt'), 'x');

    const listed = listBackups(library);
    expect(listed.map((backup) => [backup.fileName, backup.fromOlderSift, backup.paperCount])).toEqual([
      [newest.fileName, false, 1],
      [older, true, 2],
      [between.fileName, false, 1],
      [oldest, true, 1],
    ]);
    expect(listed.find((backup) => backup.fileName === older)).toMatchObject({ createdAt: '2026-11-20T07:00:00.000Z', reason: 'manual', verified: false });

    const out: string[] = [];
    const io = { stdout: (line: string) => out.push(line), stderr: (line: string) => out.push(line), readStdin: async () => Buffer.alloc(0) };
    expect(await runCli(['--db', library.path, 'backups'], io)).toBe(0);
    expect(out[1]).toMatch(new RegExp(`^${older}.*2 papers.*NOT verified.*older Sift`));
    expect(out).toContain(`4 backups in ${backupsDir(library.path)}`);
  });

  it('can be restored (the state before is backed up first), and are never pruned', async () => {
    const library = openLibrary('library.db');
    addPaper(library, { title: 'Today' });
    const older = writeOlderSiftBackup(library.path, '2026-11-20T07-00-00-000Z', 'daily', ['One', 'Two']);
    const { safetyBackup } = await restoreBackup(library, older);
    const titles = library.db.prepare('SELECT title FROM papers ORDER BY title').pluck().all();
    expect(titles).toEqual(['One', 'Two']);
    expect(listBackups(library).map((backup) => backup.fileName)).toContain(safetyBackup);

    setBackupsToKeep(library.db, 1);
    for (let day = 0; day < 3; day += 1) {
      clock.advance(24 * 3600_000);
      await createBackup(library);
    }
    expect(fs.existsSync(path.join(backupsDir(library.path), older))).toBe(true);
    expect(listBackups(library).filter((backup) => !backup.fromOlderSift)).toHaveLength(1);
  });

  it('an old-style name on another library\'s stamped backup is refused, not restored', async () => {
    const mine = openLibrary('papers.db');
    const theirs = openLibrary('papers.sqlite');
    addPaper(mine, { title: 'Mine' });
    addPaper(theirs, { title: 'Theirs' });
    const their = await createBackup(theirs);
    const disguised = 'papers-2026-11-20T07-00-00-000Z-daily.db';
    fs.copyFileSync(path.join(backupsDir(theirs.path), their.fileName), path.join(backupsDir(mine.path), disguised));
    expect(listBackups(mine).map((backup) => backup.fileName)).not.toContain(disguised);
    await expect(restoreBackup(mine, disguised)).rejects.toThrow(/not a backup of .*papers\.db.*Nothing was changed/s);
    expect(mine.db.prepare('SELECT title FROM papers').pluck().all()).toEqual(['Mine']);
  });
});
