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

// One pass over the text (a 100k-paper export runs this over ~100 MB of abstracts): TeX specials,
// and the first character of each TeX ligature ("--", "``", "''", "?`", "!`"), which an empty group breaks.
const ESCAPED = /[\\{}%$&#_~^<>|]|-(?=-)|`(?=`)|'(?=')|[?!](?=`)/g;

function escapeMatch(match: string): string {
  return TEX_SPECIALS[match] ?? `${match}{}`;
}

// Control characters (other than line breaks) are never part of real text and confuse parsers.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const HAS_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Plain text to a BibTeX field value that reads back as the same text; line breaks become spaces. */
export function escapeTex(text: string): string {
  const clean = HAS_CONTROL.test(text) ? text.replace(CONTROL, '') : text;
  // Only runs and non-space whitespace are rewritten; touching every single space doubles the cost.
  return clean.replace(/\s{2,}|[^\S ]/g, ' ').trim().replace(ESCAPED, escapeMatch);
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
