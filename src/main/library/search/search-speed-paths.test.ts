// The fast paths each keystroke takes must find exactly what the plain ones would: the regular
// expression over ASCII text what the tokenizer finds, the banded edit distance what the full table
// gives, and the hand-ranked candidates the order a reader expects.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from './edit-distance.ts';
import { tokenize } from './search-tokens.ts';
import { termMatcher } from './term-matcher.ts';
import { titleCloseness } from './title-closeness.ts';
import { realPapersLibrary } from './real-papers-library.ts';

/** Optimal string alignment over the whole table: the definition the bounded version must agree with. */
function fullDistance(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const row = table[i]!;
      const up = table[i - 1]!;
      row[j] = Math.min(up[j]! + 1, row[j - 1]! + 1, up[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, table[i - 2]![j - 2]! + 1);
    }
  }
  return table[a.length]![b.length]!;
}

describe('the fast paths of a keystroke', () => {
  it('finds the same words as the tokenizer, in ASCII text and in text with accents', () => {
    const text = 'Sparse attention for Diffusion-based LLMs: sparsity, SPARSE-MoE and diffusion2 models';
    const matcher = termMatcher(new Set(['sparse', 'diffusion']), ['spars', 'llm']);
    const expected = tokenize(text).filter((token) => ['sparse', 'diffusion'].includes(token.term) || ['spars', 'llm'].some((prefix) => token.term.startsWith(prefix)));
    expect(matcher.find(text)).toEqual(expected);
    expect(matcher.find(text).map((token) => text.slice(token.start, token.end))).toEqual(['Sparse', 'Diffusion', 'LLMs', 'sparsity', 'SPARSE']);
    // "Schölkopf" folds to "scholkopf" only through the tokenizer.
    expect(termMatcher(new Set(['scholkopf']), []).find('with Bernhard Schölkopf — 2024').map((token) => token.term)).toEqual(['scholkopf']);
  });

  it('agrees with the tokenizer on any text', () => {
    const alphabet = fc.constantFrom('a', 'b', 'e', 'A', 'B', 'é', 'É', 'ß', '2', ' ', '-', '.', '—', 'ö');
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 40 }), fc.constantFrom('ab', 'ba', 'be', 'a2', 'eb'), (text, term) => {
        const matcher = termMatcher(new Set([term]), ['b']);
        const expected = tokenize(text).filter((token) => token.term === term || token.term.startsWith('b'));
        expect(matcher.find(text)).toEqual(expected);
      }),
    );
  });

  it('bounds the edit distance exactly as the full table would', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const full = fullDistance(a, b);
        expect(boundedEditDistance(a, b, max)).toBe(full <= max ? full : max + 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a title that holds the typed words in order as closer than one that scatters them', () => {
    const close = titleCloseness('sparse atention');
    expect(close('Sparse Attention Across Multiple-context KV Cache')).toBeGreaterThan(close('HiP Attention: Sparse Sub-Quadratic Attention with Hierarchical Attention Pruning'));
    expect(close('Mixture of Sparse Attention')).toBeGreaterThan(close('Attention for dense retrieval'));
    expect(titleCloseness('mixture experts')('Mixture of Experts Made Simple')).toBeGreaterThan(titleCloseness('mixture experts')('Experts and a mixture'));
  });

  it('ranks the real papers with a common word in the title above those with it only in the abstract', () => {
    const lib = realPapersLibrary();
    try {
      const ranked = lib.search('diffusion ');
      const titled = ranked.hits.findIndex((hit) => !/diffusion/i.test(hit.paper.title));
      const lastTitled = ranked.hits.map((hit) => /diffusion/i.test(hit.paper.title)).lastIndexOf(true);
      expect(titled === -1 || lastTitled < titled).toBe(true);
    } finally {
      lib.library.cleanup();
    }
  });
});
