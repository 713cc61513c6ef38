// What BibTeX and RIS records share: a reference manager's fields turned into a ParsedPaper.
import { normaliseArxivId } from '../../papers/paper-identity.ts';
import { classifyLink, isHttpUrl, linksInText } from './links-in-text.ts';
import { emptyPaper } from './parsed-digest.ts';
import { withoutReferenceMarkup } from './reference-markup.ts';
import type { ParsedPaper } from './parsed-digest.ts';
import { arxivIdFromUrl, collapseSpace } from './text-fields.ts';

export interface ReferenceFields {
  title: string;
  abstract: string;
  authors: string[];
  arxivId: string | null;
  doi: string;
  url: string;
  /** "2023", "2023-06", "2023-06-13", "2023/06/13/" as the manager wrote it. */
  date: string;
  category: string;
  /** What tells apart works sharing a title; empty or absent when the source does not say. */
  volume?: string;
  edition?: string;
  entryType?: string;
}

export function referencePaper(fields: ReferenceFields): ParsedPaper {
  const paper = emptyPaper(collapseSpace(withoutReferenceMarkup(fields.title)));
  paper.abstract = collapseSpace(withoutReferenceMarkup(fields.abstract));
  paper.authors = fields.authors.map(collapseSpace).filter(Boolean);
  paper.arxivId = fields.arxivId ?? arxivIdFromUrl(fields.url);
  paper.doi = collapseSpace(fields.doi) || null;
  paper.publishedAt = referenceDate(fields.date);
  paper.primaryCategory = collapseSpace(fields.category) || null;
  paper.volume = collapseSpace(fields.volume) || null;
  paper.edition = collapseSpace(fields.edition) || null;
  paper.entryType = collapseSpace(fields.entryType) || null;
  const url = collapseSpace(fields.url);
  // A reference's URL is the publisher's page unless it is arXiv's, a DOI or a code host.
  const kind = classifyLink(url) === 'project' ? 'other' : classifyLink(url);
  paper.links = [...(isHttpUrl(url) ? [{ kind, url }] : []), ...linksInText(paper.abstract)].filter(
    (link, index, all) => all.findIndex((other) => other.url === link.url) === index,
  );
  return paper;
}

/** "arXiv:2306.06918 [cs]", "arXiv preprint arXiv:2306.06918", "arXiv e-prints, hep-th/9901001". */
export function arxivIdFromText(text: string): string | null {
  const url = arxivIdFromUrl(text);
  if (url) return url;
  const match = /\barxiv[:\s]+(?:preprint\s+)?(?:arxiv:)?\s*([a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})(v\d+)?/i.exec(text);
  return match?.[1] ? normaliseArxivId(match[1]) : null;
}

/** Keeps what the date says, no more: "2023" stays a year; "2023/06/13/" becomes 2023-06-13. */
function referenceDate(raw: string): string | null {
  const match = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?/.exec(collapseSpace(raw));
  if (!match?.[1]) return null;
  const parts = [match[1], match[2], match[3]].filter((part): part is string => Boolean(part)).map((part, index) => (index === 0 ? part : part.padStart(2, '0')));
  return parts.join('-');
}
