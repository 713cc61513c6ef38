import type { DigestFormat } from '../../../shared/domain.ts';
import type { Clock } from '../db/clock.ts';
import { decodeDigestBytes, invalid } from './decode-digest-bytes.ts';
import { readerFor } from './digest-formats.ts';
import type { ParsedDigest } from './parsers/parsed-digest.ts';

/**
 * Bytes to parsed papers, without touching the library: used by import and by the paste preview.
 * Any parser failure becomes one message naming the file and the problem.
 */
export function parseDigestFile(fileName: string, bytes: Uint8Array, format: DigestFormat | undefined, clock: Clock): ParsedDigest {
  const { text, warnings } = decodeDigestBytes(fileName, bytes);
  const reader = readerFor(text, format);
  if (!reader) throw invalid(fileName, 'is not a digest format Sift knows.');
  let parsed: ParsedDigest;
  try {
    parsed = reader.parse(text, { today: clock.now() });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid(fileName, `could not be read as ${reader.label}: ${reason}`);
  }
  if (parsed.papers.length === 0) {
    throw invalid(fileName, `was read as ${reader.label} but contains no papers.`);
  }
  return { ...parsed, warnings: [...warnings, ...parsed.warnings] };
}
