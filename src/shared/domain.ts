// Domain types shared by the library core, the API contract and the renderer.
// Plain data only: everything here crosses IPC or HTTP as JSON.

export const PAPER_STATUSES = ['inbox', 'to-read', 'read', 'skipped'] as const;
export type PaperStatus = (typeof PAPER_STATUSES)[number];

/** A queue is a status, or one of the views that cut across statuses. */
export const QUEUES = ['inbox', 'to-read', 'read', 'skipped', 'starred', 'all'] as const;
export type Queue = (typeof QUEUES)[number];

export const DIGEST_FORMATS = [
  'hf-papers-text',
  'hf-papers-html',
  'hf-daily-json',
  'arxiv-atom',
  'arxiv-rss',
  'arxiv-listing-email',
  'bibtex',
  'ris',
  'web-of-science',
  'id-list',
  'sift-json',
  'csl-json',
  'zotero-rdf',
  'endnote-xml',
  'medline',
  'arxiv-oai',
  'json-feed',
  'endnote-tagged',
  'refworks-tagged',
  'csv',
] as const;
export type DigestFormat = (typeof DIGEST_FORMATS)[number];

export const LINK_KINDS = ['arxiv', 'pdf', 'hf', 'code', 'project', 'doi', 'other'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface PaperLink {
  kind: LinkKind;
  url: string;
}

/** One row of a queue list: just what the list shows. */
export interface PaperSummary {
  id: number;
  title: string;
  authors: string[];
  status: PaperStatus;
  starred: boolean;
  arxivId: string | null;
  digestDate: string | null;
  addedAt: string;
  readAt: string | null;
  starredAt: string | null;
  position: number | null;
  tags: string[];
  /** The abstract's first couple of hundred characters, for the list. */
  abstractPreview: string;
  /** Known only by its id (a pasted link): no title, authors or abstract until a digest lists it. */
  idOnly: boolean;
  /** The digest that first brought the paper (the "digest in hand" while triaging), if any. */
  firstDigestId: number | null;
  /** The abstract's length in words, for a reading-time estimate. */
  abstractWords: number;
}

export interface PaperDigestRef {
  id: number;
  sourceName: string;
  format: DigestFormat;
  digestDate: string | null;
}

/** Everything the detail pane shows about one paper. */
export interface PaperDetail extends PaperSummary {
  abstract: string;
  doi: string | null;
  publishedAt: string | null;
  primaryCategory: string | null;
  links: PaperLink[];
  note: string;
  statusChangedAt: string;
  digests: PaperDigestRef[];
}

export interface DigestSummary {
  id: number;
  sourceName: string;
  format: DigestFormat;
  digestDate: string | null;
  importedAt: string;
  paperCount: number;
  untriaged: number;
}

export interface SkippedEntry {
  index: number;
  reason: string;
}

/** What one import did, shown to the reader and printed by the CLI. */
export interface ImportReport {
  file: string;
  format: DigestFormat;
  digestId: number | null;
  digestDate: string | null;
  papers: number;
  added: number;
  existing: number;
  enriched: number;
  skipped: SkippedEntry[];
  warnings: string[];
  alreadyImported: boolean;
  addedIds: number[];
  /** Papers joined to one already in the library on their title alone: shown so a wrong one can be noticed. */
  titleMerges?: TitleMerge[];
}

/** One title-only merge: the incoming record and the paper it was folded into. */
export interface TitleMerge {
  /** Pass to splitTitleMerge to undo it. */
  mergeId: number;
  index: number;
  incomingTitle: string;
  incomingId: string | null;
  paperId: number;
  paperTitle: string;
  paperIdentifier: string | null;
}

export interface QueueCounts {
  inbox: number;
  'to-read': number;
  read: number;
  skipped: number;
  starred: number;
  all: number;
}

export interface TagSummary {
  name: string;
  count: number;
}
