import type { DigestFormat, PaperLink, SkippedEntry } from '../../../../shared/domain.ts';

/** One paper as a parser read it: only what the source said, nothing decided yet. */
export interface ParsedPaper {
  title: string;
  abstract: string;
  authors: string[];
  arxivId: string | null;
  doi: string | null;
  links: PaperLink[];
  /** ISO date (YYYY-MM-DD or full ISO time) the paper was published, when the source says. */
  publishedAt: string | null;
  primaryCategory: string | null;
  /** Date of the digest section the paper appeared in (YYYY-MM-DD), when the source has sections. */
  sectionDate: string | null;
  /** Bibliographic details that tell apart works sharing a title (volumes, editions, a chapter and its book). */
  volume?: string | null;
  edition?: string | null;
  /** The source's own type word ("article-journal", "Book Section", "inproceedings"), kept as written. */
  entryType?: string | null;
}

export interface ParsedDigest {
  format: DigestFormat;
  /** The digest's own date (YYYY-MM-DD): the first section's date, or what the source states. */
  digestDate: string | null;
  papers: ParsedPaper[];
  skipped: SkippedEntry[];
  warnings: string[];
}

export interface ParseContext {
  /** "Today" for sources whose dates have no year; passed in so parsers stay pure. */
  today: Date;
  /** Told now and then how much of the file's records are read (0–1): a big file's bar moves while it parses. */
  onRecordsRead?: (fraction: number) => void;
}

const REPORT_EVERY = 256;

/** Calls the context's onRecordsRead every few hundred records; a no-op without one. */
export function reportRecordsRead(context: ParseContext | undefined, index: number, total: number): void {
  if (context?.onRecordsRead && index % REPORT_EVERY === 0 && total > 0) context.onRecordsRead(index / total);
}

export function emptyPaper(title: string): ParsedPaper {
  return {
    title,
    abstract: '',
    authors: [],
    arxivId: null,
    doi: null,
    links: [],
    publishedAt: null,
    primaryCategory: null,
    sectionDate: null,
  };
}
