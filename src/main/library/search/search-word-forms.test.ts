import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realPapersLibrary } from './real-papers-library.ts';
import { digestLibrary } from './search-test-library.ts';
import { otherForms, otherNumberForms, otherSpellings, singularForms, verbForms } from './word-forms.ts';

describe('the other number of a word', () => {
  it('gives singulars of plurals and plurals of singulars, never a cut singular', () => {
    expect(otherNumberForms('transformers')).toContain('transformer');
    expect(otherNumberForms('transformer')).toContain('transformers');
    expect(otherNumberForms('policies')).toContain('policy');
    expect(otherNumberForms('policy')).toContain('policies');
    expect(otherNumberForms('llm')).toContain('llms');
    expect(otherNumberForms('patches')).toContain('patch');
    expect(otherNumberForms('patch')).toContain('patches');
    // Singular words that end in s are not plurals.
    expect(otherNumberForms('loss')).not.toContain('los');
    expect(otherNumberForms('analysis')).not.toContain('analysi');
    expect(otherNumberForms('corpus')).not.toContain('corpu');
    // Too short, or a version number: left alone.
    expect(otherNumberForms('is')).toEqual([]);
    expect(otherNumberForms('v2')).toEqual([]);
    expect(singularForms('model')).toEqual([]);
  });
});

describe('the other spelling of a word', () => {
  it('pairs British and American endings, and leaves short and unrelated words alone', () => {
    expect(otherSpellings('optimisation')).toEqual(['optimization']);
    expect(otherSpellings('optimization')).toEqual(['optimisation']);
    expect(otherSpellings('behaviour')).toContain('behavior');
    expect(otherSpellings('behavior')).toContain('behaviour');
    expect(otherSpellings('modelling')).toContain('modeling');
    expect(otherSpellings('analyse')).toContain('analyze');
    expect(otherSpellings('centre')).toContain('center');
    expect(otherForms('behaviours')).toEqual(expect.arrayContaining(['behaviour', 'behavior', 'behaviors']));
    // "four" is not British for "for", nor "floor" for "flour".
    expect(otherSpellings('four')).toEqual([]);
    expect(otherSpellings('floor')).toEqual([]);
    expect(otherSpellings('analysis')).toEqual([]);
  });
});

describe('the verb forms of a word', () => {
  it('gives -ing and -ed forms and back, never -er (a transformer is not a transform)', () => {
    expect(verbForms('train')).toEqual(expect.arrayContaining(['training', 'trained']));
    expect(verbForms('training')).toContain('train');
    expect(verbForms('generated')).toEqual(expect.arrayContaining(['generate', 'generating']));
    expect(verbForms('plan')).toEqual(expect.arrayContaining(['planning', 'planned']));
    expect(verbForms('planned')).toContain('plan');
    expect(verbForms('transform')).not.toContain('transformer');
    // Too short a stem to say: "speed" is not "sped", "used" not "us".
    expect(verbForms('speed')).toEqual([]);
    expect(verbForms('used')).toEqual([]);
  });
});

describe('ranking with other forms (the shared Hugging Face page)', () => {
  it('a rarer form never outranks the word typed: "sparse" puts sparse titles above "Sparsing Law"', () => {
    const lib = digestLibrary();
    try {
      for (const query of ['sparse ', 'sparse -tag:x', 'sparse']) {
        expect(lib.search(query).hits[0]?.paper.title).toMatch(/\bsparse\b/i);
      }
      // The form is still found, below the papers with the word itself.
      expect(lib.search('sparse ').hits.map((hit) => hit.paper.title)).toContainEqual(expect.stringMatching(/^Sparsing Law/));
    } finally {
      lib.library.cleanup();
    }
  });
});

describe('search finds a title whatever number the reader remembers a word in (real titles)', () => {
  let lib: ReturnType<typeof realPapersLibrary>;
  beforeAll(() => {
    lib = realPapersLibrary();
  });
  afterAll(() => lib.library.cleanup());

  it('singular words find a title written in plurals', () => {
    expect(lib.titles('sparse vdit video diffusion transformer')[0]).toMatch(/^Sparse-vDiT:/);
    expect(lib.titles('zebralogic scaling limit llm')[0]).toMatch(/^ZebraLogic:/);
    expect(lib.titles('information-seeking agent')[0]).toMatch(/^InfoAgent:/);
  });

  it('plural words find a title written in the singular', () => {
    expect(lib.titles('sparse frontier transformers')[0]).toMatch(/^The Sparse Frontier:/);
    expect(lib.titles('mpo llm agents meta plans')[0]).toMatch(/^MPO:/);
  });

  it('a plural still being typed finds the singular too', () => {
    expect(lib.titles('sparse frontier transformers', { typing: true })[0]).toMatch(/^The Sparse Frontier:/);
  });

  it('a British spelling finds an American title, and the other way round', () => {
    const id = lib.add({ title: 'Value-Incentivized Preference Optimization: A Unified Approach to Online and Offline RLHF', authors: ['Shicong Cen'], abstract: 'Reinforcement learning from human feedback.' });
    expect(lib.search('value incentivised preference optimisation ').hits[0]?.paper.id).toBe(id);
    const other = lib.add({ title: 'Modelling Behaviour of Colour Constancy', authors: ['A. Writer'], abstract: 'An abstract.' });
    expect(lib.search('modeling behavior color ').hits[0]?.paper.id).toBe(other);
    expect(lib.search('modeling behavior colo').hits[0]?.paper.id).toBe(other);
  });

  it('a verb remembered in another form finds the title', () => {
    const id = lib.add({ title: 'Training Task Experts through Retrieval Based Distillation', authors: ['Jiaxin Ge'], abstract: 'Distilling task experts.' });
    expect(lib.search('train task expert retrieval distillation ').hits[0]?.paper.id).toBe(id);
  });

  it('both forms are highlighted', () => {
    const hit = lib.search('sparse frontier transformers ').hits[0];
    expect(hit?.paper.title).toMatch(/^The Sparse Frontier:/);
    const title = hit?.paper.title ?? '';
    const highlighted = (hit?.titleHighlights ?? []).map(([start, end]) => title.slice(start, end).toLowerCase());
    expect(highlighted).toContain('transformer');
  });
});
