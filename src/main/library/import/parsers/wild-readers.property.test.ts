import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from './bibtex.ts';
import { parsePythonLiteral, PythonLiteralError } from './python-literal.ts';
import { texToUnicode } from './tex-to-unicode.ts';
import { parseRefworksTagged } from './refworks-tagged.ts';
import { parseWebOfScience } from './web-of-science.ts';
import { withoutReferenceMarkup } from './reference-markup.ts';

// Text made of the characters each syntax gives a meaning, so generated input hits the edge cases.
const from = (alphabet: string[], maxLength = 300) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((parts) => parts.join(''));
const BIBTEX = ['@', '@article{', '@string{', '{', '}', '(', ')', '"', '#', '=', ',', '\n', ' ', '\\', "\\'", '\\"', '$', '~', '--', 'a', 'k1', 'title', 'author', ' and ', 'jan', '%'];
const PYTHON = ['{', '}', '[', ']', '(', ')', "'", '"', '\\', '\\x4', '\\u00e9', ':', ',', ' ', 'True', 'None', '-1.5e3', 'a', 'paper'];
const MARKUP = ['<i>', '</i>', '<sub', '>', '<', '& ', '&', 'ouml;', '\\documentclass', '{x}', '[12pt]', '\\begin{document}', '\\end{document}', '$$', '<middle dot>', 'a', ' '];
const REFWORKS = ['RT Journal Article\n', 'RT ', 'A1 ', 'T1 ', 'YR 2019\n', 'FD ', 'May', '///', 'DO 10.1000/x\n', 'CR Roe R, 2020, DOI 10.9999/cited\n', 'UL https://arxiv.org/abs/1706.03762\n', '   ', 'Doe, J;', '\n', '\r\n', 'x'];
const WOS = ['FN Web of Science\n', 'PT J\n', 'AU ', 'AF ', 'TI ', 'DI 10.1000/x\n', 'CR Roe R, 2020, DOI 10.9999/cited\n', '   ', 'ER\n', 'EF\n', 'Doe, J', '\n', 'x'];

describe('readers of the wild formats never crash on what they are given', () => {
  it('BibTeX: papers, or a plain Error with a message', () => {
    fc.assert(
      fc.property(from(BIBTEX), (text) => {
        try {
          const digest = parseBibtex(text);
          return digest.papers.every((paper) => typeof paper.title === 'string' && paper.authors.every((name) => typeof name === 'string'));
        } catch (error) {
          return error instanceof Error && error.message.length > 0;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('TeX decoding is total: any text gives text', () => {
    fc.assert(fc.property(from(BIBTEX), (text) => typeof texToUnicode(text) === 'string'), { numRuns: 400 });
  });

  it('Python literals: a value, or a PythonLiteralError', () => {
    fc.assert(
      fc.property(from(PYTHON), (text) => {
        try {
          parsePythonLiteral(text);
          return true;
        } catch (error) {
          return error instanceof PythonLiteralError;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('Web of Science: records, never one made of a cited reference', () => {
    fc.assert(
      fc.property(from(WOS), (text) => {
        const digest = parseWebOfScience(text);
        return digest.papers.every((paper) => paper.doi !== '10.9999/cited');
      }),
      { numRuns: 400 },
    );
    expect(parseWebOfScience('FN Web of Science\nPT J\nCR Doe J, 2020, DOI 10.1000/cited\nER\n').papers).toEqual([]);
  });
  it('RefWorks: records, never one made of a cited reference', () => {
    fc.assert(
      fc.property(from(REFWORKS), (text) => {
        const digest = parseRefworksTagged(text);
        return digest.papers.every((paper) => paper.doi !== '10.9999/cited' && typeof paper.title === 'string');
      }),
      { numRuns: 400 },
    );
  });

  it('rich-text markup removal: text, never longer than what it was given', () => {
    fc.assert(
      fc.property(from(MARKUP), (text) => {
        const plain = withoutReferenceMarkup(text);
        return typeof plain === 'string' && plain.length <= text.length + 2;
      }),
      { numRuns: 400 },
    );
    expect(withoutReferenceMarkup('H<sub>2</sub>O at p < 0.05')).toBe('H2O at p < 0.05');
  });
});
