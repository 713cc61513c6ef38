// BibTeX as files really are, read in one linear pass: keys classic BibTeX accepts (`Yahoo!-Finance2007`,
// `Pierella Karlusich2022`), `#` concatenation, @string macros (bounded), @comment and @preamble.
// A broken entry costs only itself: reading resumes at the next "@" that starts a line.

export interface BibtexEntry {
  type: string;
  key: string;
  /** Lower-case field names; raw values (TeX still in them), macros expanded, first occurrence kept. */
  fields: Map<string, string>;
}

export interface BibtexScan {
  entries: BibtexEntry[];
  /** Entries that could not be read, with the reason, in file order. */
  broken: { key: string; reason: string }[];
}

/** A @string bomb (macros concatenating each other) grows exponentially; real macros are short. */
export const MAX_MACRO_CHARS = 100_000;
const MAX_EXPANDED_CHARS = 50_000_000;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ENTRY_START = /^[ \t]*@[ \t]*([A-Za-z][\w-]*)[ \t]*([{(])/gm;
const FIELD_START = /^\s*[^\s,]+\s*=/;
const NEXT_ENTRY_LINE = /\n[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]/g;

/**
 * Why an entry could not be read. Not an Error: a file of a million broken entries would spend
 * seconds capturing stack traces nobody reads.
 */
class BrokenEntry {
  readonly message: string;

  constructor(message: string) {
    this.message = message;
  }
}

export function scanBibtex(text: string): BibtexScan {
  const scanner = new BibtexScanner(text);
  return scanner.scan();
}

class BibtexScanner {
  private readonly macros = new Map<string, string>(MONTHS.map((month, index) => [month, String(index + 1)]));
  private expanded = 0;
  private index = 0;
  /** Where the entry being read must stop: the next line that starts an entry. */
  private limit = 0;
  private readonly result: BibtexScan = { entries: [], broken: [] };

  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  scan(): BibtexScan {
    ENTRY_START.lastIndex = 0;
    for (let match = ENTRY_START.exec(this.text); match; match = ENTRY_START.exec(this.text)) {
      const type = (match[1] ?? '').toLowerCase();
      const close = match[2] === '(' ? ')' : '}';
      this.index = ENTRY_START.lastIndex;
      this.limit = this.nextEntryLine(this.index);
      if (type !== 'comment') this.readEntry(type, close);
      // Whatever happened, the next entry is searched from where this one ended, or its limit.
      ENTRY_START.lastIndex = Math.max(type === 'comment' ? this.index : Math.min(this.index, this.limit), match.index + 1);
    }
    return this.result;
  }

  private nextEntryLine(from: number): number {
    NEXT_ENTRY_LINE.lastIndex = from;
    const next = NEXT_ENTRY_LINE.exec(this.text);
    return next ? next.index + 1 : this.text.length;
  }

  private readEntry(type: string, close: string): void {
    const key = type === 'string' || type === 'preamble' ? '' : this.readKey();
    try {
      if (type === 'preamble') {
        this.readValue(close);
        this.expect(close);
      } else if (type === 'string') this.readMacros(close);
      else this.result.entries.push({ type, key, fields: this.readFields(close) });
    } catch (error) {
      if (!(error instanceof BrokenEntry)) throw error;
      this.result.broken.push({ key: `@${type}{${key}}`, reason: error.message });
      this.index = this.limit;
    }
  }

  /** Everything up to the first comma is the key: BibTeX itself is that lenient. */
  private readKey(): string {
    let end = this.index;
    let newlines = 0;
    while (end < this.limit && this.text[end] !== ',') {
      const char = this.text[end];
      // "@misc{title = …" has no key, nor does a key that runs over lines: leave the text to the field reader.
      if (char === '=' || char === '}' || char === ')' || (char === '\n' && (newlines += 1) > 1)) return '';
      end += 1;
    }
    const candidate = this.text.slice(this.index, end);
    if (/\n\s*\S/.test(candidate.trimEnd())) return '';
    this.index = Math.min(end + 1, this.text.length);
    return candidate.trim();
  }

  private readMacros(close: string): void {
    for (const [name, value] of this.readFields(close)) {
      if (value.length > MAX_MACRO_CHARS) {
        throw new Error(`@string{${name}} expands to more than ${MAX_MACRO_CHARS.toLocaleString('en')} characters (macros that concatenate each other); the file was refused`);
      }
      this.macros.set(name, value);
    }
  }

  private readFields(close: string): Map<string, string> {
    const fields = new Map<string, string>();
    for (;;) {
      this.skipSpaceAnd(',');
      const char = this.text[this.index];
      if (char === close || (char === '}' && close === ')')) {
        this.index += 1;
        return fields;
      }
      if (this.index >= this.limit) throw new BrokenEntry('the entry is not closed');
      const name = this.readName().toLowerCase();
      if (!name) throw new BrokenEntry(`unexpected "${char ?? ''}" where a field name should be`);
      this.skipSpaceAnd('');
      if (this.text[this.index] !== '=') throw new BrokenEntry(`field "${name}" has no "="`);
      this.index += 1;
      const value = this.readValue(close);
      if (!fields.has(name)) fields.set(name, value);
    }
  }

  private readName(): string {
    const start = this.index;
    while (this.index < this.limit && !/[\s=,{}()"#]/.test(this.text[this.index] ?? '')) this.index += 1;
    return this.text.slice(start, this.index);
  }

  /** Parts joined by "#": braced or quoted text, numbers, macro names. */
  private readValue(close: string): string {
    let value = '';
    for (;;) {
      this.skipSpaceAnd('');
      value += this.readPart(close);
      if (value.length > MAX_MACRO_CHARS * 10) throw new BrokenEntry('a field is longer than a million characters');
      this.skipSpaceAnd('');
      if (this.text[this.index] !== '#') return value;
      this.index += 1;
    }
  }

  private readPart(close: string): string {
    const char = this.text[this.index];
    if (char === '{') return this.readDelimited('{', '}');
    if (char === '"') return this.readDelimited('"', '"');
    const start = this.index;
    const name = this.readName();
    if (!name) throw new BrokenEntry(`a field's value is missing before "${char ?? 'the end'}"`);
    if (/^\d+$/.test(name)) return name;
    // An unquoted phrase ("vanZyl and Savic"): BibTeX would fail; the words themselves are the value.
    const rest = /^[^\S\n]+[^\s,#=}{"()][^,\n}]*/.exec(this.text.slice(this.index, Math.min(this.limit, this.index + 2000)));
    if (rest && !FIELD_START.test(rest[0])) {
      this.index += rest[0].length;
      return this.text.slice(start, this.index).trim();
    }
    const macro = this.macros.get(name.toLowerCase());
    if (macro === undefined) return name; // an undefined macro is kept as the text it is
    this.expanded += macro.length;
    if (this.expanded > MAX_EXPANDED_CHARS) throw new Error('the @string macros expand to more text than the file could hold; the file was refused');
    return macro;
  }

  /**
   * Text between braces (nested) or quotes (at brace depth 0); delimiters dropped. Every brace counts,
   * escaped or not, as in classic BibTeX: Web of Science writes TeX as `\{minimal\}` and breaks a line
   * between "\" and "}", so skipping the character after a backslash closed the field early and lost the
   * entry. Only a quote can be escaped (`\"u` inside a quoted value).
   */
  private readDelimited(open: string, closing: string): string {
    const start = this.index + 1;
    let depth = 0;
    for (let index = start; index < this.limit; index += 1) {
      const char = this.text[index];
      if (char === '\\' && open === '"' && this.text[index + 1] === '"') index += 1;
      else if (char === '{') depth += 1;
      else if (char === '}' && depth > 0) depth -= 1;
      else if (char === closing && depth === 0) {
        this.index = index + 1;
        return this.text.slice(start, index);
      } else if (char === '}' && open === '"') break; // a quote never closed before the entry ends
    }
    throw new BrokenEntry(`a ${open === '{' ? 'brace' : 'quote'} is never closed`);
  }

  private skipSpaceAnd(extra: string): void {
    while (this.index < this.text.length) {
      const char = this.text[this.index] ?? '';
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r' || (extra && char === extra)) this.index += 1;
      else return;
    }
  }

  private expect(char: string): void {
    this.skipSpaceAnd('');
    if (this.text[this.index] !== char) throw new BrokenEntry(`expected "${char}"`);
    this.index += 1;
  }
}
