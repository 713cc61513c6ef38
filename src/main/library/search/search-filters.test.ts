import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTag } from '../papers/tags-and-notes.ts';
import { setStarred, setStatus } from '../papers/triage-papers.ts';
import { digestLibrary } from './search-test-library.ts';

describe('search filters', () => {
  let lib: ReturnType<typeof digestLibrary>;
  let all: number[];
  const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
  beforeEach(() => {
    lib = digestLibrary();
    all = lib.library.db.prepare(`SELECT id FROM papers ORDER BY id`).pluck().all() as number[];
  });
  afterEach(() => lib.library.cleanup());

  it('is:starred and its negation split the library, alone or with words', () => {
    const starred = [lib.idOf('Sparsifiner'), lib.idOf('MoA: Mixture of Sparse Attention'), lib.idOf('CROMA')];
    setStarred(lib.context, starred, true);
    expect(sorted(lib.ids('is:starred'))).toEqual(sorted(starred));
    expect(lib.ids('-is:starred')).toHaveLength(all.length - starred.length);
    const starredAttention = lib.ids('is:starred mixture sparse attention');
    expect(starredAttention[0]).toBe(starred[1]);
    for (const id of lib.ids('is:starred attention')) expect(starred).toContain(id);
    expect(lib.ids('-is:starred sparse attention')).not.toContain(starred[0]);
    expect(sorted(lib.ids('', 'starred'))).toEqual(sorted(starred));
  });

  it('in:STATUS takes any status, and a word of the view', () => {
    const toRead = [lib.idOf('FlexDiT'), lib.idOf('SliceGPT')];
    const read = [lib.idOf('BiFormer')];
    setStatus(lib.context, toRead, 'to-read');
    setStatus(lib.context, read, 'read');
    expect(sorted(lib.ids('in:to-read'))).toEqual(sorted(toRead));
    expect(lib.ids('in:read')).toEqual(read);
    expect(lib.ids('in:skipped')).toEqual([]);
    expect(lib.ids('in:inbox')).toHaveLength(all.length - 3);
    expect(lib.ids('in:to-read diffusion')[0]).toBe(toRead[0]);
    for (const id of lib.ids('in:to-read diffusion')) expect(toRead).toContain(id);
    expect(lib.ids('-in:inbox')).toHaveLength(3);
    // The queue argument narrows the same way.
    expect(lib.ids('flexdit', 'to-read')).toEqual([toRead[0]]);
    expect(lib.ids('flexdit', 'read')).toEqual([]);
  });

  it('tag:NAME matches tagged papers, ignores case, and -tag: excludes them', () => {
    const tagged = [lib.idOf('DASS'), lib.idOf('Fast Sparse ConvNets')];
    addTag(lib.context, tagged, 'Reading-Group');
    expect(sorted(lib.ids('tag:reading-group'))).toEqual(sorted(tagged));
    expect(lib.ids('tag:reading-group search')).toEqual([tagged[0]]);
    expect(lib.ids('-tag:reading-group')).toHaveLength(all.length - 2);
    expect(lib.ids('tag:no-such-tag')).toEqual([]);
    expect(lib.ids('tag:"reading-group" convnets')).toEqual([tagged[1]]);
  });

  it('digest:DATE matches the day, month or year of the digest a paper came in', () => {
    expect(lib.ids('digest:2026-03-11')).toHaveLength(all.length);
    expect(lib.ids('digest:2026-03')).toHaveLength(all.length);
    expect(lib.ids('digest:2026-03-10')).toEqual([]);
    expect(lib.ids('digest:2026-03-11 lottery')[0]).toBe(lib.idOf('Reprogramming under constraints'));
    expect(lib.ids('-digest:2026-03-11')).toEqual([]);
  });

  it('year:YYYY is the published year, else the digest year', () => {
    const old = lib.addPaper({ title: 'An older sparse survey', publishedAt: '2024-05-01' });
    expect(lib.ids('year:2024')).toEqual([old]);
    expect(lib.ids('year:2026')).toHaveLength(all.length);
    expect(lib.ids('year:2024 survey')).toEqual([old]);
    expect(lib.ids('-year:2026')).toEqual([old]);
  });

  it('filters combine with each other and with negated words', () => {
    const ids = [lib.idOf('Sparsifiner'), lib.idOf('SparseFusion')];
    setStarred(lib.context, ids, true);
    setStatus(lib.context, [ids[0] ?? 0], 'to-read');
    expect(lib.ids('is:starred in:to-read')).toEqual([ids[0]]);
    expect(lib.ids('is:starred -in:to-read')).toEqual([ids[1]]);
    expect(lib.ids('sparse -attention')).not.toContain(ids[0]);
    for (const hit of lib.search('sparse -attention ').hits) expect(hit.paper.title.toLowerCase()).not.toContain('attention');
  });

  it('an unfinished filter is ignored rather than emptying the results', () => {
    const lottery = lib.ids('lottery');
    expect(lottery.length).toBeGreaterThan(0);
    expect(lib.ids('lottery year:20')).toEqual(lottery);
    expect(lib.ids('lottery in:')).toEqual(lottery);
  });
});
