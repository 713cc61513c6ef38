import type { ParsedDigest, ParsedPaper } from './parsers/parsed-digest.ts';
import { normaliseArxivId, normaliseDoi, normaliseTitle } from '../papers/paper-identity.ts';

/** Longest title kept: a real title is a line; anything longer is a broken source, cut and warned about. */
export const MAX_TITLE_CHARS = 2000;
/** Longest abstract kept; real ones are under 5,000 characters. */
export const MAX_ABSTRACT_CHARS = 100_000;
const MAX_AUTHORS = 5000;

/**
 * The checks every format shares, after its parser: a record nothing could identify is skipped,
 * oversized fields are cut with a warning. Text is otherwise kept verbatim (markup included).
 */
export function checkParsedPapers(digest: ParsedDigest): ParsedDigest {
  const papers: ParsedPaper[] = [];
  const skipped = [...digest.skipped];
  const warnings = [...digest.warnings];
  digest.papers.forEach((paper, index) => {
    const title = paper.title.replace(/\s+/g, ' ').trim();
    const identified = normaliseArxivId(paper.arxivId) ?? normaliseDoi(paper.doi);
    if (!identified && normaliseTitle(title) === '') {
      skipped.push({ index, reason: `paper #${index + 1} has no usable title and no arXiv id or DOI` });
      return;
    }
    const checked = { ...paper, title };
    if (title.length > MAX_TITLE_CHARS) {
      checked.title = `${title.slice(0, MAX_TITLE_CHARS - 1)}…`;
      warnings.push(`Paper #${index + 1}'s title was ${title.length.toLocaleString('en')} characters long; it was cut to ${MAX_TITLE_CHARS}.`);
    }
    if (paper.abstract.length > MAX_ABSTRACT_CHARS) {
      checked.abstract = `${paper.abstract.slice(0, MAX_ABSTRACT_CHARS - 1)}…`;
      warnings.push(`Paper #${index + 1}'s abstract was ${paper.abstract.length.toLocaleString('en')} characters long; it was cut.`);
    }
    if (paper.authors.length > MAX_AUTHORS) checked.authors = paper.authors.slice(0, MAX_AUTHORS);
    papers.push(checked);
  });
  return { ...digest, papers, skipped: skipped.sort((a, b) => a.index - b.index), warnings };
}
