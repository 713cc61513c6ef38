// How papers are named: "Olaf-World", "SpikMamba", "Qwen2.5-VL", "3DGS-DET". The index's tokenizer
// (unicode61) splits on the hyphen and dot but keeps "SpikMamba" and "qwen2" whole, so neither "mamba"
// nor "olafworld" would find those papers. The extra terms here go into the `names` column: the parts
// of each camel-case or letter-digit word, and each hyphenated or dotted name joined into one word.
import { foldTerm } from './search-tokens.ts';

/** A run of name characters: letters, digits and the joiners a name is written with. */
const NAME_CHUNK = /[\p{L}\p{N}\p{Co}]+(?:[-.'’_+][\p{L}\p{N}\p{Co}]+)*/gu;
const WORD_TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;
/** Camel-case and digit boundaries: "SpargeAttention2" → Sparge, Attention, 2; "HDRNet" → HDR, Net. */
const CAMEL_PART = /\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|\p{N}+|[\p{L}\p{Co}]+/gu;

/**
 * Case boundaries only, a digit staying with the letters before it: "I2VEdit" → I2V, Edit;
 * "GPT4Vision" → GPT4, Vision. Readers write the model or task name ("i2v", "gpt4", "img2") that the
 * finer parts (i, 2, v) cut apart.
 */
const CASE_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})|(?<=[\p{Lu}\p{N}])(?=\p{Lu}\p{Ll})/u;

/** The parts of one word at its case and digit boundaries, folded; empty when it has none. */
export function camelParts(word: string): string[] {
  const parts = word.match(CAMEL_PART) ?? [];
  if (parts.length <= 1) return [];
  const coarse = word.split(CASE_BOUNDARY);
  return [...parts, ...(coarse.length > 1 ? coarse : [])].map(foldTerm);
}

/** The extra index terms of a text (a title, an author list), space-separated. */
export function namePartsText(text: string): string {
  const terms = new Set<string>();
  for (const chunk of text.matchAll(NAME_CHUNK)) {
    const words = chunk[0].match(WORD_TOKEN) ?? [];
    if (words.length > 1) terms.add(foldTerm(words.join('')));
    for (const word of words) for (const part of camelParts(word)) terms.add(part);
  }
  return [...terms].join(' ');
}
