// Windows-1252 and Mac Roman put different characters on the same bytes above 0x7F: 0x8E is "Ž" in one
// and "é" in the other. Text is mostly letters, so the right reading is the one whose non-ASCII
// characters sit inside words as letters; the wrong one scatters symbols and punctuation there.

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

/** +1 for each non-ASCII character read as a letter between letters, −1 for one read as a symbol there. */
function letterScore(bytes: Uint8Array, decoder: TextDecoder): number {
  const sample = bytes.subarray(0, 1_000_000);
  const text = decoder.decode(sample);
  let score = 0;
  for (const match of text.matchAll(/(?<=[A-Za-z])[^\x00-\x7f]+|[^\x00-\x7f]+(?=[A-Za-z])/g)) {
    for (const char of match[0]) score += /\p{L}/u.test(char) ? 1 : -1;
  }
  return score;
}
