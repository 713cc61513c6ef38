import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foldTerm } from './search-tokens.ts';
import { boundedEditDistance } from './edit-distance.ts';
import { parseQuery, typedWithCorrections } from './parse-query.ts';
import { digestLibrary } from './search-test-library.ts';

describe('highlights', () => {
  let lib: ReturnType<typeof digestLibrary>;
  beforeEach(() => {
    lib = digestLibrary();
  });
  afterEach(() => lib.library.cleanup());

  const covered = (text: string, ranges: [number, number][]) => ranges.map(([start, end]) => foldTerm(text.slice(start, end)));

  it('title ranges cover exactly the matched words, corrected words included', () => {
    const [hit] = lib.search('sparse atention').hits;
    expect(hit).toBeDefined();
    const words = covered(hit?.paper.title ?? '', hit?.titleHighlights ?? []);
    expect(words).toEqual(expect.arrayContaining(['sparse', 'attention']));
    for (const word of words) expect(['sparse', 'attention']).toContain(word);
  });

  it('stop words are not marked in the abstract, even inside a quoted phrase', () => {
    for (const query of ['mixture of experts ', '"mixture of experts" ']) {
      const hits = lib.search(query).hits.filter((hit) => hit.snippet);
      expect(hits.length, query).toBeGreaterThan(0);
      for (const hit of hits) {
        const marked = covered(hit.snippet?.text ?? '', hit.snippet?.highlights ?? []);
        expect(marked, query).not.toContain('of');
      }
    }
  });

  it('the abstract snippet is a window of the abstract whose ranges hold the query words', () => {
    const { hits } = lib.search('spectral bias ');
    const hit = hits.find((candidate) => candidate.snippet && candidate.snippet.highlights.length >= 2);
    expect(hit?.snippet).toBeTruthy();
    const snippet = hit?.snippet ?? { text: '', highlights: [] };
    expect(snippet.text.length).toBeLessThanOrEqual(230);
    for (const word of covered(snippet.text, snippet.highlights)) expect(['spectral', 'bias']).toContain(word);
    const plain = snippet.text.replace(/^…|…$/g, '');
    const abstract = lib.library.db.prepare(`SELECT abstract FROM papers WHERE id = ?`).pluck().get(hit?.paper.id) as string;
    expect(abstract).toContain(plain);
  });

  it('a word being typed highlights the words it starts', () => {
    const [hit] = lib.search('spikm').hits;
    expect(covered(hit?.paper.title ?? '', hit?.titleHighlights ?? [])).toEqual(['spikmamba']);
  });
});

describe('query syntax and typo distance', () => {
  it('parses words, phrases, negations and filters, and marks the word being typed', () => {
    expect(parseQuery('sparse -dense "exact words" tag:"my tag" -is:starred atte')).toEqual([
      { kind: 'word', term: 'sparse', typed: 'sparse', negated: false, open: false },
      { kind: 'word', term: 'dense', typed: 'dense', negated: true, open: false },
      { kind: 'phrase', terms: ['exact', 'words'], negated: false, open: false },
      { kind: 'filter', key: 'tag', value: 'my tag', negated: false },
      { kind: 'filter', key: 'is', value: 'starred', negated: true },
      { kind: 'word', term: 'atte', typed: 'atte', negated: false, open: true },
    ]);
    expect(parseQuery('Schölkopf ')).toEqual([{ kind: 'word', term: 'scholkopf', typed: 'Schölkopf', negated: false, open: false }]);
  });

  it('puts a corrected part back into a name as it was typed', () => {
    const [olaf] = parseQuery('Olaf-Owrld');
    expect(olaf?.kind === 'compound' && typedWithCorrections(olaf, ['olaf', 'world'])).toBe('Olaf-world');
    const [qwen] = parseQuery('Qwen2.5-VK');
    expect(qwen?.kind === 'compound' && typedWithCorrections(qwen, [...qwen.terms.slice(0, -1), 'vl'])).toBe('Qwen2.5-vl');
  });

  it('counts a swapped pair of letters as one edit and gives up beyond the bound', () => {
    expect(boundedEditDistance('mixtrue', 'mixture', 2)).toBe(1);
    expect(boundedEditDistance('atention', 'attention', 2)).toBe(1);
    expect(boundedEditDistance('sparse', 'dense', 1)).toBe(2);
  });
});
