import type { DigestFormat } from '../../../shared/domain.ts';
import type { Clock } from '../db/clock.ts';
import { checkParsedPapers } from './check-parsed-papers.ts';
import { decodeDigestBytes, invalid } from './decode-digest-bytes.ts';
import { describeContent } from './describe-content.ts';
import { readerFor } from './digest-formats.ts';
import type { ParsedDigest } from './parsers/parsed-digest.ts';

/**
 * Bytes to parsed papers, without touching the library: used by import and by the paste preview.
 * Any parser failure becomes one SiftError('invalid-digest') naming the file and the problem.
 */
export function parseDigestFile(
  fileName: string,
  bytes: Uint8Array,
  format: DigestFormat | undefined,
  clock: Clock,
  onRecordsRead?: (fraction: number) => void,
): ParsedDigest {
  const { text, warnings } = decodeDigestBytes(fileName, bytes);
  const reader = readerFor(text, format);
  if (!reader) {
    throw invalid(fileName, format ? `cannot be read as "${format}": Sift has no reader for that format here.` : `is ${describeContent(text)}.`);
  }
  let parsed: ParsedDigest;
  try {
    parsed = checkParsedPapers(reader.parse(text, onRecordsRead ? { today: clock.now(), onRecordsRead } : { today: clock.now() }));
  } catch (error) {
    // Parsers throw plain Errors (or a library's, or a RangeError on absurd input); all mean "bad file".
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid(fileName, `could not be read as ${reader.label}: ${reason.slice(0, 300)}`);
  }
  if (parsed.papers.length === 0 && !format && reader.format === 'hf-papers-text') {
    // The last-resort reader takes any text; finding nothing means the text was in no known format.
    throw invalid(fileName, `is ${describeContent(text)}.`);
  }
  if (parsed.papers.length === 0) {
    const why = parsed.skipped.length ? ` (${parsed.skipped.length} records skipped: ${parsed.skipped[0]?.reason ?? ''})` : '';
    throw invalid(fileName, `was read as ${reader.label} but contains no papers${why}.`);
  }
  // A reader may hand over to another (HTML that is only a list of links): the report names what was read.
  return { ...parsed, format: parsed.format, warnings: [...warnings, ...parsed.warnings] };
}
