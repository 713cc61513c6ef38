import type { DigestFormatReader } from '../import/digest-formats.ts';
import type { ParsedDigest, ParsedPaper } from '../import/parsers/parsed-digest.ts';
import { looksLikeLibraryJson, readLibraryJsonText } from './library-json-format.ts';
import type { LibraryJsonPaper } from './library-json-format.ts';

/**
 * Lets the ordinary import path recognise a Sift JSON export. Importing takes the papers as a digest
 * would (bibliographic fields only, merged by the import rule); a warning points to Restore, which is
 * what brings back statuses, stars, tags and notes.
 */
export function parseSiftJsonAsDigest(text: string): ParsedDigest {
  const document = readLibraryJsonText(text);
  return {
    format: 'sift-json',
    digestDate: document.exportedAt.slice(0, 10) || null,
    papers: document.papers.map(parsedPaperOf),
    skipped: [],
    warnings: [
      'This is a Sift library export: its papers were imported, but not their statuses, stars, tags or notes. Use Restore (sift restore FILE) for those.',
    ],
  };
}

export const siftJsonReader: DigestFormatReader = {
  format: 'sift-json',
  label: 'Sift library export (JSON)',
  detect: looksLikeLibraryJson,
  parse: parseSiftJsonAsDigest,
};

/** A paper of a Sift export as an importer would have read it: its bibliographic fields only. */
export function parsedPaperOf(paper: LibraryJsonPaper): ParsedPaper {
  return {
    title: paper.titleIsPlaceholder ? '' : paper.title,
    abstract: paper.abstract,
    authors: paper.authors,
    arxivId: paper.arxivId,
    doi: paper.doi,
    links: paper.links,
    publishedAt: paper.publishedAt,
    primaryCategory: paper.primaryCategory,
    sectionDate: null,
    // Also what tells apart two volumes of one title when a restore merges by title.
    volume: paper.volume ?? null,
    edition: paper.edition ?? null,
    entryType: paper.entryType ?? null,
  };
}
