import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedLibrary } from '../../../../tests/support/seed-papers.ts';
import { fixedClock, openTempLibrary } from '../../../../tests/support/temp-library.ts';
import { exportPapers } from './export-papers.ts';
import { siftJsonReader } from './sift-json-reader.ts';

describe('a Sift JSON export on the import path', () => {
  let library: ReturnType<typeof openTempLibrary>;
  beforeEach(() => {
    library = openTempLibrary({ clock: fixedClock('2026-11-29T10:00:00.000Z') });
    seedLibrary(library);
  });
  afterEach(() => library.cleanup());

  it('is recognised from its content, and other JSON is not', () => {
    const text = exportPapers(library.db, { format: 'json' }, library.clock).content;
    expect(siftJsonReader.detect(text)).toBe(true);
    expect(siftJsonReader.detect('[{"paper": {"id": "2403.01234"}}]')).toBe(false);
    expect(siftJsonReader.detect('{"format": "other"}')).toBe(false);
  });

  it('reads every paper with its bibliographic fields and points to Restore for reader state', () => {
    const text = exportPapers(library.db, { format: 'json' }, library.clock).content;
    const parsed = siftJsonReader.parse(text, { today: new Date() });
    const count = library.db.prepare('SELECT count(*) FROM papers').pluck().get();
    expect(parsed.format).toBe('sift-json');
    expect(parsed.papers).toHaveLength(count as number);
    expect(parsed.papers.find((paper) => paper.arxivId === '1706.03762')).toMatchObject({
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      primaryCategory: 'cs.CL',
    });
    expect(parsed.warnings.join(' ')).toMatch(/Restore/);
  });

  it('a damaged export fails with the problem, for the import path to name the file', () => {
    expect(() => siftJsonReader.parse('{"format": "sift-library", "version": 1}', { today: new Date() })).toThrow(/damaged Sift library export/);
  });
});
