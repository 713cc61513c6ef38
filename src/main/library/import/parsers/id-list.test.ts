import { describe, expect, it } from 'vitest';
import { samplePapers } from '../testing/sample-papers.ts';
import { looksLikeIdList, parseIdList } from './id-list.ts';

describe('list of links or ids', () => {
  it('reads new and old style ids, with and without versions, one per line', () => {
    const digest = parseIdList('2403.01234\narXiv:2403.01235v2\nhep-th/9901001v1\nmath.GT/0309136\n1501.0001\n');
    expect(digest.papers.map((paper) => paper.arxivId)).toEqual(['2403.01234', '2403.01235', 'hep-th/9901001', 'math/0309136', '1501.0001']);
    expect(digest.papers.every((paper) => paper.title === '')).toBe(true);
  });

  it('reads arxiv.org abs and pdf URLs, Hugging Face paper URLs and DOIs, keeping the link', () => {
    const digest = parseIdList(
      'https://arxiv.org/abs/2401.00001v3\nhttps://arxiv.org/pdf/2401.00002.pdf\nhttps://huggingface.co/papers/2401.00003\nhttps://doi.org/10.1145/3292500.3330701\ndoi:10.1038/nature14539\n',
    );
    expect(digest.papers.map((paper) => paper.arxivId ?? paper.doi)).toEqual(['2401.00001', '2401.00002', '2401.00003', '10.1145/3292500.3330701', '10.1038/nature14539']);
    expect(digest.papers.map((paper) => paper.links[0]?.kind)).toEqual(['arxiv', 'pdf', 'hf', 'doi', undefined]);
  });

  it('finds ids mixed into pasted prose, each once', () => {
    const text = 'Have a look at https://arxiv.org/abs/2401.00001 (great!) and 2401.00002, also arXiv:2401.00001v2 again.';
    expect(looksLikeIdList(text)).toBe(true);
    expect(parseIdList(text).papers.map((paper) => paper.arxivId)).toEqual(['2401.00001', '2401.00002']);
  });

  it('does not take version numbers or dates for ids', () => {
    expect(parseIdList('version 1.2403.01234 released 2024.1301 and 12.34').papers).toEqual([]);
  });

  it('a digest page with abstracts is not an id list, even when an abstract cites an id', () => {
    const [paper] = samplePapers();
    const page = `Jun 12\n\n${paper?.title}\n\n${paper?.abstract} See arXiv:2401.00001.\n`;
    expect(looksLikeIdList(page)).toBe(false);
  });
});

describe('DOIs with brackets of their own', () => {
  it('keep a balanced closing bracket and lose one that closes the sentence or link around them', () => {
    const digest = parseIdList('See [PJB](https://doi.org/10.30848/PJB2023-4(30)) and (doi:10.1016/0022-2836(81)90087-5).');
    expect(digest.papers.map((paper) => paper.doi)).toEqual(['10.30848/pjb2023-4(30)', '10.1016/0022-2836(81)90087-5']);
  });
});
