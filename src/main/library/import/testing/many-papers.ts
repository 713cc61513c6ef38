// Test and bench support: any number of distinct papers built from the real sample papers' text.
import { samplePapers } from './sample-papers.ts';
import type { SamplePaper } from './sample-papers.ts';

/** `count` papers with distinct arXiv ids and titles, text taken from the 30 real ones in turn. */
export function manyPapers(count: number, firstId = 0): SamplePaper[] {
  const real = samplePapers();
  return Array.from({ length: count }, (_, offset) => {
    const index = firstId + offset;
    const source = real[index % real.length] as SamplePaper;
    const month = String(1 + (Math.floor(index / 100_000) % 12)).padStart(2, '0');
    return {
      ...source,
      arxivId: `25${month}.${String(index % 100_000).padStart(5, '0')}`,
      title: `${source.title} (variant ${index})`,
    };
  });
}
