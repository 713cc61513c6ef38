import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, HF_PAPERS_PAGE, openTempLibrary, REAL_FIXTURES } from '../../../../tests/support/temp-library.ts';
import { runCli } from '../../cli/sift.ts';
import { importDigest } from '../import/import-digest.ts';
import { listPapers } from '../papers/list-papers.ts';
import { addTag } from '../papers/tags-and-notes.ts';
import { setStatus } from '../papers/triage-papers.ts';
import { inboxZeroStreaks } from './inbox-zero.ts';
import { readingStats } from './reading-stats.ts';

describe('reading stats', () => {
  let library: ReturnType<typeof openTempLibrary>;
  afterEach(() => library.cleanup());

  function morningOf(clock: ReturnType<typeof fixedClock>) {
    const context = { db: library.db, history: library.history, clock };
    return (ids: number[], status: 'to-read' | 'read' | 'skipped') => setStatus(context, ids, status);
  }

  it('counts what arrived and what was triaged each day, the inbox at each day end and the streak of inbox zero', () => {
    const clock = fixedClock('2026-03-10T08:00:00Z');
    library = openTempLibrary({ clock });
    const triage = morningOf(clock);
    const first = importDigest(library.db, { fileName: 'hf.txt', bytes: fs.readFileSync(HF_PAPERS_PAGE) }, clock);
    clock.set('2026-03-10T09:00:00Z');
    triage(first.addedIds.slice(0, 8), 'to-read');
    triage(first.addedIds.slice(8), 'skipped');
    clock.set('2026-03-11T09:00:00Z');
    triage(first.addedIds.slice(0, 3), 'read');
    clock.set('2026-03-12T09:00:00Z');
    const stats = readingStats(library.db, { days: 7 }, clock);
    expect(stats.daily.map((day) => day.day)).toEqual(['2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12']);
    expect(stats.daily.find((day) => day.day === '2026-03-10')).toEqual({ day: '2026-03-10', arrived: 58, triaged: 58, inbox: 0 });
    // Read on the 11th: they had left the inbox the day before, which is when they count as triaged.
    expect(stats.daily.find((day) => day.day === '2026-03-11')).toEqual({ day: '2026-03-11', arrived: 0, triaged: 0, inbox: 0 });
    expect(stats.inboxZero).toEqual({ current: 3, longest: 3 });
    expect(stats.readPerWeek.reduce((sum, week) => sum + week.count, 0)).toBe(3);
    expect(stats.arrivalToRead.buckets.find((bucket) => bucket.label === '1–3 days')?.count).toBe(3);
    expect(stats.arrivalToRead.medianDays).toBe(1);
  });

  it('a paper sent back to the inbox counts as in the inbox again', () => {
    const clock = fixedClock('2026-03-10T08:00:00Z');
    library = openTempLibrary({ clock });
    const triage = morningOf(clock);
    const first = importDigest(library.db, { fileName: 'hf.txt', bytes: fs.readFileSync(HF_PAPERS_PAGE) }, clock);
    triage(first.addedIds, 'skipped');
    setStatus({ db: library.db, history: library.history, clock }, first.addedIds.slice(0, 2), 'inbox');
    expect(readingStats(library.db, { days: 7 }, clock).daily.at(-1)).toEqual({ day: '2026-03-10', arrived: 58, triaged: 56, inbox: 2 });
  });

  it('inbox-zero streaks count days that ended empty once something had arrived', () => {
    const day = (arrived: number, inbox: number) => ({ arrived, inbox });
    expect(inboxZeroStreaks([day(0, 0), day(0, 0), day(5, 0), day(3, 2), day(0, 0), day(0, 0)])).toEqual({ current: 2, longest: 2 });
    expect(inboxZeroStreaks([day(5, 0), day(0, 0), day(0, 0), day(1, 1)])).toEqual({ current: 0, longest: 3 });
  });

  it('tags and sources over months, and the words that set kept papers apart from skipped ones', () => {
    const clock = fixedClock('2026-03-10T08:00:00Z');
    library = openTempLibrary({ clock });
    const context = { db: library.db, history: library.history, clock };
    importDigest(library.db, { fileName: 'hf.txt', bytes: fs.readFileSync(HF_PAPERS_PAGE) }, clock);
    importDigest(library.db, { fileName: 'z.ris', bytes: fs.readFileSync(path.join(REAL_FIXTURES, 'zotero-export-14.ris')) }, clock);
    const inbox = listPapers(library.db, { queue: 'inbox', limit: 1000 }).papers;
    const sparse = inbox.filter((paper) => /sparse|sparsity/i.test(paper.title)).map((paper) => paper.id);
    setStatus(context, sparse, 'to-read');
    setStatus(context, inbox.filter((paper) => !sparse.includes(paper.id)).map((paper) => paper.id), 'skipped');
    addTag(context, sparse.slice(0, 4), 'sparsity');
    const stats = readingStats(library.db, { days: 30 }, clock);
    expect(stats.tagsByMonth).toEqual({ months: ['2026-03'], tags: [{ name: 'sparsity', counts: [4] }] });
    expect(stats.sourcesByMonth.sources.map((source) => source.name).sort()).toEqual(['hf-papers-text', 'ris']);
    expect(stats.topWords.kept.map((entry) => entry.word)).toContain('sparse');
    expect(stats.topWords.skipped.map((entry) => entry.word)).not.toContain('sparse');
  });

  it('sift stats --json gives the same figures as the library', async () => {
    const clock = fixedClock('2026-03-10T08:00:00Z');
    library = openTempLibrary({ clock });
    importDigest(library.db, { fileName: 'hf.txt', bytes: fs.readFileSync(HF_PAPERS_PAGE) });
    const out: string[] = [];
    const io = { stdout: (line: string) => out.push(line), stderr: () => undefined, readStdin: async () => Buffer.alloc(0) };
    const code = await runCli(['stats', '--json', '--days', '30', '--db', path.join(library.dir, 'library.db')], io, {});
    expect(code).toBe(0);
    const fromCli = JSON.parse(out.join('\n'));
    expect(fromCli).toEqual(JSON.parse(JSON.stringify(readingStats(library.db, { days: 30 }))));
    expect(fromCli.daily.at(-1).inbox).toBe(58);
  });
});
