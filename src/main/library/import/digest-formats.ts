import type { DigestFormat } from '../../../shared/domain.ts';
import { parseHfPapersText } from './parsers/hf-papers-text.ts';
import type { ParseContext, ParsedDigest } from './parsers/parsed-digest.ts';

export interface DigestFormatReader {
  format: DigestFormat;
  /** Human name for messages: "BibTeX", "arXiv Atom feed". */
  label: string;
  /** True when the content (never the file name) looks like this format. Cheap: reads the start. */
  detect: (text: string) => boolean;
  parse: (text: string, context: ParseContext) => ParsedDigest;
}

/** Most specific first: the plain-text Hugging Face reader accepts almost anything, so it comes last. */
export const DIGEST_FORMAT_READERS: readonly DigestFormatReader[] = [
  { format: 'hf-papers-text', label: 'Hugging Face Papers page (text)', detect: () => true, parse: parseHfPapersText },
];

export function readerFor(text: string, forced?: DigestFormat): DigestFormatReader | undefined {
  if (forced) return DIGEST_FORMAT_READERS.find((reader) => reader.format === forced);
  return DIGEST_FORMAT_READERS.find((reader) => reader.detect(text));
}
