import type { ParsedDigest, ParsedPaper } from './parsers/parsed-digest.ts';
import { PAPER_LIMITS } from '../../../shared/paper-limits.ts';
import { limitParsedPaper } from '../papers/limit-paper.ts';
import { normaliseArxivId, normaliseDoi, normaliseTitle } from '../papers/paper-identity.ts';

/** Longest title kept: a real title is a line; anything longer is a broken source, cut and warned about. */
export const MAX_TITLE_CHARS = PAPER_LIMITS.titleChars;
/** Longest abstract kept; real ones are under 5,000 characters. */
export const MAX_ABSTRACT_CHARS = PAPER_LIMITS.abstractChars;

/**
 * The checks every format shares, after its parser: a record nothing could identify is skipped,
 * oversized fields are cut with a warning. Text is otherwise kept verbatim (markup included).
 */
export function checkParsedPapers(digest: ParsedDigest): ParsedDigest {
  const papers: ParsedPaper[] = [];
  const skipped = [...digest.skipped];
  const warnings = [...digest.warnings];
  digest.papers.forEach((paper, index) => {
    // Most titles are already clean: no copy of them, nor of the paper, for the big files' sake.
    const title = /\s{2,}|[^\S ]|^ | $/.test(paper.title) ? paper.title.replace(/\s+/g, ' ').trim() : paper.title;
    const identified = normaliseArxivId(paper.arxivId) ?? normaliseDoi(paper.doi);
    if (!identified && normaliseTitle(title) === '') {
      skipped.push({ index, reason: `paper #${index + 1} has no usable title and no arXiv id or DOI` });
      return;
    }
    const { paper: checked, changes } = limitParsedPaper(title === paper.title ? paper : { ...paper, title });
    for (const change of changes) warnings.push(`Paper #${index + 1}'s ${change}.`);
    papers.push(checked);
  });
  return { ...digest, papers, skipped: skipped.sort((a, b) => a.index - b.index), warnings };
}
