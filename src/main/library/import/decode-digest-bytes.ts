import { SiftError } from '../../../shared/api-errors.ts';
import { guessLegacyEncoding } from './guess-legacy-encoding.ts';
import { MAX_DIGEST_BYTES, oversizeProblem } from '../../../shared/digest-size.ts';

export { MAX_DIGEST_BYTES } from '../../../shared/digest-size.ts';

/**
 * Turns a file's bytes into text: UTF-8 with or without BOM, UTF-16 with BOM or detectably without.
 * Empty and binary files are refused with a message naming the file.
 */
export function decodeDigestBytes(fileName: string, bytes: Uint8Array): { text: string; warnings: string[] } {
  if (bytes.length > MAX_DIGEST_BYTES) throw invalid(fileName, oversizeProblem(bytes.length));
  const warnings: string[] = [];
  const text = decodeText(bytes, warnings);
  if (text.trim() === '') throw invalid(fileName, 'is empty: there is nothing to import.');
  if (looksBinary(text)) throw invalid(fileName, 'is not a text digest (it contains binary data).');
  return { text, warnings };
}

function decodeText(bytes: Uint8Array, warnings: string[]): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), warnings);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  return utf8(bytes, warnings);
}

/** ASCII text saved as UTF-16 has a zero byte in every other position. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096)) ;
  if (sample.length < 4 || sample.length % 2 !== 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index += 1) {
    if (sample[index] === 0) {
      if (index % 2 === 0) evenZeros += 1;
      else oddZeros += 1;
    }
  }
  const half = sample.length / 2;
  if (oddZeros > half * 0.6 && evenZeros < half * 0.05) return 'utf-16le';
  if (evenZeros > half * 0.6 && oddZeros < half * 0.05) return 'utf-16be';
  return null;
}

function utf8(bytes: Uint8Array, warnings: string[]): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Old exports (BibTeX from JabRef, RIS from EndNote) are often Windows-1252, or Mac Roman from old Macs.
    const { encoding, doubtful } = guessLegacyEncoding(bytes);
    const name = encoding === 'macintosh' ? 'Mac Roman' : 'Windows-1252';
    warnings.push(
      doubtful
        ? `The file is not valid UTF-8; it was read as ${name}, but it may be in another encoding: check accented letters.`
        : `The file is not valid UTF-8; it was read as ${name}.`,
    );
    return new TextDecoder(encoding).decode(bytes);
  }
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  let control = 0;
  for (const char of sample) {
    const code = char.charCodeAt(0);
    if ((code < 9 || (code > 13 && code < 32)) || code === 0xfffd) control += 1;
  }
  return control > sample.length * 0.02;
}

export function invalid(fileName: string, problem: string): SiftError {
  return new SiftError('invalid-digest', `${fileName} ${problem}`);
}
