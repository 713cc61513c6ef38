// BibTeX counts every brace, escaped or not, so a literal "{" or "}" from a title is written as a
// command with balanced braces. Every other TeX special becomes its text-mode command.
const TEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In TeX's default font encoding these print as ¡, ¿ and an em dash.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

const SPECIAL = /[\\{}%$&#_~^<>|]/g;

/** TeX ligatures turn "--" into a dash and "``" into a curly quote; an empty group keeps the characters. */
function breakLigatures(text: string): string {
  return text.replace(/-(?=-)/g, '-{}').replace(/`(?=`)/g, '`{}').replace(/'(?=')/g, "'{}").replace(/([?!])`/g, '$1{}`');
}

// Control characters (other than line breaks) are never part of real text and confuse parsers.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Plain text to a BibTeX field value that reads back as the same text; line breaks become spaces. */
export function escapeTex(text: string): string {
  return breakLigatures(text.replace(CONTROL, '').replace(/\s+/g, ' ').trim().replace(SPECIAL, (char) => TEX_SPECIALS[char] ?? char));
}

/** Like escapeTex but keeps paragraph breaks (a reader's note may have several). */
export function escapeTexKeepingParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map(escapeTex)
    .filter(Boolean)
    .join('\n\n');
}
