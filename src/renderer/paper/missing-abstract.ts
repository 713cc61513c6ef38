import type { DigestFormat, PaperDetail } from '../../shared/domain.ts';

/** Digests that carry abstracts of arXiv papers: a later one of these can fill a missing abstract in. */
const ABSTRACT_BEARING: readonly DigestFormat[] = ['hf-papers-text', 'hf-papers-html', 'hf-daily-json', 'arxiv-atom', 'arxiv-rss', 'arxiv-listing-email'];

/**
 * What the detail pane says in place of a missing abstract. The promise of a later digest is made only
 * where one plausibly comes: an arXiv paper (the feeds and Hugging Face list arXiv papers). A 1990 RIS
 * record will never be filled in; a pasted id is known by its id alone and says so.
 */
export function missingAbstractText(paper: Pick<PaperDetail, 'idOnly' | 'arxivId' | 'digests'>): string {
  if (paper.idOnly) {
    return paper.arxivId
      ? 'Only the id is known: this paper came from a pasted link. An arXiv or Hugging Face digest that lists it will fill in its title, authors and abstract.'
      : 'Only the id is known: this paper came from a pasted link.';
  }
  if (paper.arxivId) return 'No abstract yet. A later arXiv or Hugging Face digest with this paper will fill it in.';
  const formats = new Set(paper.digests.map((digest) => digest.format));
  const source = [...formats].find((format) => !ABSTRACT_BEARING.includes(format));
  return source === 'bibtex' || source === 'ris' ? `The ${source === 'ris' ? 'RIS' : 'BibTeX'} record has no abstract.` : 'This paper has no abstract.';
}

/** Minutes to read a paper, roughly: from its page count when known, else from its abstract (~25 abstract words per page). */
export function readingMinutes(abstractWords: number, pages?: number | null): number | null {
  const estimatedPages = pages ?? (abstractWords > 0 ? Math.max(4, Math.min(40, Math.round(abstractWords / 25))) : null);
  if (estimatedPages === null) return null;
  // ~4 minutes a page for a careful first read of a research paper.
  return estimatedPages * 4;
}

export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `~${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `~${hours} h` : `~${hours} h ${rest} min`;
}
