import { describe, expect, it } from 'vitest';
import { queryTerms, termHighlights } from './term-highlights.ts';

describe('marking the searched words in a paper', () => {
  it('marks whole words that start with a query word, in any case', () => {
    const text = 'Gaussian Splatting for sparse-view rendering; splats and Gaussians.';
    const ranges = termHighlights(text, queryTerms('gaussian splat'));
    expect(ranges.map(([start, end]) => text.slice(start, end))).toEqual(['Gaussian', 'Splatting', 'splats', 'Gaussians']);
  });

  it('leaves out filters, negated words and one-letter words', () => {
    expect(queryTerms('"sparse attention" tag:llm -survey in:to-read a')).toEqual(['sparse', 'attention']);
  });

  it('does not mark a word that only contains the term', () => {
    expect(termHighlights('resparse', ['sparse'])).toEqual([]);
  });

  it('never marks stop words, and marks each part of a hyphenated name', () => {
    const text = 'A Mixture of Experts often offers the best of both: Olaf-World on top of it.';
    const ranges = termHighlights(text, queryTerms('mixture of experts olaf-world'));
    expect(ranges.map(([start, end]) => text.slice(start, end))).toEqual(['Mixture', 'Experts', 'Olaf', 'World']);
  });
});
