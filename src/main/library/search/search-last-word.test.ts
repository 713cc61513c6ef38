import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realPapersLibrary } from './real-papers-library.ts';

describe('the last word, while the reader is still typing it', () => {
  let lib: ReturnType<typeof realPapersLibrary>;
  beforeAll(() => {
    lib = realPapersLibrary();
  });
  afterAll(() => lib.library.cleanup());

  it('a misspelt last word that starts a rarer word is corrected as well as completed', () => {
    // "splating" is the start of nothing common; "splatting" is in many titles.
    lib.add({ title: 'Splatings of Paint in Early Renaissance Frescoes', authors: [], abstract: 'Art history.' });
    const typing = lib.search('gausian splating');
    expect(typing.total).toBeGreaterThan(10);
    expect(typing.hits[0]?.paper.title).toMatch(/Gaussian Splatting/);
    expect(typing.correctedQuery).toBe('gaussian splatting');
    const finished = lib.search('gausian splating ');
    for (const result of [typing, finished]) {
      for (const hit of result.hits.slice(0, 5)) expect(hit.paper.title).toMatch(/Gaussian Splatting/i);
    }
  });

  it('"results for" shows the names as typed, with only the misspelt word changed', () => {
    lib.add({ title: 'Qwen2.5-VL Technical Report', authors: [], abstract: 'A vision-language model.' });
    const result = lib.search('Qwen2.5-VL technicl report');
    expect(result.hits[0]?.paper.title).toBe('Qwen2.5-VL Technical Report');
    // Not "qwen2-5-vl technical report": the name keeps its dot and its capitals.
    expect(result.correctedQuery).toBe('Qwen2.5-VL technical report');
  });

  it('a correct prefix of a common word is completed, not corrected', () => {
    const result = lib.search('sparse atte');
    expect(result.correctedQuery).toBeNull();
    expect(result.hits[0]?.paper.title).toMatch(/Sparse Attention/);
  });

  it('every keystroke of a query finds something once its words exist (no empty flashes)', () => {
    const query = 'sparse attention';
    for (let end = 2; end <= query.length; end += 1) {
      const typed = query.slice(0, end);
      if (typed.endsWith(' ')) continue;
      expect(lib.search(typed).total, typed).toBeGreaterThan(0);
    }
  });
});
