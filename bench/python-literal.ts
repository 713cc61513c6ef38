// Parses a Python literal (dicts, lists, tuples, strings, numbers, True/False/None): the notation some
// days of the real corpus were saved in by mistake.
export function parsePythonLiteral(text: string): unknown {
  let at = 0;
  const space = () => {
    while (at < text.length && /\s/.test(text[at] ?? '')) at += 1;
  };
  const fail = (what: string): never => {
    throw new Error(`${what} at ${at}`);
  };
  const string = (): string => {
    const quote = text[at];
    at += 1;
    let out = '';
    while (at < text.length && text[at] !== quote) {
      const char = text[at] ?? '';
      if (char !== '\\') {
        out += char;
        at += 1;
        continue;
      }
      const next = text[at + 1] ?? '';
      at += 2;
      if (next === 'n') out += '\n';
      else if (next === 't') out += '\t';
      else if (next === 'r') out += '\r';
      else if (next === 'x') {
        out += String.fromCharCode(parseInt(text.slice(at, at + 2), 16));
        at += 2;
      } else if (next === 'u') {
        out += String.fromCharCode(parseInt(text.slice(at, at + 4), 16));
        at += 4;
      } else if (next === 'U') {
        out += String.fromCodePoint(parseInt(text.slice(at, at + 8), 16));
        at += 8;
      } else out += next;
    }
    if (text[at] !== quote) fail('unterminated string');
    at += 1;
    return out;
  };
  const sequence = (close: string): unknown[] => {
    at += 1;
    const items: unknown[] = [];
    for (;;) {
      space();
      if (text[at] === close) break;
      items.push(value());
      space();
      if (text[at] === ',') at += 1;
      else if (text[at] !== close) fail('expected , or close');
    }
    at += 1;
    return items;
  };
  const dict = (): Record<string, unknown> => {
    at += 1;
    const out: Record<string, unknown> = {};
    for (;;) {
      space();
      if (text[at] === '}') break;
      const key = value();
      space();
      if (text[at] !== ':') fail('expected :');
      at += 1;
      out[String(key)] = value();
      space();
      if (text[at] === ',') at += 1;
      else if (text[at] !== '}') fail('expected , or }');
    }
    at += 1;
    return out;
  };
  const value = (): unknown => {
    space();
    const char = text[at] ?? '';
    if (char === "'" || char === '"') return string();
    if (char === '{') return dict();
    if (char === '[') return sequence(']');
    if (char === '(') return sequence(')');
    for (const [word, result] of [['True', true], ['False', false], ['None', null]] as const) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return result;
      }
    }
    const number = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(at, at + 40));
    if (number) {
      at += number[0].length;
      return Number(number[0]);
    }
    return fail(`unexpected ${char}`);
  };
  const result = value();
  space();
  if (at !== text.length) fail('trailing text');
  return result;
}
