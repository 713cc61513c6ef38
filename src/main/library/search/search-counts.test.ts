import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPaper, toIncomingPaper } from '../import/merge-paper.ts';
import { emptyPaper } from '../import/parsers/parsed-digest.ts';
import { countSearchMatches } from './search-engine.ts';
import { realPapersLibrary } from './real-papers-library.ts';

// Counting every match walks each searched word's papers: two common words that rarely meet give few
// matches and a long walk. A keystroke then shows "about N" and the exact count comes when typing pauses.
describe('counts on a keystroke', () => {
  let lib: ReturnType<typeof realPapersLibrary>;
  beforeAll(() => {
    lib = realPapersLibrary();
    const { db } = lib.library;
    db.transaction(() => {
      for (let index = 0; index < 7000; index += 1) {
        const words = [index < 2600 ? 'quokka' : 'plain', index >= 2300 && index < 4900 ? 'wombat' : 'text'];
        const parsed = { ...emptyPaper(`Study ${index}`), abstract: `A ${words.join(' ')} note number ${index}.` };
        insertPaper(db, toIncomingPaper(parsed), { status: 'inbox', digestDate: '2026-03-12', digestPosition: index, now: '2026-03-12T10:00:00.000Z' });
      }
    })();
  });
  afterAll(() => lib.library.cleanup());

  it('two common words that rarely meet: an estimate while typing, the exact count when asked', () => {
    const typed = lib.search('quokka wombat ');
    expect(typed.hits.length).toBe(50);
    expect(typed.totalIsEstimate).toBe(true);
    // Papers 2300–2599 hold both words; by the estimate about 900 would.
    expect(countSearchMatches(lib.library.db, { query: 'quokka wombat ' })).toBe(300);
  });

  it('a rare word is counted exactly at once', () => {
    const typed = lib.search('sparsity ');
    expect(typed.totalIsEstimate).toBeUndefined();
    expect(typed.total).toBe(countSearchMatches(lib.library.db, { query: 'sparsity ' }));
  });
});
