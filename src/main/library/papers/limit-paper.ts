import { limitAuthors, limitText, PAPER_LIMITS, withoutControlCharacters } from '../../../shared/paper-limits.ts';
import type { PaperLink } from '../../../shared/domain.ts';
import { isHttpUrl } from '../import/parsers/links-in-text.ts';
import type { ParsedPaper } from '../import/parsers/parsed-digest.ts';

export interface LimitedPaper<T> {
  paper: T;
  /** What was cut or dropped, in words ("title cut to 2,000 characters"); empty when nothing was. */
  changes: string[];
}

/** Only http(s) links, each of sane length, at most PAPER_LIMITS.links: no `javascript:` reaches an export. */
export function limitLinks(links: readonly PaperLink[]): { links: PaperLink[]; dropped: number } {
  // The usual case, nothing to drop, keeps the array: a 160,000-link list made two copies per paper.
  if (links.length <= PAPER_LIMITS.links && links.every((link) => link.url.length <= PAPER_LIMITS.urlChars && isHttpUrl(link.url))) {
    return { links: links as PaperLink[], dropped: 0 };
  }
  const kept = links.filter((link) => link.url.length <= PAPER_LIMITS.urlChars && isHttpUrl(link.url)).slice(0, PAPER_LIMITS.links);
  return { links: kept, dropped: links.length - kept.length };
}

const nullableClean = (value: string | null) => (value === null ? null : withoutControlCharacters(value));

type LimitablePaper = Pick<ParsedPaper, 'title' | 'abstract' | 'authors' | 'links' | 'doi' | 'arxivId' | 'primaryCategory'>;

/** A paper's bibliographic fields held to PAPER_LIMITS: every way in (import, restore) passes here. */
export function limitParsedPaper<T extends LimitablePaper>(paper: T): LimitedPaper<T> {
  const changes: string[] = [];
  const title = limitText(paper.title, PAPER_LIMITS.titleChars);
  if (title.cut && paper.title.length > PAPER_LIMITS.titleChars) {
    changes.push(`title was ${paper.title.length.toLocaleString('en')} characters long; it was cut to ${PAPER_LIMITS.titleChars.toLocaleString('en')}`);
  }
  const abstract = limitText(paper.abstract, PAPER_LIMITS.abstractChars);
  if (abstract.cut && paper.abstract.length > PAPER_LIMITS.abstractChars) {
    changes.push(`abstract was ${paper.abstract.length.toLocaleString('en')} characters long; it was cut`);
  }
  const authors = paper.authors.length === 0 ? { authors: paper.authors, cut: false } : limitAuthors(paper.authors);
  if (authors.cut) {
    // Say which limit was hit: "cut to 5,000 names (it had 1)" read as nonsense when one name was long.
    const long = paper.authors.filter((name) => name.length > PAPER_LIMITS.authorChars).length;
    changes.push(
      paper.authors.length > PAPER_LIMITS.authors
        ? `author list was cut to ${PAPER_LIMITS.authors.toLocaleString('en')} names (it had ${paper.authors.length.toLocaleString('en')})`
        : `author list was cut: ${long.toLocaleString('en')} ${long === 1 ? 'name was' : 'names were'} longer than ${PAPER_LIMITS.authorChars} characters`,
    );
  }
  const links = limitLinks(paper.links);
  if (links.dropped) changes.push(`${links.dropped} ${links.dropped === 1 ? 'link was' : 'links were'} dropped (not http(s), too long, or too many)`);
  const doi = nullableClean(paper.doi);
  const arxivId = nullableClean(paper.arxivId);
  const primaryCategory = nullableClean(paper.primaryCategory);
  // Nearly every paper is already within its limits: keep it rather than copy it (a 160,000-link
  // list made as many copies, and their garbage was a tenth of reading it). replace() returns the
  // same string when it removes nothing, so === tells unchanged fields.
  const unchanged =
    title.text === paper.title && abstract.text === paper.abstract && authors.authors === paper.authors && links.links === paper.links &&
    doi === paper.doi && arxivId === paper.arxivId && primaryCategory === paper.primaryCategory;
  return {
    paper: unchanged ? paper : { ...paper, title: title.text, abstract: abstract.text, authors: authors.authors, links: links.links, doi, arxivId, primaryCategory },
    changes,
  };
}

/** A note as the reader may keep it; longer is refused by the API, cut by restore. */
export function limitNote(note: string): string {
  return limitText(note, PAPER_LIMITS.noteChars).text;
}

/** A tag name, or null when nothing usable is left. */
export function limitTagName(name: string): string | null {
  const cleaned = withoutControlCharacters(name).replace(/\s+/g, ' ').trim();
  return cleaned ? limitText(cleaned, PAPER_LIMITS.tagChars).text : null;
}
