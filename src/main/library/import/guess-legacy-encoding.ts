// Windows-1252 and Mac Roman put different characters on the same bytes above 0x7F: 0x8E is "Ž" in one
// and "é" in the other. The right reading is the one whose non-ASCII characters are the common
// accented letters and punctuation of real text; the wrong one scatters rare symbols.

export type LegacyEncoding = 'windows-1252' | 'macintosh';

// Bytes Windows-1252 leaves undefined; a file that has them was not written in it.
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export function guessLegacyEncoding(bytes: Uint8Array): { encoding: LegacyEncoding; doubtful: boolean } {
  const windows = letterScore(bytes, new TextDecoder('windows-1252'));
  const mac = letterScore(bytes, new TextDecoder('macintosh'));
  const undefinedIn1252 = bytes.some((byte) => UNDEFINED_IN_1252.has(byte));
  if (undefinedIn1252 || mac > windows) return { encoding: 'macintosh', doubtful: !undefinedIn1252 && mac < windows * 1.5 + 2 };
  return { encoding: 'windows-1252', doubtful: windows < mac * 1.5 + 2 };
}

// What legacy-encoded research text is made of: Latin-1 letters (à…ÿ) and typographic punctuation.
// Read in the wrong encoding, the same bytes become rarer things: Ÿ, š, Ž, ƒ, ˆ, √, ∂, ﬁ.
const COMMON = /[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u20ac\u00a9\u00ae\u00b0\u00ab\u00bb\u00a0]/;

/** +1 for each non-ASCII character that is a common letter or mark of real text, −1 for any other. */
function letterScore(bytes: Uint8Array, decoder: TextDecoder): number {
  const text = decoder.decode(bytes.subarray(0, 1_000_000));
  let score = 0;
  for (const match of text.matchAll(/[^\x00-\x7f]/g)) score += COMMON.test(match[0]) ? 1 : -1;
  return score;
}
