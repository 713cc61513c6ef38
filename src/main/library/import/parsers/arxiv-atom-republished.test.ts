import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readerFor } from '../digest-formats.ts';
import { parseArxivAtom } from './arxiv-atom.ts';

const text = fs.readFileSync(new URL('../../../../../tests/fixtures/wild/feedgen-digest.atom.xml', import.meta.url), 'utf8');

describe('an Atom feed that republishes arXiv papers (python-feedgen digest)', () => {
  const digest = parseArxivAtom(text);

  it('gives each paper its arXiv id, from an "arxiv:ID:…" entry id or the arXiv link', () => {
    expect(readerFor(text)?.format).toBe('arxiv-atom');
    expect(digest.papers.map((paper) => paper.arxivId)).toEqual(['2601.02610', '2608.19767']);
  });

  it('splits one <name> that lists every author, decoding their TeX', () => {
    expect(digest.papers.map((paper) => paper.authors)).toEqual([
      ['Zijun Gao', 'Etienne Roquain', 'Daniel Xiang'],
      ['Martin Tveten', 'Johannes Voll Kolstø', 'Per August Jarval Moen'],
    ]);
  });
});
