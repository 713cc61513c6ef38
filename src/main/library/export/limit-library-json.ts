import { limitNote, limitParsedPaper, limitTagName } from '../papers/limit-paper.ts';
import { PAPER_LIMITS } from '../../../shared/paper-limits.ts';
import type { LibraryJson, LibraryJsonPaper } from './library-json-format.ts';

/**
 * A validated export held to the same limits as an import (PAPER_LIMITS): restore must not accept
 * what import refuses, such as two million authors or a `javascript:` link that an export would later
 * turn into a clickable one. Tags and notes are cleaned and cut as the API would have refused them.
 */
export function limitLibraryJson(document: LibraryJson): LibraryJson {
  return {
    ...document,
    papers: document.papers.map(limitPaper),
    tags: document.tags.flatMap((tag) => {
      const name = limitTagName(tag.name);
      return name === null ? [] : [{ ...tag, name }];
    }),
  };
}

function limitPaper(paper: LibraryJsonPaper): LibraryJsonPaper {
  const { paper: limited } = limitParsedPaper(paper);
  const tags = [...new Set(paper.tags.map(limitTagName).filter((tag): tag is string => tag !== null))].slice(0, PAPER_LIMITS.tagsPerPaper);
  return { ...limited, note: limitNote(paper.note), tags };
}
