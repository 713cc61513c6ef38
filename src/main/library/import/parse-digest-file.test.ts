import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SiftError } from '../../../shared/api-errors.ts';
import { fixedClock, HF_PAPERS_PAGE, openTempLibrary, REAL_FIXTURES } from '../../../../tests/support/temp-library.ts';
import { getPaper } from '../papers/get-paper.ts';
import { DIGEST_FORMATS } from '../../../shared/domain.ts';
import { DIGEST_FORMAT_READERS } from './digest-formats.ts';
import { importDigest } from './import-digest.ts';
import { parseDigestFile } from './parse-digest-file.ts';
import { renderHfText, samplePapers } from './testing/sample-papers.ts';

const clock = fixedClock('2026-06-20T10:00:00Z');
const bytes = (text: string) => new TextEncoder().encode(text);
const parse = (name: string, data: Uint8Array) => parseDigestFile(name, data, undefined, clock);

function invalidDigestError(run: () => unknown): SiftError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SiftError);
    expect((error as SiftError).type).toBe('invalid-digest');
    return error as SiftError;
  }
  throw new Error('expected the digest to be refused');
}

describe('format detection from content', () => {
  it.each([
    ['hf-daily-papers-30.json', 'hf-daily-json'],
    ['hf-daily-papers-3.json', 'hf-daily-json'],
    ['arxiv-api-transformer-5.atom.xml', 'arxiv-atom'],
    ['arxiv-api-bipv-3.atom.xml', 'arxiv-atom'],
    ['arxiv-rss-4.xml', 'arxiv-rss'],
    ['arxiv-listing-email-2.txt', 'arxiv-listing-email'],
    ['zotero-export-1.bib', 'bibtex'],
    ['zotero-export-14.ris', 'ris'],
  ])('%s is read as %s, whatever the file is called', (name, format) => {
    const digest = parse('pasted.txt', fs.readFileSync(path.join(REAL_FIXTURES, name)));
    expect(digest.format).toBe(format);
    expect(digest.papers.length).toBe(Number(/-(\d+)\./.exec(name)?.[1]));
  });

  it('the HF text page, the saved HTML page and an id list are recognised', () => {
    expect(parse('a', fs.readFileSync(HF_PAPERS_PAGE)).format).toBe('hf-papers-text');
    expect(parse('b', fs.readFileSync(new URL('../../../../tests/fixtures/digests/hf-papers-page-cards.html', import.meta.url))).format).toBe('hf-papers-html');
    expect(parse('c', bytes('2401.00001\nhttps://arxiv.org/abs/2401.00002\n')).format).toBe('id-list');
  });

  it('--format overrides detection', () => {
    const digest = parseDigestFile('ids.txt', bytes('2401.00001 is worth a look\n'), 'hf-papers-text', clock);
    expect(digest.format).toBe('hf-papers-text');
    expect(digest.papers[0]?.title).toBe('2401.00001 is worth a look');
  });

  it('every format but Sift\'s own export has a reader; one without a reader is refused by name', () => {
    const registered = DIGEST_FORMAT_READERS.map((reader) => reader.format);
    expect(DIGEST_FORMATS.filter((format) => format !== 'sift-json' && !registered.includes(format))).toEqual([]);
    for (const format of DIGEST_FORMATS.filter((candidate) => !registered.includes(candidate))) {
      expect(invalidDigestError(() => parseDigestFile('x.json', bytes('{}'), format, clock)).message).toMatch(new RegExp(`x\\.json.*${format}`));
    }
  });
});

describe('bad input: one clear message naming the file', () => {
  it.each([
    ['an empty file', new Uint8Array(0), /empty/],
    ['a file of blank lines', bytes('\n \r\n\t\n'), /empty/],
    ['a binary file', Uint8Array.from({ length: 4000 }, (_, index) => (index * 7919) % 256), /binary/],
    ['truncated JSON', bytes('[{"paper": {"id": "2401.00001", "title": "Cut'), /cut off or malformed/],
    ['truncated XML', bytes('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Cut'), /cut off or malformed/],
    ['an HTML page with no papers', bytes('<!DOCTYPE html><html><body><h1>Daily Papers</h1></body></html>'), /no papers/],
    ['JSON that is not a digest', bytes('{"name": "package", "version": "1.0.0"}'), /no list of papers/],
  ])('%s', (_name, data, problem) => {
    const error = invalidDigestError(() => parse('digest-file.x', data));
    expect(error.message).toContain('digest-file.x');
    expect(error.message).toMatch(problem);
  });

  it('a 50 MB file is refused quickly with its size in the message', () => {
    const huge = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const started = performance.now();
    const error = invalidDigestError(() => parse('huge.txt', huge));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.message).toMatch(/huge\.txt is 50\.0 MB; Sift reads files up to 40 MB/);
  });

  it.each([
    ['with a byte-order mark', 'utf-16le', true],
    ['without a byte-order mark', 'utf-16le', false],
    ['big-endian with a byte-order mark', 'utf-16be', true],
  ])('UTF-16 text %s is decoded and read', (_name, encoding, bom) => {
    const papers = samplePapers().slice(0, 3);
    const text = (bom ? '\uFEFF' : '') + renderHfText(papers);
    const units = Buffer.from(text, 'utf16le');
    if (encoding === 'utf-16be') units.swap16();
    expect(parse('utf16.txt', units).papers.map((paper) => paper.title)).toEqual(papers.map((paper) => paper.title));
  });

  it('a 100 KB title is cut, with a warning, and the rest of the file is read', () => {
    const papers = samplePapers().slice(0, 2);
    const json = JSON.parse(`[${papers.map((paper) => JSON.stringify({ paper: { id: paper.arxivId, title: paper.title, summary: '' } })).join(',')}]`) as { paper: { title: string } }[];
    if (json[0]) json[0].paper.title = 'T'.repeat(100_000);
    const digest = parse('long.json', bytes(JSON.stringify(json)));
    expect(digest.papers).toHaveLength(2);
    expect(digest.papers[0]?.title.length).toBeLessThanOrEqual(2000);
    expect(digest.warnings.join(' ')).toMatch(/100,000 characters/);
  });
});

describe('markup and script in any field', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('is stored verbatim as text', () => {
    const library = openTempLibrary({ clock });
    cleanup = library.cleanup;
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const json = JSON.stringify([{ paper: { id: '2401.00001', title: `A ${hostile} title`, summary: `An ${hostile} abstract`, authors: [{ name: hostile }], githubRepo: 'javascript:alert(1)' } }]);
    const report = importDigest(library.db, { fileName: 'x.json', bytes: bytes(json) }, clock);
    const paper = getPaper(library.db, report.addedIds[0] ?? -1);
    expect(paper.title).toBe(`A ${hostile} title`);
    expect(paper.abstract).toBe(`An ${hostile} abstract`);
    expect(paper.authors).toEqual([hostile]);
    expect(paper.links.map((link) => link.url)).not.toContain('javascript:alert(1)');
  });
});
