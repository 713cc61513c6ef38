import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPaper } from '../../../../tests/support/seed-papers.ts';
import { openTempLibrary } from '../../../../tests/support/temp-library.ts';
import { PAPER_LIMITS } from '../../../shared/paper-limits.ts';
import { cutText } from '../../../shared/paper-limits.ts';
import { restoreFromJson } from '../backup/restore-from-json.ts';
import { exportPapers } from '../export/export-papers.ts';
import type { LibraryJson } from '../export/library-json-format.ts';
import { importDigest } from '../import/import-digest.ts';
import { getPaper } from './get-paper.ts';
import { addTag, setNote } from './tags-and-notes.ts';
import { moveInQueue, setStatus } from './triage-papers.ts';

type TempLibrary = ReturnType<typeof openTempLibrary>;

/** A one-paper Sift export, edited by `change`, restored into a fresh library. */
function restoreEdited(library: TempLibrary, change: (document: LibraryJson) => void): void {
  const source = openTempLibrary();
  try {
    addPaper(source, { title: 'Template paper', authors: ['A. Author'], arxivId: '2401.00001' });
    const document = JSON.parse(exportPapers(source.db, { format: 'json', queue: 'all' }, source.clock).content) as LibraryJson;
    change(document);
    restoreFromJson(library, 'edited.json', Buffer.from(JSON.stringify(document)));
  } finally {
    source.cleanup();
  }
}

const exportAs = (library: TempLibrary, format: 'csv' | 'markdown' | 'bibtex' | 'ris' | 'json') =>
  exportPapers(library.db, { format, queue: 'all' }, library.clock).content;

describe('one set of limits for every way in', () => {
  let library: TempLibrary;
  beforeEach(() => {
    library = openTempLibrary();
  });
  afterEach(() => library.cleanup());

  it('restore holds a paper with 200,000 authors, and absurdly long names, to the import limits', () => {
    restoreEdited(library, (document) => {
      document.papers[0]!.authors = Array.from({ length: 200_000 }, (_, index) => `Author ${index}`);
      document.papers[0]!.authors[0] = 'N'.repeat(1_000_000);
    });
    const paper = getPaper(library.db, 1);
    expect(paper.authors).toHaveLength(PAPER_LIMITS.authors);
    expect(Math.max(...paper.authors.map((name) => name.length))).toBeLessThanOrEqual(PAPER_LIMITS.authorChars);
  }, 30_000);

  it('import caps each author name\'s length, not only the count', () => {
    const record = { title: 'Long-named author paper', authors: [{ name: 'Q'.repeat(200_000) }, { name: 'Real Name' }], paper: { id: '2401.00002' } };
    const json = JSON.stringify([{ paper: { id: '2401.00002', title: record.title, summary: 'An abstract.', authors: record.authors, publishedAt: '2024-01-02T00:00:00.000Z' }, title: record.title }]);
    const report = importDigest(library.db, { fileName: 'daily.json', bytes: Buffer.from(json) }, library.clock);
    expect(report.added).toBe(1);
    const paper = getPaper(library.db, library.db.prepare('SELECT id FROM papers').pluck().get() as number);
    expect(paper.authors.every((name) => name.length <= PAPER_LIMITS.authorChars)).toBe(true);
    expect(paper.authors).toContain('Real Name');
    expect(report.warnings.join(' ')).toMatch(/author list was cut: 1 name was longer than 300 characters/);
  });

  it('restore filters link schemes as import does: no javascript: reaches Markdown or CSV', () => {
    restoreEdited(library, (document) => {
      document.papers[0]!.arxivId = null;
      document.papers[0]!.links = [{ kind: 'other', url: 'javascript:alert(document.cookie)' }];
    });
    expect(library.db.prepare(`SELECT count(*) FROM paper_links WHERE url LIKE 'javascript:%'`).pluck().get()).toBe(0);
    for (const format of ['markdown', 'csv'] as const) expect(exportAs(library, format)).not.toMatch(/javascript:/i);
  });

  it('a javascript: link already in a library never becomes an export link', () => {
    const id = addPaper(library, { title: 'Old link' });
    library.db.prepare(`INSERT INTO paper_links (paper_id, kind, url) VALUES (?, 'abstract', 'javascript:alert(1)')`).run(id);
    expect(exportAs(library, 'markdown')).not.toMatch(/javascript:/i);
    expect(exportAs(library, 'csv')).not.toMatch(/javascript:/i);
  });

  it('a DOI cannot break out of its Markdown link into a remote image', () => {
    addPaper(library, { title: 'Hostile DOI', doi: '10.1234/x)![t](https://evil.example/pixel.png' });
    const markdown = exportAs(library, 'markdown');
    const line = markdown.split('\n').find((text) => text.startsWith('- '))!;
    // One link, whose target runs to the end of the line: nothing after it, no image.
    expect(line).toMatch(/^- \[Hostile DOI\]\(https:\/\/doi\.org\/[^()[\]\s!]+\)$/);
    expect(markdown).not.toContain('![');
  });

  it('NUL characters from a JSON restore reach neither CSV nor Markdown', () => {
    restoreEdited(library, (document) => {
      document.papers[0]!.title = 'Null\u0000 title';
      document.papers[0]!.note = 'note\u0000with nul';
      document.papers[0]!.authors = ['Nul\u0000Author'];
    });
    const id = library.db.prepare('SELECT id FROM papers').pluck().get() as number;
    library.db.prepare(`UPDATE papers SET abstract = ? WHERE id = ?`).run('legacy\u0000abstract', id);
    for (const format of ['csv', 'markdown', 'bibtex', 'ris', 'json'] as const) expect(exportAs(library, format)).not.toContain('\u0000');
    expect(getPaper(library.db, id).title).toBe('Null title');
  });

  it('cutting a long title never splits an emoji into U+FFFD', () => {
    const family = '👩‍👩‍👧‍👦';
    for (let offset = 0; offset < 12; offset += 1) {
      const title = `${'a'.repeat(PAPER_LIMITS.titleChars - 6 + offset)}${family}😀 tail`;
      const cut = cutText(title, PAPER_LIMITS.titleChars);
      expect(cut.length).toBeLessThanOrEqual(PAPER_LIMITS.titleChars);
      expect(cut.endsWith('…')).toBe(true);
      expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      // A grapheme cluster is kept whole or left out whole.
      expect(cut.includes(family) || !cut.includes('\u200d')).toBe(true);
    }
    // Through an import, where the cut used to be a plain slice of UTF-16 units.
    const title = `${'b'.repeat(PAPER_LIMITS.titleChars - 2)}😀😀😀`;
    const json = JSON.stringify([{ paper: { id: '2401.00003', title, summary: 'Abstract.', authors: [], publishedAt: '2024-01-03T00:00:00.000Z' }, title }]);
    importDigest(library.db, { fileName: 'emoji.json', bytes: Buffer.from(json) }, library.clock);
    const stored = library.db.prepare('SELECT title FROM papers').pluck().get() as string;
    expect(stored).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(Buffer.from(stored, 'utf8').toString('utf8')).not.toContain('\ufffd');
  });

  it('the API and the CLI refuse a tag or a note over the limit, and strip NUL', () => {
    const id = addPaper(library, { title: 'Tagged' });
    const context = { db: library.db, history: library.history, clock: library.clock };
    expect(() => addTag(context, [id], 't'.repeat(PAPER_LIMITS.tagChars + 1))).toThrow(/at most 200 characters/);
    expect(() => setNote(context, id, 'n'.repeat(PAPER_LIMITS.noteChars + 1))).toThrow(/at most 1,000,000 characters/);
    setNote(context, id, 'ok\u0000note');
    expect(getPaper(library.db, id).note).toBe('oknote');
    for (let index = 0; index < PAPER_LIMITS.tagsPerPaper; index += 1) addTag(context, [id], `tag ${index}`);
    expect(() => addTag(context, [id], 'one too many')).toThrow(/already has 200 tags/);
  });
});

describe('the to-read order', () => {
  let library: TempLibrary;
  beforeEach(() => {
    library = openTempLibrary();
  });
  afterEach(() => library.cleanup());

  const queue = () => library.db.prepare(`SELECT id FROM papers WHERE status = 'to-read' ORDER BY position, id`).pluck().all() as number[];

  it('does not collapse after many drags into the same gap', () => {
    const context = { db: library.db, history: library.history, clock: library.clock };
    const ids = Array.from({ length: 80 }, (_, index) => addPaper(library, { title: `Queued ${index}` }));
    setStatus(context, ids, 'to-read');
    const expected = [...ids];
    // Drag the last paper in between the first two, again and again: the gap halves every time.
    for (let drag = 0; drag < 70; drag += 1) {
      const moved = expected.pop()!;
      expected.splice(1, 0, moved);
      moveInQueue(context, [moved], { beforeId: expected[2]! });
      expect(queue()).toEqual(expected);
    }
    const positions = library.db.prepare(`SELECT position FROM papers WHERE status = 'to-read'`).pluck().all() as number[];
    expect(new Set(positions).size).toBe(positions.length);
  });

  it('undo after a renumbering move gives back the order before it', () => {
    const context = { db: library.db, history: library.history, clock: library.clock };
    const ids = Array.from({ length: 6 }, (_, index) => addPaper(library, { title: `Queued ${index}` }));
    setStatus(context, ids, 'to-read');
    let before: number[] = [];
    for (let drag = 0; drag < 70; drag += 1) {
      before = queue();
      moveInQueue(context, [before.at(-1)!], { beforeId: before[1]! });
    }
    const after = queue();
    library.history.undo(library.db);
    expect(queue()).toEqual(before);
    expect(after).not.toEqual(before);
  });
});
