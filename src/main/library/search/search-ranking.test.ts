import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestLibrary } from './search-test-library.ts';

describe('search finds the paper a person means first', () => {
  let lib: ReturnType<typeof digestLibrary>;
  beforeEach(() => {
    lib = digestLibrary();
  });
  afterEach(() => lib.library.cleanup());

  it('misspelt words are corrected and say so', () => {
    const result = lib.search('mixtrue of experts');
    expect(result.correctedQuery).toBe('mixture of experts');
    expect(result.hits[0]?.paper.title).toMatch(/^COMET: Learning Cardinality Constrained Mixture of Experts/);
    const attention = lib.search('sparse atention');
    expect(attention.correctedQuery).toBe('sparse attention');
    expect(attention.hits[0]?.paper.title).toMatch(/Sparse Attention/);
    expect(lib.search('gaussian splating').hits[0]?.paper.title).toMatch(/^RDG-GS/);
  });

  it('a correctly spelt query reports no correction', () => {
    expect(lib.search('routing transformers').correctedQuery).toBeNull();
  });

  it('an unfinished last word is completed', () => {
    expect(lib.titles('spik')[0]).toMatch(/^SpikMamba/);
    expect(lib.titles('tidalde')[0]).toMatch(/^TidalDecode/);
    expect(lib.titles('lazy neu')[0]).toMatch(/^The Lazy Neuron Phenomenon/);
    // Three letters already narrow the library to papers with a word starting so.
    expect(lib.search('spa').total).toBeGreaterThan(20);
  });

  it('a distinctive word or name from a title finds that paper', () => {
    expect(lib.titles('sparsifiner ')[0]).toMatch(/^Sparsifiner/);
    expect(lib.titles('lottery tickets ')[0]).toMatch(/^Reprogramming under constraints/);
    expect(lib.titles('spatial consistency ')[0]).toMatch(/^Getting it Right/);
  });

  it('a pasted title puts that paper first', () => {
    expect(lib.titles('Less is More: Focus Attention for Efficient DETR')[0]).toBe('Less is More: Focus Attention for Efficient DETR');
    expect(lib.titles('Sparse Model Soups: A Recipe for Improved Pruning via Model Averaging ')[0]).toMatch(/^Sparse Model Soups/);
  });

  it('quotes match the exact phrase only', () => {
    const phrase = lib.ids('"sparse autoencoders"');
    const words = lib.ids('sparse autoencoders');
    expect(phrase.length).toBeGreaterThan(0);
    expect(phrase.length).toBeLessThan(words.length);
    for (const hit of lib.search('"sparse autoencoders" ').hits) {
      expect(`${hit.paper.title} ${hit.snippet?.text ?? ''}`.toLowerCase()).toMatch(/sparse autoencoders/);
    }
  });

  it("an author's surname finds their paper, ahead of papers that only mention the name", () => {
    const byAuthor = lib.addPaper({ title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'], abstract: 'The dominant sequence transduction models are based on recurrent networks.' });
    lib.addPaper({ title: 'Revisiting transformer baselines', abstract: 'We revisit the architecture of Vaswani et al. and its attention layers in detail.' });
    expect(lib.ids('vaswani')[0]).toBe(byAuthor);
    expect(lib.ids('shazer')[0]).toBe(byAuthor); // misspelt surname
  });

  it('a misspelling that is itself a rare word is also read as its common neighbour ("lama" for "llama")', () => {
    const herd = lib.addPaper({ title: 'The Llama 3 Herd of Models', abstract: 'A new set of foundation models.' });
    lib.addPaper({ title: 'LaMa: Resolution-robust Large Mask Inpainting', abstract: 'Inpainting with Fourier convolutions.' });
    for (let index = 0; index < 60; index += 1) lib.addPaper({ title: `Fine-tuning Llama variant ${index}`, abstract: 'Instruction tuning.' });
    expect(lib.ids('lama 3 herd ')[0]).toBe(herd);
  });

  it('title matches rank above abstract-only matches', () => {
    const [first] = lib.search('splatting ').hits;
    expect(first?.paper.title).toMatch(/Splatting/);
  });

  it('a query that matches nothing returns no hits and a zero total', () => {
    const result = lib.search('xylophone quasar');
    expect(result.hits).toEqual([]);
    expect(result.total).toBe(0);
  });
});
