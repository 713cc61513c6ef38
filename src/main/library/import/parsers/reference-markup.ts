// Markup that publishers' databases leave in reference-manager exports, removed so a title reads as a
// title. Seen in real files: Web of Science and Zotero keep rich-text tags in titles and abstracts
// ("Why <i>Nature</i> will not…", "H<sub>2</sub>O"); Web of Science embeds whole LaTeX documents for one
// formula ("\documentclass[12pt]{minimal} \usepackage{amsmath} … \begin{document}$$-$$\end{document}")
// wraps Crossref abstracts in JATS ("<jats:p>"), and spells accents as "Schr & ouml;dinger". Only the tags rich text uses are removed, so "<c + a>" in a
// crystallography abstract and "p < 0.05" stay as written. Every pattern is bounded: linear on any input.

const INLINE_TAG = /<\/?(?:(?:jats:)?(?:i|b|em|strong|sub|sup|sc|scp|u|tt|span|inf|small|smallcaps|italic|bold|underline))(?:\s[^<>]{0,200})?\s*\/?>/gi;
// Crossref's JATS abstracts (Lens, OpenAlex, Zotero items filled from Crossref): "<jats:p>", "<jats:title>".
const JATS_BLOCK_TAG = /<\/?jats:[a-z-]{1,30}(?:\s[^<>]{0,200})?\s*\/?>/gi;
const EMBEDDED_LATEX_DOCUMENT =
  /\\documentclass(?:\[[^\]]{0,100}\])?\{[^}]{0,100}\}[\s\S]{0,2000}?\\begin\{document\}([\s\S]{0,2000}?)\\end\{document\}?/g;
// "Schr & ouml;dinger" (Web of Science's spaced entity, inside a word) or "&ouml;": a letter and its accent.
const LETTER_ENTITY = /(?:(?<=[a-z]) & ?|&\s?)([A-Za-z])(uml|acute|grave|circ|tilde|cedil|ring|caron);/g;
// Web of Science's names for characters it could not store: "30 MPa<middle dot>m/s".
const WOS_CHARACTER = /<(middle dot|center dot|bullet|degrees|plus-minus|times)>/g;
const WOS_CHARACTERS: Record<string, string> = { 'middle dot': '·', 'center dot': '·', bullet: '•', degrees: '°', 'plus-minus': '±', times: '×' };
const ACCENT_MARKS: Record<string, string> = {
  uml: '\u0308', acute: '\u0301', grave: '\u0300', circ: '\u0302', tilde: '\u0303', cedil: '\u0327', ring: '\u030a', caron: '\u030c',
};
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const NAMED_ENTITY = /&(amp|lt|gt|quot|apos|nbsp);/g;

/** A title or abstract without rich-text tags, embedded LaTeX documents or HTML entities. */
export function withoutReferenceMarkup(text: string): string {
  if (!/[<&\\]/.test(text)) return text;
  return text
    .replace(EMBEDDED_LATEX_DOCUMENT, (_whole, body: string) => ` ${body.replace(/\$+/g, '').trim()} `)
    .replace(/<jats:title>\s{0,20}Abstract\s{0,20}<\/jats:title>/gi, ' ')
    .replace(INLINE_TAG, '')
    .replace(JATS_BLOCK_TAG, ' ')
    .replace(WOS_CHARACTER, (_whole, name: string) => WOS_CHARACTERS[name] ?? '')
    .replace(LETTER_ENTITY, (_whole, letter: string, accent: string) => `${letter}${ACCENT_MARKS[accent] ?? ''}`.normalize('NFC'))
    .replace(NAMED_ENTITY, (_whole, name: string) => NAMED_ENTITIES[name] ?? '');
}
