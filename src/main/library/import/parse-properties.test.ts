import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiftError } from '../../../shared/api-errors.ts';
import { FIXTURES_DIR, fixedClock, HF_PAPERS_PAGE, openTempLibrary, REAL_FIXTURES } from '../../../../tests/support/temp-library.ts';
import type { SiftLibrary } from '../sift-library.ts';
import { DIGEST_FORMAT_READERS } from './digest-formats.ts';
import { importDigest } from './import-digest.ts';
import { parseDigestFile } from './parse-digest-file.ts';
import { librarySnapshot } from './testing/library-snapshot.ts';

const clock = fixedClock('2026-06-20T10:00:00Z');
const fixtures = [
  ...fs.readdirSync(REAL_FIXTURES).filter((name) => name !== 'SOURCES.md').map((name) => fs.readFileSync(path.join(REAL_FIXTURES, name), 'utf8')),
  fs.readFileSync(HF_PAPERS_PAGE, 'utf8').slice(0, 20_000),
  ...fs.readdirSync(path.join(FIXTURES_DIR, 'formats')).map((name) => fs.readFileSync(path.join(FIXTURES_DIR, 'formats', name), 'utf8')),
];

/** Only a SiftError('invalid-digest') may come out of parsing; anything else is a crash. */
function parsesOrRefuses(data: Uint8Array, format?: (typeof DIGEST_FORMAT_READERS)[number]['format']): boolean {
  try {
    const digest = parseDigestFile('fuzz.txt', data, format, clock);
    return digest.papers.length > 0 && digest.papers.every((paper) => typeof paper.title === 'string' && paper.title.length <= 2000);
  } catch (error) {
    return error instanceof SiftError && error.type === 'invalid-digest';
  }
}

const encode = (text: string) => new TextEncoder().encode(text);

/** A real digest with a slice cut out, a slice repeated and some noise inserted: near-valid input. */
const mangledFixture = fc
  .tuple(fc.constantFrom(...fixtures), fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 40 }))
  .map(([text, a, b, noise]) => {
    const start = a % (text.length + 1);
    const end = Math.min(text.length, start + (b % 400));
    return text.slice(0, start) + noise + text.slice(end) + text.slice(start, end);
  });

describe('no input crashes a parser', () => {
  it('arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (data) => parsesOrRefuses(data)), { numRuns: 300 });
  });

  it('arbitrary text, detected or forced into every format', () => {
    const formats = fc.constantFrom(undefined, ...DIGEST_FORMAT_READERS.map((reader) => reader.format));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), formats, (text, format) => parsesOrRefuses(encode(text), format)), {
      numRuns: 400,
    });
  });

  it('real digests cut, repeated and salted with noise, in every format', () => {
    const formats = fc.constantFrom(undefined, ...DIGEST_FORMAT_READERS.map((reader) => reader.format));
    fc.assert(fc.property(mangledFixture, formats, (text, format) => parsesOrRefuses(encode(text), format)), { numRuns: 300 });
  });

  it('structured-looking fragments: markup, JSON, BibTeX, RIS and listing lines', () => {
    const pieces = fc.constantFrom('<feed>', '<entry>', '</entry>', '<rss><channel><item>', '<title>', '</title>', '[{"paper":', '{"id":"2401.00001"', '}', ']', '@article{k,', 'title={', '}}', 'TY  - JOUR', 'TI  - ', 'ER  - ', '\\\\', 'arXiv:2401.00001', 'Title: ', '------------------------', '\n', 'Mar 11', ' · 3 authors', '<h3><a href="/papers/2401.00002">', '</a></h3>');
    fc.assert(fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 30 })), { maxLength: 60 }), (parts) => parsesOrRefuses(encode(parts.join('')))), {
      numRuns: 400,
    });
  });
});

describe('an import either writes the whole file or nothing', () => {
  let library: SiftLibrary & { cleanup: () => void };
  beforeAll(() => {
    library = openTempLibrary({ clock });
    importDigest(library.db, { fileName: 'seed.txt', bytes: fs.readFileSync(HF_PAPERS_PAGE) }, clock);
  });
  afterAll(() => library.cleanup());

  it('a refused input leaves every table unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(mangledFixture, fc.string({ unit: 'binary', maxLength: 500 })), (text) => {
        const before = librarySnapshot(library.db);
        try {
          importDigest(library.db, { fileName: 'fuzz.txt', bytes: encode(text) }, clock);
          return true; // accepted inputs may write; the property is about refused ones
        } catch (error) {
          expect(error).toBeInstanceOf(SiftError);
          return librarySnapshot(library.db) === before;
        }
      }),
      { numRuns: 60 },
    );
  });
});
