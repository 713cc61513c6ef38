import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, openTempLibrary } from '../../../../tests/support/temp-library.ts';
import { HOSTILE_TEXT, seedLibrary } from '../../../../tests/support/seed-papers.ts';
import { toBibtex } from './bibtex-export.ts';
import { csvField, toCsv } from './csv-export.ts';
import { loadExportPapers } from './load-export-papers.ts';
import type { ExportPaper } from './load-export-papers.ts';
import { toMarkdown } from './markdown-export.ts';
import { toRis } from './ris-export.ts';

function readBibtex(text: string) {
  return parseBibtex(text, { english: false, sentenceCase: false, caseProtection: false });
}

/** A minimal RFC 4180 reader, to check the writer against the rules rather than against itself. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += 1;
    } else field += char;
  }
  if (field !== '' || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}

function bare(overrides: Partial<ExportPaper>): ExportPaper {
  return {
    id: 1,
    arxivId: null,
    doi: null,
    title: 'A title',
    titleIsPlaceholder: false,
    abstract: '',
    authors: [],
    publishedAt: null,
    primaryCategory: null,
    status: 'inbox',
    starred: false,
    note: '',
    position: null,
    digestDate: null,
    digestPosition: null,
    addedAt: '2026-11-20T00:00:00.000Z',
    statusChangedAt: '2026-11-20T00:00:00.000Z',
    readAt: null,
    starredAt: null,
    noteUpdatedAt: null,
    tags: [],
    links: [],
    volume: null,
    edition: null,
    entryType: null,
    digestIds: [],
    ...overrides,
  };
}

describe('export formats', () => {
  let library: ReturnType<typeof openTempLibrary>;
  let ids: Record<string, number>;
  let papers: ExportPaper[];
  beforeEach(() => {
    library = openTempLibrary({ clock: fixedClock('2026-11-29T10:00:00.000Z') });
    ids = seedLibrary(library);
    papers = loadExportPapers(library.db, { queue: 'all' }).filter((paper) => Object.values(ids).includes(paper.id));
  });
  afterEach(() => library.cleanup());

  it('BibTeX writes arXiv papers as @misc with eprint, archivePrefix, primaryClass, url and abstract', () => {
    const attention = papers.find((paper) => paper.id === ids.attention)!;
    const text = toBibtex([attention]);
    expect(text).toMatch(/^@misc\{vaswani2017attention,/);
    const parsed = readBibtex(text);
    expect(parsed.errors).toEqual([]);
    const fields = parsed.entries[0]!.fields;
    expect(fields.eprint).toBe('1706.03762');
    expect(fields.archiveprefix).toBe('arXiv');
    expect(fields.primaryclass).toBe('cs.CL');
    expect(fields.url).toBe('https://arxiv.org/abs/1706.03762');
    expect(fields.abstract).toBe(attention.abstract);
    expect(fields.year).toBe('2017');
    expect(fields.author?.map((author) => author.lastName)).toEqual(['Vaswani', 'Shazeer']);
    expect(fields.keywords).toEqual(['to cite & share', 'transformers']);
    expect(fields.annote).toContain('Read section 3.');
  });

  it('BibTeX gives DOI-only papers their doi and a doi.org url', () => {
    const fields = readBibtex(toBibtex(papers.filter((paper) => paper.id === ids.journal))).entries[0]!.fields;
    expect(fields.doi).toBe('10.1038/nature14539');
    expect(fields.url).toBe('https://doi.org/10.1038/nature14539');
    expect(fields.eprint).toBeUndefined();
  });

  it('BibTeX keys are unique and readable, colliding keys get a/b in a stable order', () => {
    const text = toBibtex(papers);
    const keys = readBibtex(text).entries.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(papers.length);
    expect(keys).toContain('vaswani2017attentiona');
    expect(keys).toContain('vaswani2017attentionb');
    const reversed = readBibtex(toBibtex([...papers].reverse())).entries;
    const keyOf = (entries: typeof reversed, eprint: string) => entries.find((entry) => entry.fields.eprint === eprint)?.key;
    expect(keyOf(reversed, '1706.03762')).toBe('vaswani2017attentiona');
    expect(keyOf(reversed, '1706.09999')).toBe('vaswani2017attentionb');
  });

  it('BibTeX escapes hostile text: the file parses and gives the exact text back', () => {
    const hostile = papers.find((paper) => paper.id === ids.hostile)!;
    const parsed = readBibtex(toBibtex(papers));
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(papers.length);
    const entry = parsed.entries.find((candidate) => candidate.fields.title === HOSTILE_TEXT);
    expect(entry?.fields.abstract).toBe(hostile.abstract);
    expect(entry?.fields.annote).toBe(HOSTILE_TEXT);
    expect(entry?.fields.author?.map((author) => author.name ?? `${author.firstName} ${author.lastName}`)).toEqual(['Zoë Ünal', 'Team and Friends']);
  });

  it('BibTeX survives any text in title, abstract, note and authors', () => {
    // Mostly TeX's troublemakers, some of any Unicode.
    const troublemaker = fc.constantFrom(...'{}%$&#_~^\\<>|-`\'"?! @,=\n\tx'.split(''), '--', '``', "''", '?`');
    const printable = fc
      .array(fc.oneof({ arbitrary: troublemaker, weight: 4 }, { arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }), weight: 1 }), { maxLength: 30 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(printable, printable, printable, fc.array(printable, { maxLength: 3 }), (title, abstract, note, authors) => {
        const text = toBibtex([bare({ title: `T ${title}`, abstract, note, authors: authors.filter((name) => /\p{L}/u.test(name)) })]);
        const parsed = readBibtex(text);
        expect(parsed.errors).toEqual([]);
        expect(parsed.entries).toHaveLength(1);
        const plain = (value: string) => value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
        expect(parsed.entries[0]!.fields.title).toBe(plain(`T ${title}`));
        expect(parsed.entries[0]!.fields.abstract ?? '').toBe(plain(abstract));
      }),
      { numRuns: 300 },
    );
  });

  it('RIS writes one record per paper with the standard tags and CRLF lines', () => {
    const text = toRis(papers);
    expect(text.match(/^TY {2}- /gm)).toHaveLength(papers.length);
    expect(text.match(/^ER {2}- $/gm)).toHaveLength(papers.length);
    const attention = text.split('ER  - ')[papers.findIndex((paper) => paper.id === ids.attention)]!;
    expect(attention).toContain('TI  - Attention Is All You Need\r\n');
    expect(attention).toContain('AU  - Ashish Vaswani\r\nAU  - Noam Shazeer\r\n');
    expect(attention).toContain('UR  - https://arxiv.org/abs/1706.03762\r\n');
    expect(attention).toContain('PY  - 2017\r\n');
    expect(attention).toContain('KW  - transformers\r\n');
    expect(attention).toContain('N1  - Read section 3. Then the appendix.\r\n');
    // Every line is a tag line or blank: a line break inside a value would start a bogus line.
    for (const line of text.split('\r\n')) expect(line === '' || /^[A-Z][A-Z0-9] {2}- /.test(line)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('CSV follows RFC 4180: header row, quoting, doubled quotes, tags joined, CRLF', () => {
    const rows = readCsv(toCsv(papers));
    expect(rows[0]).toEqual(['id', 'title', 'authors', 'year', 'arxiv_id', 'doi', 'url', 'status', 'starred', 'tags', 'note', 'added_at', 'read_at', 'digest_date', 'volume', 'edition', 'entry_type', 'abstract']);
    expect(rows).toHaveLength(papers.length + 1);
    const attention = rows.find((row) => row[0] === String(ids.attention))!;
    expect(attention[2]).toBe('Ashish Vaswani; Noam Shazeer');
    expect(attention[9]).toBe('to cite & share; transformers');
    expect(attention[10]).toBe('Read section 3.\n\nThen the appendix.');
    expect(rows.find((row) => row[0] === String(ids.hostile))?.[1]).toBe(HOSTILE_TEXT);
  });

  it('CSV fields read back as written, and formulas are defused', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (value) => {
        const [row] = readCsv(`${csvField(value)}\r\n`);
        const expected = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
        expect(row).toEqual([expected]);
      }),
      { numRuns: 500 },
    );
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('Markdown lists each paper with a linked title, authors, status, tags and the note', () => {
    const text = toMarkdown(papers, 'All papers');
    expect(text).toContain('- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)');
    expect(text).toContain('  Ashish Vaswani, Noam Shazeer · to-read ★ · tags: to cite & share, transformers');
    expect(text).toContain('  > Read section 3.');
    expect(text).toContain('  > Then the appendix.');
    // The hostile title cannot close the link or open HTML: every special character is escaped.
    const hostileLine = text.split('\n').find((line) => line.startsWith('- Weird'))!;
    expect(hostileLine).toContain('\\]\\(');
    expect(hostileLine).toContain('x \\< y \\> z');
    expect(hostileLine.replace(/\\./g, '')).not.toMatch(/[[\]()<>]/);
  });
});
