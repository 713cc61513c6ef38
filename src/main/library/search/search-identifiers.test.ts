import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { realPapersLibrary } from './real-papers-library.ts';
import { REAL_PAPERS } from './real-papers-library.ts';

describe('a search box holding paper identifiers finds those papers', () => {
  let lib: ReturnType<typeof realPapersLibrary>;
  beforeEach(() => {
    lib = realPapersLibrary();
  });
  afterEach(() => lib.library.cleanup());

  const [first, second] = REAL_PAPERS;
  const firstId = first?.arxivId ?? '';
  const secondId = second?.arxivId ?? '';

  it('finds a paper by its arXiv id however it is written', () => {
    for (const query of [firstId, `arXiv:${firstId}v2`, `arxiv: ${firstId}`, `https://arxiv.org/abs/${firstId}v1`, `arxiv.org/pdf/${firstId}`, `https://huggingface.co/papers/${firstId}`, `10.48550/arXiv.${firstId}`]) {
      const result = lib.search(query);
      expect(result.hits.map((hit) => hit.paper.title), query).toEqual([first?.title]);
      expect(result.correctedQuery, query).toBeNull();
      expect(result.total, query).toBe(1);
    }
  });

  it('finds several pasted ids in the order they were pasted', () => {
    expect(lib.search(`${secondId}, ${firstId}`).hits.map((hit) => hit.paper.title)).toEqual([second?.title, first?.title]);
    expect(lib.ids(`${secondId} ${firstId}`).total).toBe(2);
  });

  it('an arXiv id still being typed finds the papers whose ids start so', () => {
    const prefix = firstId.slice(0, 7);
    const expected = REAL_PAPERS.filter((paper) => paper.arxivId.startsWith(prefix)).map((paper) => paper.arxivId).sort();
    const found = lib.search(prefix, { limit: 500 });
    expect(found.hits.map((hit) => hit.paper.arxivId).sort()).toEqual(expected);
    expect(found.hits.map((hit) => hit.paper.arxivId)).toContain(firstId);
  });

  it('an id the library does not hold finds nothing instead of a "corrected" guess', () => {
    const result = lib.search('2412.99999');
    expect(result.total).toBe(0);
    expect(result.correctedQuery).toBeNull();
  });

  it('words with a number in them are still searched as words', () => {
    expect(lib.search('qwen2.5-vl ').total).toBeGreaterThan(0);
  });
});
