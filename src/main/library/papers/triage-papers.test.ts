import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, HF_PAPERS_PAGE, openTempLibrary } from '../../../../tests/support/temp-library.ts';
import { importDigest } from '../import/import-digest.ts';
import { getPaper } from './get-paper.ts';
import { countQueues, listPapers } from './list-papers.ts';
import { addTag, setNote } from './tags-and-notes.ts';
import { moveInQueue, setStarred, setStatus, skipRestOfDigest } from './triage-papers.ts';

describe('triage', () => {
  let library: ReturnType<typeof openTempLibrary>;
  let clock: ReturnType<typeof fixedClock>;
  let context: Parameters<typeof setStatus>[0];
  let ids: number[];
  const digest = fs.readFileSync(HF_PAPERS_PAGE);

  beforeEach(() => {
    clock = fixedClock('2026-03-12T08:00:00Z');
    library = openTempLibrary({ clock });
    context = { db: library.db, history: library.history, clock };
    importDigest(library.db, { fileName: 'hf.txt', bytes: digest }, clock);
    ids = listPapers(library.db, { queue: 'inbox', limit: 100 }).papers.map((paper) => paper.id);
  });
  afterEach(() => library.cleanup());

  const queue = (name: Parameters<typeof listPapers>[1]['queue']) =>
    listPapers(library.db, { queue: name, limit: 1000 }).papers.map((paper) => paper.id);

  it('the inbox lists a digest in its own order', () => {
    expect(ids).toHaveLength(58);
    expect(getPaper(library.db, ids[0] ?? 0).title).toMatch(/^Interpretable structural model error discovery/);
    expect(getPaper(library.db, ids[1] ?? 0).title).toMatch(/^SpikMamba/);
  });

  it('each status change moves the paper between queues and records when', () => {
    const [a, b, c] = ids as [number, number, number];
    setStatus(context, [a], 'to-read');
    clock.advance(60_000);
    setStatus(context, [b], 'read');
    setStatus(context, [c], 'skipped');
    expect(queue('to-read')).toEqual([a]);
    expect(queue('read')).toEqual([b]);
    expect(queue('skipped')).toEqual([c]);
    expect(countQueues(library.db)).toMatchObject({ inbox: 55, 'to-read': 1, read: 1, skipped: 1, all: 58 });
    const read = getPaper(library.db, b);
    expect(read.readAt).toBe('2026-03-12T08:01:00.000Z');
    expect(read.statusChangedAt).toBe('2026-03-12T08:01:00.000Z');
  });

  it('starring is independent of status and records when', () => {
    const [a] = ids as [number];
    setStatus(context, [a], 'read');
    setStarred(context, [a], true);
    expect(queue('starred')).toEqual([a]);
    expect(getPaper(library.db, a)).toMatchObject({ status: 'read', starred: true, starredAt: '2026-03-12T08:00:00.000Z' });
    setStarred(context, [a], false);
    expect(queue('starred')).toEqual([]);
  });

  it('new arrivals go to the end of to-read, and the reader can reorder it', () => {
    const [a, b, c, d] = ids as [number, number, number, number];
    setStatus(context, [a, b, c], 'to-read');
    setStatus(context, [d], 'to-read');
    expect(queue('to-read')).toEqual([a, b, c, d]);
    moveInQueue(context, [c], 'top');
    expect(queue('to-read')).toEqual([c, a, b, d]);
    moveInQueue(context, [c], 'down');
    expect(queue('to-read')).toEqual([a, c, b, d]);
    moveInQueue(context, [b], 'up');
    expect(queue('to-read')).toEqual([a, b, c, d]);
    moveInQueue(context, [a, b], 'bottom');
    expect(queue('to-read')).toEqual([c, d, a, b]);
    moveInQueue(context, [b], { beforeId: d });
    expect(queue('to-read')).toEqual([c, b, d, a]);
  });

  it('the read queue is ordered by when each paper was read, newest first', () => {
    const [a, b] = ids as [number, number];
    setStatus(context, [a], 'read');
    clock.advance(1000);
    setStatus(context, [b], 'read');
    expect(queue('read')).toEqual([b, a]);
  });

  it('undo steps back through several actions', () => {
    const [a, b] = ids as [number, number];
    setStatus(context, [a, b], 'to-read');
    setStarred(context, [a], true);
    addTag(context, [b], 'diffusion');
    expect(library.history.undo(library.db)).toBe('tag diffusion');
    expect(getPaper(library.db, b).tags).toEqual([]);
    expect(library.history.undo(library.db)).toBe('star');
    expect(getPaper(library.db, a).starred).toBe(false);
    expect(library.history.undo(library.db)).toBe('mark to-read');
    expect(queue('inbox')).toHaveLength(58);
    expect(library.history.undo(library.db)).toBeNull();
  });

  it('an unknown id is an error that changes nothing', () => {
    const before = countQueues(library.db);
    expect(() => setStatus(context, [ids[0] ?? 0, 99_999], 'read')).toThrow(/No paper with id 99999/);
    expect(countQueues(library.db)).toEqual(before);
  });

  it('"skip the rest" skips only what is still in the inbox of that digest', () => {
    const [keep, star] = ids as [number, number];
    setStatus(context, [keep], 'to-read');
    setStarred(context, [star], true);
    const digestId = library.db.prepare('SELECT id FROM digests').pluck().get() as number;
    expect(skipRestOfDigest(context, digestId).changed).toBe(57);
    expect(countQueues(library.db)).toMatchObject({ inbox: 0, 'to-read': 1, skipped: 57, starred: 1 });
  });

  it('re-importing a digest changes no status, star, tag, note or position; skipped papers stay skipped', () => {
    const [a, b, c] = ids as [number, number, number];
    setStatus(context, [a, b], 'to-read');
    moveInQueue(context, [b], 'top');
    setStarred(context, [a], true);
    addTag(context, [a], 'must-read');
    setNote(context, a, 'compare with Mamba-2');
    setStatus(context, [c], 'skipped');
    const before = [a, b, c].map((id) => getPaper(library.db, id));

    // The same papers again, in a digest that is not byte-identical (a different copy of the page).
    const again = importDigest(library.db, { fileName: 'again.txt', bytes: Buffer.concat([digest, Buffer.from('\n\n')]) }, clock);
    expect(again).toMatchObject({ added: 0, existing: 58, alreadyImported: false });

    for (const [index, id] of [a, b, c].entries()) {
      const after = getPaper(library.db, id);
      const { digests: _before, ...kept } = before[index] ?? after;
      const { digests, ...now } = after;
      expect(now).toEqual(kept);
      expect(digests).toHaveLength(2);
    }
    expect(queue('to-read')).toEqual([b, a]);
    expect(queue('skipped')).toEqual([c]);
  });
});
