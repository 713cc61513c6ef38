import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../backup/create-backup.ts';
import { restoreBackup } from '../backup/restore-backup.ts';
import { realPapersLibrary } from './real-papers-library.ts';

describe('search after restoring a backup', () => {
  let lib: ReturnType<typeof realPapersLibrary> | undefined;
  afterEach(() => lib?.library.cleanup());

  it('finds each restored paper once, by its restored title, and nothing of the state replaced', async () => {
    lib = realPapersLibrary();
    const { db } = lib.library;
    const backup = await createBackup(lib.library);
    db.prepare(`UPDATE papers SET title = 'Zanzibar Flamingo Survey' WHERE title LIKE 'Qwen2.5-VL%'`).run();
    lib.add({ title: 'Quokka Migration Patterns', authors: [], abstract: 'Added after the backup.' });
    expect(lib.titles('zanzibar')).toEqual(['Zanzibar Flamingo Survey']);
    await restoreBackup(lib.library, backup.fileName);
    expect(lib.titles('qwen vl')).toEqual(['Qwen2.5-VL Technical Report']);
    expect(lib.titles('zanzibar')).toEqual([]);
    expect(lib.titles('quokka')).toEqual([]);
    expect(lib.ids('sparge').ids).toHaveLength(1);
  });
});
