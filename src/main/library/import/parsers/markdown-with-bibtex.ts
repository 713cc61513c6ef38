import { parseBibtex } from './bibtex.ts';
import { parseIdList } from './id-list.ts';
import type { ParseContext, ParsedDigest, ParsedPaper } from './parsed-digest.ts';

// A README or notes file that quotes a BibTeX entry in a Markdown code fence ("If you find our survey
// useful, please cite: ```bibtex @article{…}```") above its list of papers. BibTeX detection took the
// whole file for a .bib: a real awesome list of 444 papers became the 1 paper it asks to be cited for.
// Such a file is a reading list; the quoted entries are papers too, read as BibTeX. A .bib file never
// has a code fence, so nothing a reference manager wrote comes here.

const FENCED_ENTRY = /^[ \t]*(```|~~~)[^\n]*\n\s*@[ \t]*[A-Za-z]+[ \t]*[{(]/m;

/** A Markdown code fence whose first line starts a BibTeX entry. */
export function looksLikeMarkdownWithBibtex(text: string): boolean {
  return FENCED_ENTRY.test(text.slice(0, 200_000));
}

export function parseMarkdownWithBibtex(text: string, context?: ParseContext): ParsedDigest {
  // `--format id-list` comes here too: a plain list of links has no fence to cut at, and splitting a
  // 5 MB list into lines only to join them again was a fifth of reading it.
  if (!text.includes('```') && !text.includes('~~~')) return parseIdList(text, context);
  const quoted: ParsedPaper[] = [];
  const skipped: ParsedDigest['skipped'] = [];
  const prose: string[] = [];
  for (const block of fencedBlocks(text)) {
    if (!block.fenced || !/^\s*@/.test(block.text)) {
      prose.push(block.text);
      continue;
    }
    try {
      quoted.push(...parseBibtex(block.text).papers);
    } catch {
      // A placeholder ("@article{\n}") or a broken quote costs only itself: its ids are still in the text.
      prose.push(block.text);
    }
  }
  const listed = parseIdList(prose.join('\n'), context);
  const known = new Set(quoted.flatMap((paper) => [paper.arxivId && `arxiv:${paper.arxivId}`, paper.doi && `doi:${paper.doi.toLowerCase()}`].filter(Boolean)));
  const others = listed.papers.filter((paper) => !known.has(`arxiv:${paper.arxivId}`) && !known.has(`doi:${paper.doi?.toLowerCase()}`));
  return { format: 'id-list', digestDate: null, papers: [...quoted, ...others], skipped, warnings: [] };
}

/** The text cut at Markdown code fences, in one pass over its lines: prose and fenced blocks in order. */
function fencedBlocks(text: string): { fenced: boolean; text: string }[] {
  const blocks: { fenced: boolean; text: string }[] = [];
  let marker: string | null = null;
  let lines: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const fence = /^[ \t]*(```|~~~)/.exec(line)?.[1];
    if (fence && (marker === null || (fence === marker && line.trim() === marker))) {
      blocks.push({ fenced: marker !== null, text: lines.join('\n') });
      lines = [];
      marker = marker === null ? fence : null;
    } else lines.push(line);
  }
  blocks.push({ fenced: false, text: lines.join('\n') });
  return blocks;
}
