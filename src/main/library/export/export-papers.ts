import type { Database } from 'better-sqlite3';
import type { ExportedFile, ExportFormat } from '../../../shared/contract/safety-contract.ts';
import type { Queue } from '../../../shared/domain.ts';
import { isoNow } from '../db/clock.ts';
import type { Clock } from '../db/clock.ts';
import { toBibtex } from './bibtex-export.ts';
import { toCsv } from './csv-export.ts';
import { exportLibraryJson } from './export-library-json.ts';
import { loadExportPapers, loadPapersByIds } from './load-export-papers.ts';
import { toMarkdown } from './markdown-export.ts';
import { toRis } from './ris-export.ts';

export interface ExportRequest {
  format: ExportFormat;
  queue?: Queue | undefined;
  tag?: string | undefined;
  /** These papers, in this order, instead of a queue (not for the JSON library export). */
  ids?: readonly number[] | undefined;
}

const FILE_TYPES: Record<ExportFormat, { extension: string; mimeType: string }> = {
  bibtex: { extension: 'bib', mimeType: 'application/x-bibtex' },
  ris: { extension: 'ris', mimeType: 'application/x-research-info-systems' },
  csv: { extension: 'csv', mimeType: 'text/csv' },
  markdown: { extension: 'md', mimeType: 'text/markdown' },
  json: { extension: 'json', mimeType: 'application/json' },
};

const QUEUE_TITLES: Record<Queue, string> = {
  inbox: 'Inbox',
  'to-read': 'To read',
  read: 'Read',
  skipped: 'Skipped',
  starred: 'Starred',
  all: 'All papers',
};

/** A file-name-safe slug of a tag: letters, digits and dashes. */
function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'tag'
  );
}

/** The papers of a queue (default all) and optional tag, as a file in the chosen format. Reads only. */
export function exportPapers(db: Database, request: ExportRequest, clock: Clock): ExportedFile {
  const queue = request.queue ?? 'all';
  const { extension, mimeType } = FILE_TYPES[request.format];
  const date = isoNow(clock).slice(0, 10);
  const scopeName = request.ids ? 'selection' : `${queue}${request.tag === undefined ? '' : `-${slug(request.tag)}`}`;
  const fileName = `sift-${scopeName}-${date}.${extension}`;
  if (request.format === 'json') {
    const document = exportLibraryJson(db, { queue, tag: request.tag }, clock);
    return { fileName, mimeType, content: `${JSON.stringify(document, null, 1)}\n`, count: document.papers.length };
  }
  const papers = request.ids ? loadPapersByIds(db, request.ids) : loadExportPapers(db, { queue, tag: request.tag });
  const title = request.ids ? 'Selected papers' : `${QUEUE_TITLES[queue]}${request.tag === undefined ? '' : ` — ${request.tag}`}`;
  const heading = `${title} (Sift, ${date})`;
  const content =
    request.format === 'bibtex'
      ? toBibtex(papers)
      : request.format === 'ris'
        ? toRis(papers)
        : request.format === 'csv'
          ? toCsv(papers)
          : toMarkdown(papers, heading);
  return { fileName, mimeType, content, count: papers.length };
}
