import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPaper } from '../../../../tests/support/seed-papers.ts';
import { fixedClock, openTempLibrary } from '../../../../tests/support/temp-library.ts';
import { listPapers } from '../papers/list-papers.ts';
import { listBackups } from './backup-files.ts';
import { createBackup } from './create-backup.ts';

describe('a backup is checked off the main thread', () => {
  let library: ReturnType<typeof openTempLibrary>;
  beforeEach(() => {
    library = openTempLibrary({ clock: fixedClock('2026-11-29T08:30:00.000Z') });
    // Large enough that reading every page back (quick_check) takes a while, even on a fast disk.
    const abstract = 'We study how sparse attention scales with sequence length and memory. '.repeat(40);
    library.db.transaction(() => {
      for (let index = 0; index < 4000; index += 1) addPaper(library, { title: `Scaling study number ${index}`, abstract, authors: ['Ada Lovelace'] });
    })();
  });
  afterEach(() => library.cleanup());

  it('the app keeps answering (a timer fires, a list of papers is read) while the backup is checked, and the backup still counts', async () => {
    const events: string[] = [];
    let listed = 0;
    const backup = await createBackup(library, 'daily', {
      onStage: (stage) => {
        events.push(stage);
        if (stage !== 'checking') return;
        // Asked for the moment the check starts: they can only run before it ends if the check does
        // not hold the main thread.
        setTimeout(() => events.push('timer fired'), 0);
        setImmediate(() => {
          listed = listPapers(library.db, { queue: 'all', limit: 20 }).papers.length;
          events.push('papers listed');
        });
      },
    });
    events.push('backup done');
    expect(events.slice(0, 2)).toEqual(['copying', 'checking']);
    expect(events.indexOf('papers listed')).toBeGreaterThan(1);
    expect(events.indexOf('papers listed')).toBeLessThan(events.indexOf('backup done'));
    expect(events.indexOf('timer fired')).toBeGreaterThan(1);
    expect(events.indexOf('timer fired')).toBeLessThan(events.indexOf('backup done'));
    expect(listed).toBe(20);
    expect(backup).toMatchObject({ verified: true, paperCount: 4000, reason: 'daily' });
    expect(listBackups(library)).toEqual([backup]);
  });

  it('writes made while the worker copies are either wholly in the backup or not at all', async () => {
    const running = createBackup(library);
    for (let index = 0; index < 20; index += 1) addPaper(library, { title: `Written during the backup ${index}` });
    const backup = await running;
    expect([4000, 4020]).toContain(backup.paperCount);
  });
});
