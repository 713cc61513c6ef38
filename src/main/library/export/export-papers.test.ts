import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, openTempLibrary } from '../../../../tests/support/temp-library.ts';
import { seedLibrary } from '../../../../tests/support/seed-papers.ts';
import { DIGEST_FORMAT_READERS } from '../import/digest-formats.ts';
import { importDigest } from '../import/import-digest.ts';
import { listPapers } from '../papers/list-papers.ts';
import { moveInQueue } from '../papers/triage-papers.ts';
import { exportPapers } from './export-papers.ts';
import { parseLibraryJson } from './library-json-format.ts';
import { loadExportPapers } from './load-export-papers.ts';

const registered = (format: string) => DIGEST_FORMAT_READERS.some((reader) => reader.format === format);

/** What a reference manager round-trip must keep: the bibliographic record, not Sift's reader state. */
function bibliographic(paper: { title: string; authors: string[]; arxivId: string | null; doi: string | null; abstract: string }) {
  return { title: paper.title, authors: paper.authors, arxivId: paper.arxivId, doi: paper.doi, abstract: paper.abstract };
}

describe('exporting papers', () => {
  let library: ReturnType<typeof openTempLibrary>;
  let ids: Record<string, number>;
  beforeEach(() => {
    library = openTempLibrary({ clock: fixedClock('2026-11-29T10:00:00.000Z') });
    ids = seedLibrary(library);
  });
  afterEach(() => library.cleanup());

  it('exports a queue in the order the reader sees it, with a dated file name', () => {
    const context = { db: library.db, history: library.history, clock: library.clock };
    moveInQueue(context, [ids.attentionTwin!], 'top');
    const file = exportPapers(library.db, { format: 'csv', queue: 'to-read' }, library.clock);
    expect(file.fileName).toBe('sift-to-read-2026-11-29.csv');
    expect(file.mimeType).toBe('text/csv');
    expect(file.count).toBe(2);
    const rowIds = file.content.split('\r\n').slice(1, 3).map((line) => Number(line.split(',')[0]));
    expect(rowIds).toEqual([ids.attentionTwin, ids.attention]);
  });

  it('narrows an export to one tag', () => {
    const file = exportPapers(library.db, { format: 'bibtex', tag: 'to cite & share' }, library.clock);
    expect(file.count).toBe(2);
    expect(file.fileName).toBe('sift-all-to-cite-share-2026-11-29.bib');
    expect(file.content.match(/^@misc\{/gm)).toHaveLength(2);
  });

  it('exports the complete library as JSON: papers, reader state, tags, digests, order, timestamps', () => {
    const file = exportPapers(library.db, { format: 'json' }, library.clock);
    const document = parseLibraryJson(file.fileName, Buffer.from(file.content));
    const total = library.db.prepare('SELECT count(*) FROM papers').pluck().get();
    expect(document.format).toBe('sift-library');
    expect(document.version).toBe(1);
    expect(document.papers).toHaveLength(total as number);
    expect(document.tags.map((tag) => tag.name).sort()).toEqual(['to cite & share', 'transformers', 'unused']);
    const attention = document.papers.find((paper) => paper.id === ids.attention)!;
    expect(attention).toMatchObject({ status: 'to-read', starred: true, note: 'Read section 3.\n\nThen the appendix.', tags: ['to cite & share', 'transformers'] });
    expect(attention.position).not.toBeNull();
    expect(attention.starredAt).toBe('2026-11-29T10:00:00.000Z');
    expect(attention.links).toEqual([{ kind: 'code', url: 'https://github.com/tensorflow/tensor2tensor' }]);
    expect(document.digests).toHaveLength(1);
    const digestPapers = library.db.prepare('SELECT count(*) FROM paper_digests').pluck().get();
    expect(document.digests[0]!.papers).toHaveLength(digestPapers as number);
  });

  it('every format exports an empty queue without failing', () => {
    for (const format of ['bibtex', 'ris', 'csv', 'markdown', 'json'] as const) {
      const file = exportPapers(library.db, { format, tag: 'no such tag' }, library.clock);
      expect(file.count).toBe(0);
      expect(typeof file.content).toBe('string');
    }
  });

  for (const format of ['bibtex', 'ris'] as const) {
    it.skipIf(!registered(format))(`a queue exported to ${format} and imported into an empty library gives the same papers`, () => {
      const queue = 'all';
      const source = loadExportPapers(library.db, { queue }).filter((paper) => !paper.titleIsPlaceholder);
      const file = exportPapers(library.db, { format, queue }, library.clock);
      const target = openTempLibrary({ clock: library.clock as ReturnType<typeof fixedClock> });
      try {
        const report = importDigest(target.db, { fileName: file.fileName, bytes: Buffer.from(file.content), format }, target.clock);
        expect(report.skipped).toEqual([]);
        const imported = loadExportPapers(target.db, { queue: 'all' }).filter((paper) => !paper.titleIsPlaceholder);
        const key = (paper: { title: string }) => paper.title;
        expect(imported.map(bibliographic).sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
          source.map(bibliographic).sort((a, b) => key(a).localeCompare(key(b))),
        );
        expect(listPapers(target.db, { queue: 'all' }).total).toBe(loadExportPapers(library.db, { queue }).length);
      } finally {
        target.cleanup();
      }
    });
  }
});
