import { describe, expect, it } from 'vitest';
import { formatMinutes, missingAbstractText, readingMinutes } from './missing-abstract.ts';

const ref = (format: 'ris' | 'bibtex' | 'hf-daily-json' | 'id-list') => ({ id: 1, sourceName: 'x', format, digestDate: null });

describe('what stands in for a missing abstract', () => {
  it('promises a later digest only for arXiv papers', () => {
    expect(missingAbstractText({ idOnly: false, arxivId: '2403.01234', digests: [ref('hf-daily-json')] })).toMatch(/later arXiv or Hugging Face digest/);
    expect(missingAbstractText({ idOnly: false, arxivId: null, digests: [ref('ris')] })).toBe('The RIS record has no abstract.');
    expect(missingAbstractText({ idOnly: false, arxivId: null, digests: [ref('bibtex')] })).not.toMatch(/later/);
  });

  it('a pasted id says it is known by its id only', () => {
    expect(missingAbstractText({ idOnly: true, arxivId: '1706.03762', digests: [ref('id-list')] })).toMatch(/^Only the id is known/);
  });
});

describe('reading time', () => {
  it('grows with the abstract, within a paper-like range, and is unknown without any text', () => {
    expect(readingMinutes(0)).toBeNull();
    expect(readingMinutes(150)).toBe(24);
    expect(readingMinutes(40)).toBe(16);
    expect(readingMinutes(150, 12)).toBe(48);
    expect(formatMinutes(48)).toBe('~48 min');
    expect(formatMinutes(90)).toBe('~1 h 30 min');
  });
});
