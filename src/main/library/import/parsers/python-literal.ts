// Python literals as `repr()` writes them ("{'paper': {'id': '2412.01234', 'hidden': False}}"): scripts
// that save API answers with str() instead of json.dumps leave entries like this. Only data is read
// (dicts, lists, tuples, strings, numbers, True/False/None); nothing is evaluated.

const MAX_DEPTH = 100;

export class PythonLiteralError extends Error {}

/** The value a Python literal denotes, as JSON-like data; throws PythonLiteralError on anything else. */
export function parsePythonLiteral(text: string): unknown {
  const reader = new LiteralReader(text);
  const value = reader.value(0);
  reader.skipSpace();
  if (!reader.atEnd()) reader.fail('unexpected text after the value');
  return value;
}

class LiteralReader {
  private index = 0;
  private readonly text: string;
  private readonly found = new Map<string, number>();

  constructor(text: string) {
    this.text = text;
  }

  atEnd(): boolean {
    return this.index >= this.text.length;
  }

  fail(problem: string): never {
    throw new PythonLiteralError(`${problem} at character ${this.index + 1}`);
  }

  skipSpace(): void {
    while (/\s/.test(this.text[this.index] ?? '')) this.index += 1;
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail('values nested too deeply');
    this.skipSpace();
    const char = this.text[this.index];
    if (char === '{') return this.dict(depth);
    if (char === '[' || char === '(') return this.list(depth, char === '[' ? ']' : ')');
    if (char === "'" || char === '"') return this.string();
    if (/[urbURB]/.test(char ?? '') && /['"]/.test(this.text[this.index + 1] ?? '')) {
      this.index += 1;
      return this.string();
    }
    const word = /^(?:True|False|None|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)/.exec(this.text.slice(this.index, this.index + 64))?.[0];
    if (!word) this.fail(`"${this.text.slice(this.index, this.index + 20)}" is not a plain Python value`);
    this.index += word.length;
    if (word === 'True') return true;
    if (word === 'False') return false;
    if (word === 'None') return null;
    return Number(word.replaceAll('_', ''));
  }

  private dict(depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.index += 1;
    for (;;) {
      this.skipSpace();
      if (this.text[this.index] === '}') {
        this.index += 1;
        return result;
      }
      const key = this.value(depth + 1);
      this.skipSpace();
      if (this.text[this.index] !== ':') this.fail('expected ":" in a dict');
      this.index += 1;
      const value = this.value(depth + 1);
      if (typeof key === 'string' || typeof key === 'number') Object.defineProperty(result, String(key), { value, enumerable: true, writable: true, configurable: true });
      this.separator('}');
    }
  }

  private list(depth: number, close: string): unknown[] {
    const result: unknown[] = [];
    this.index += 1;
    for (;;) {
      this.skipSpace();
      if (this.text[this.index] === close) {
        this.index += 1;
        return result;
      }
      result.push(this.value(depth + 1));
      this.separator(close);
    }
  }

  private separator(close: string): void {
    this.skipSpace();
    const char = this.text[this.index];
    if (char === ',') this.index += 1;
    else if (char !== close) this.fail(`expected "," or "${close}"`);
  }

  private string(): string {
    const quote = this.text[this.index] ?? "'";
    let out = '';
    let index = this.index + 1;
    for (;;) {
      const end = this.next(quote, index);
      const backslash = this.next('\\', index);
      if (end < 0) this.fail('a string is never closed');
      if (backslash < 0 || end < backslash) {
        out += this.text.slice(index, end);
        this.index = end + 1;
        return out;
      }
      out += this.text.slice(index, backslash) + this.escape(backslash);
      index = backslash + this.escapeLength(backslash);
    }
  }

  /**
   * The next `char` at or after `from`. Positions are remembered and only searched again once passed,
   * so all the strings of a file together cost one scan per character kind, however many there are.
   */
  private next(char: string, from: number): number {
    const known = this.found.get(char);
    if (known !== undefined && (known >= from || known < 0)) return known < 0 ? -1 : known;
    const position = this.text.indexOf(char, from);
    this.found.set(char, position);
    return position;
  }

  private escapeLength(at: number): number {
    const kind = this.text[at + 1];
    return kind === 'x' ? 4 : kind === 'u' ? 6 : kind === 'U' ? 10 : 2;
  }

  private escape(at: number): string {
    const kind = this.text[at + 1] ?? '';
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };
    if (kind in simple) return simple[kind] ?? '';
    if (kind === 'x' || kind === 'u' || kind === 'U') {
      const hex = this.text.slice(at + 2, at + this.escapeLength(at));
      if (!/^[0-9a-fA-F]+$/.test(hex)) this.fail('a bad \\x or \\u escape');
      const code = Number.parseInt(hex, 16);
      if (code > 0x10ffff) this.fail('a \\U escape beyond Unicode');
      return String.fromCodePoint(code);
    }
    return `\\${kind}`; // Python keeps unknown escapes as written
  }
}
