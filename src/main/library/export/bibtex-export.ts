import { citationKeys } from './citation-keys.ts';
import { exportEntryType } from './entry-types.ts';
import { canonicalUrl, publicationYear } from './load-export-papers.ts';
import type { ExportPaper } from './load-export-papers.ts';
import { escapeTex, escapeTexKeepingParagraphs } from './tex-escape.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * An author as BibTeX reads names ("First Last", as Sift stores them). A name with a literal " and "
 * or a comma would be split or reordered by BibTeX, so it is braced and kept whole.
 */
function bibtexAuthor(name: string): string {
  const escaped = escapeTex(name);
  return /\sand\s|,/i.test(escaped) ? `{${escaped}}` : escaped;
}

function verbatimKeyword(tag: string): string {
  return tag.replace(/[{}\\,\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim();
}

function verbatim(value: string): string {
  return value.replace(/[{}\s\\]/g, (char) => encodeURIComponent(char));
}

function month(publishedAt: string | null): string | null {
  const match = publishedAt ? /^\d{4}-(\d{2})/.exec(publishedAt) : null;
  return match?.[1] ? (MONTHS[Number(match[1]) - 1] ?? null) : null;
}

/**
 * One entry per paper: of the type its source stated (`@book`, `@incollection`, `@article`, …, with
 * `volume` and `edition`), else `@misc`, the way arXiv itself exports preprints (eprint, archivePrefix,
 * primaryClass), which Zotero, JabRef and Mendeley all map to a preprint. Every value is braced and
 * escaped, so no title or abstract can end the entry early.
 */
export function toBibtex(papers: readonly ExportPaper[]): string {
  const keys = citationKeys(papers);
  return papers.map((paper, index) => bibtexEntry(paper, keys[index] ?? `paper${paper.id}`)).join('\n');
}

function bibtexEntry(paper: ExportPaper, key: string): string {
  const fields: [string, string][] = [];
  const add = (name: string, value: string | null | undefined) => {
    if (value) fields.push([name, `{${value}}`]);
  };
  add('title', paper.titleIsPlaceholder ? null : escapeTex(paper.title));
  add('author', paper.authors.map(bibtexAuthor).filter(Boolean).join(' and '));
  add('volume', paper.volume ? escapeTex(paper.volume) : null);
  add('edition', paper.edition ? escapeTex(paper.edition) : null);
  add('year', publicationYear(paper));
  const monthName = month(paper.publishedAt);
  // Month macros are unbraced so every style prints the month name.
  if (monthName) fields.push(['month', monthName]);
  if (paper.arxivId) {
    add('eprint', escapeTex(paper.arxivId));
    add('archivePrefix', 'arXiv');
    add('primaryClass', paper.primaryCategory ? escapeTex(paper.primaryCategory) : null);
  }
  // DOIs and URLs are verbatim fields: only a brace or a space could break the entry, so those are percent-encoded.
  add('doi', paper.doi ? verbatim(paper.doi) : null);
  const url = canonicalUrl(paper);
  add('url', url ? verbatim(url) : null);
  add('abstract', escapeTex(paper.abstract));
  // Reference managers read `keywords` verbatim (no TeX decoding): only what could unbalance the entry goes.
  add('keywords', paper.tags.map(verbatimKeyword).filter(Boolean).join(', '));
  // `annote` is where JabRef and Zotero keep a reader's own note; `note` would be printed in a bibliography.
  add('annote', escapeTexKeepingParagraphs(paper.note));
  const body = fields.map(([name, value]) => `  ${name} = ${value}`);
  return `@${exportEntryType(paper.entryType)?.bibtex ?? 'misc'}{${key},\n${body.join(',\n')}\n}\n`;
}
