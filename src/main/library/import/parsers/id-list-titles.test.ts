import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readerFor } from '../digest-formats.ts';
import { parseIdList } from './id-list.ts';

const text = fs.readFileSync(new URL('../../../../../tests/fixtures/wild/awesome-list.md', import.meta.url), 'utf8');

describe('a Markdown reading list (awesome list)', () => {
  const digest = parseIdList(text);
  const titleOf = (arxivId: string) => digest.papers.find((paper) => paper.arxivId === arxivId)?.title;

  it('is read as a list of its links', () => {
    expect(readerFor(text)?.format).toBe('id-list');
    expect(digest.papers.map((paper) => paper.arxivId)).toEqual(['2402.06196', '1706.03762', '1909.08053', '2005.14165', '2205.14135', '2307.09288', '2212.08073', '2411.15296', '2306.04387', '2506.17298', '2303.08774', '2210.17323']);
  });

  it("takes a link's text as the paper's title, bold marks removed, also from a later link to the same paper", () => {
    expect(titleOf('1706.03762')).toBe('Attention Is All You Need');
    expect(titleOf('1909.08053')).toBe('Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism');
    expect(titleOf('2005.14165')).toBe('Language Models are Few-Shot Learners');
    expect(titleOf('2212.08073')).toBe('Constitutional AI: Harmlessness from AI Feedback');
    expect(titleOf('2306.04387')).toBe('M3IT: A Large-Scale Dataset towards Multi-Modal Multilingual Instruction Tuning');
  });

  it('a link named "Paper" takes the bold title on the line above, never a nickname in the same line', () => {
    expect(titleOf('2411.15296')).toBe('MME-Survey: A Comprehensive Survey on Evaluation of Multimodal LLMs');
    expect(titleOf('2210.17323')).toBe('GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers');
    expect(titleOf('2506.17298')).toBe('');
  });

  it('an HTML anchor\'s text is a title too: <a href="…"><b>GPT-4 Technical Report</b></a>', () => {
    expect(titleOf('2303.08774')).toBe('GPT-4 Technical Report');
  });

  it('never takes a badge, "paper", "PDF" or an id for a title', () => {
    expect(titleOf('2402.06196')).toBe('');
    expect(titleOf('2205.14135')).toBe('');
    expect(titleOf('2307.09288')).toBe('');
  });
});
