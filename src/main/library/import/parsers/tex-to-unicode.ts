// TeX as reference managers and arXiv write it in names and titles (`M{\"u}ller`, `Gon\c{c}alo`,
// `\emph{Deep}`, `50\%`), turned into the plain text a reader expects. One decoder, shared by the
// BibTeX reader and the arXiv listing e-mail, so the same name reads the same from either. Linear:
// one pass over the input, no backtracking, no recursion on nesting.

const ACCENTS: Record<string, string> = {
  '`': '\u0300', "'": '\u0301', '^': '\u0302', '~': '\u0303', '=': '\u0304', u: '\u0306', '.': '\u0307',
  '"': '\u0308', r: '\u030a', H: '\u030b', v: '\u030c', d: '\u0323', c: '\u0327', k: '\u0328', b: '\u0331', t: '\u0361',
};
const SYMBOL_ACCENTS = new Set(['`', "'", '^', '~', '=', '.', '"']);

const NAMED: Record<string, string> = {
  ss: 'ß', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
  dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ', dj: 'đ', DJ: 'Đ', SS: 'SS',
  textendash: '–', textemdash: '—', textquoteright: '’', textquoteleft: '‘', textquotedblleft: '“', textquotedblright: '”',
  ldots: '…', dots: '…', textellipsis: '…', S: '§', P: '¶', copyright: '©', textcopyright: '©', textregistered: '®',
  texttrademark: '™', textdegree: '°', degree: '°', pounds: '£', euro: '€', texteuro: '€', textasciitilde: '~',
  textbackslash: '\\', textunderscore: '_', textasciicircum: '^', textbraceleft: '{', textbraceright: '}', textbar: '|', textless: '<', textgreater: '>', textbullet: '•',
  textquotesingle: "'", textquotedbl: '"', textdollar: '$', textasciigrave: '`', textexclamdown: '¡',
  textquestiondown: '¿', textsection: '§', textparagraph: '¶', textperiodcentered: '·', textonehalf: '½',
  textmu: 'µ', textpm: '±', texttimes: '×', textdagger: '†', textdaggerdbl: '‡', textperthousand: '‰',
  guillemotleft: '«', guillemotright: '»', quad: ' ', qquad: ' ', noindent: '', relax: '', LaTeX: 'LaTeX', TeX: 'TeX',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ',
  upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ',
  Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω', ell: 'ℓ', infty: '∞', times: '×',
  pm: '±', leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', approx: '≈', sim: '~', cdot: '·', to: '→',
  rightarrow: '→', leftarrow: '←', in: '∈', partial: '∂', nabla: '∇', sum: '∑', prod: '∏', sqrt: '√',
};

const SPECIAL = /[\\{}$~`'^_-]/g;
// In math, "^{87}" and "_2" are written as the superscript and subscript characters ("⁸⁷Rb", "H₂O").
const SUPERSCRIPTS: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ' };
const SUBSCRIPTS: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎' };
const ESCAPED = new Set(['&', '%', '$', '_', '#', '{', '}', '@', '|', '<', '>']);

/** TeX markup to Unicode text, NFC-composed. Unknown commands are dropped; their arguments' text stays. */
export function texToUnicode(input: string): string {
  if (!/[\\{}~$`'^_-]/.test(input)) return input;
  const dollars = countUnescapedDollars(input);
  let mathOpen = false;
  let lastDollar = -1;
  if (dollars % 2 === 1) lastDollar = input.lastIndexOf('$'); // a lone "$" ("costs $5") stays text
  let out = '';
  let index = 0;
  SPECIAL.lastIndex = 0;
  // Plain runs are copied whole; only the characters TeX gives a meaning are looked at one by one.
  for (let match = SPECIAL.exec(input); match; match = SPECIAL.exec(input)) {
    out += input.slice(index, match.index);
    index = match.index;
    const char = input[index] ?? '';
    if (char === '\\') {
      const decoded = command(input, index);
      out += decoded.text;
      index = decoded.end;
    } else if (char === '{' || char === '}') index += 1;
    else if (char === '$') {
      if (index === lastDollar) out += '$';
      else mathOpen = !mathOpen;
      index += 1;
    } else if ((char === '^' || char === '_') && mathOpen) {
      const script = scriptAt(input, index + 1, char === '^' ? SUPERSCRIPTS : SUBSCRIPTS);
      out += script?.text ?? char;
      index = script?.end ?? index + 1;
    } else if (char === '~' && !mathOpen) {
      out += ' ';
      index += 1;
    } else if (char === '-' && input[index + 1] === '-' && !mathOpen) {
      const triple = input[index + 2] === '-';
      out += triple ? '—' : '–';
      index += triple ? 3 : 2;
    } else if ((char === '`' || char === "'") && input[index + 1] === char) {
      out += char === '`' ? '“' : '”';
      index += 2;
    } else {
      out += char;
      index += 1;
    }
    SPECIAL.lastIndex = index;
  }
  out += input.slice(index);
  return out.replace(/\u0131(?=[\u0300-\u036f])/g, 'i').replace(/\u0237(?=[\u0300-\u036f])/g, 'j').normalize('NFC');
}

/** "{87}" or "2" after ^ or _, as script characters; undefined when any of it has none (then "^" stays). */
function scriptAt(input: string, start: number, map: Record<string, string>): Decoded | undefined {
  const braced = input[start] === '{';
  const close = braced ? input.indexOf('}', start) : start + 1;
  if (close < 0 || close - start > 12) return undefined;
  const body = input.slice(braced ? start + 1 : start, close);
  if (!body || [...body].some((c) => map[c] === undefined)) return undefined;
  return { text: [...body].map((c) => map[c]).join(''), end: braced ? close + 1 : close };
}

function countUnescapedDollars(input: string): number {
  let count = 0;
  for (let index = 0; index < input.length; index += 1) {
    if (input[index] === '\\') index += 1;
    else if (input[index] === '$') count += 1;
  }
  return count;
}

interface Decoded {
  text: string;
  end: number;
}

/** One command at `start` (a backslash): an accent with its letter, a named symbol, an escape. */
function command(input: string, start: number): Decoded {
  const next = input[start + 1] ?? '';
  if (next === '') return { text: '', end: start + 1 };
  if (SYMBOL_ACCENTS.has(next)) return accent(input, next, start + 2);
  if (ESCAPED.has(next)) return { text: next, end: start + 2 };
  if (next === '\\') return { text: ' ', end: start + 2 };
  if (next === ' ' || next === ',' || next === ';' || next === ':' || next === '!') return { text: ' ', end: start + 2 };
  if (next === '-' || next === '/') return { text: '', end: start + 2 };
  if (!/[A-Za-z]/.test(next)) return { text: next, end: start + 2 };
  let end = start + 1;
  while (end < input.length && /[A-Za-z]/.test(input[end] ?? '')) end += 1;
  const name = input.slice(start + 1, end);
  if (name.length === 1 && ACCENTS[name] !== undefined && /[\s{]/.test(input[end] ?? '')) return accent(input, name, end);
  const named = NAMED[name];
  // A control word eats the spaces after it: "\o ver" is "øver"; "{\o}ver" never had any.
  const afterSpaces = skipSpaces(input, end);
  if (named !== undefined) return { text: named, end: afterSpaces };
  if (name === 'href') return { text: '', end: skipGroup(input, afterSpaces) };
  // \emph{Deep}, \textbf{…}, \mbox{…} and any command Sift does not know: the command goes, its
  // argument's text stays (the braces around it are dropped by the caller).
  return { text: '', end: afterSpaces };
}

function accent(input: string, name: string, argumentStart: number): Decoded {
  const mark = ACCENTS[name] ?? '';
  let index = argumentStart;
  if (/[A-Za-z]/.test(name)) index = skipSpaces(input, index);
  let braced = false;
  if (input[index] === '{') {
    braced = true;
    index += 1;
  }
  let base = '';
  if (input[index] === '\\' && /[ij]/.test(input[index + 1] ?? '') && !/[A-Za-z]/.test(input[index + 2] ?? '')) {
    base = input[index + 1] ?? '';
    index = skipSpaces(input, index + 2);
  } else if (input[index] !== undefined && input[index] !== '}') {
    base = input[index] ?? '';
    index += 1;
  }
  if (braced && input[index] === '}') index += 1;
  // \^{} and \~{} (an accent on nothing) are the caret and tilde themselves.
  return { text: base ? `${base}${mark}` : SYMBOL_ACCENTS.has(name) ? name : '', end: index };
}

function skipSpaces(input: string, index: number): number {
  let end = index;
  while (input[end] === ' ' || input[end] === '\t' || input[end] === '\n' || input[end] === '\r') end += 1;
  return end;
}

/** Skips one braced group (the URL of \href{url}{text}), or nothing when none starts here. */
function skipGroup(input: string, index: number): number {
  if (input[index] !== '{') return index;
  let depth = 0;
  for (let end = index; end < input.length; end += 1) {
    if (input[end] === '\\') end += 1;
    else if (input[end] === '{') depth += 1;
    else if (input[end] === '}' && (depth -= 1) === 0) return end + 1;
  }
  return input.length;
}

/** A DOI, URL or id as TeX wrote it: `10.1386/adch\_00028\_1` → `10.1386/adch_00028_1`. No other decoding. */
export function unescapeTexIdentifier(input: string): string {
  return input
    .replace(/\\(?:textunderscore|_)(?:\{\})?/g, '_')
    .replace(/\\(?:textasciitilde|~)(?:\{\})?/g, '~')
    .replace(/\$\\sim\$/g, '~')
    .replace(/\\([%&#$])/g, '$1')
    .replace(/[{}]/g, '')
    .trim();
}
