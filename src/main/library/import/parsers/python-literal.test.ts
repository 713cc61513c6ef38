import { describe, expect, it } from 'vitest';
import { parsePythonLiteral, PythonLiteralError } from './python-literal.ts';

describe('Python literals as repr() writes them', () => {
  it('reads dicts, lists, tuples, strings with escapes, numbers, True, False and None', () => {
    const text = String.raw`{'paper': {'id': '2412.01234', 'title': "It's \"fine\"\n", 'upvotes': 12, 'score': -1.5e3, 'hidden': False, 'ok': True, 'gone': None, 'tags': ['a', ('b', 'c')], 'u': '\u00e9\x41'}}`;
    expect(parsePythonLiteral(text)).toEqual({
      paper: { id: '2412.01234', title: 'It\'s "fine"\n', upvotes: 12, score: -1500, hidden: false, ok: true, gone: null, tags: ['a', ['b', 'c']], u: 'éA' },
    });
  });

  it.each([
    ["{'a': datetime.date(2025, 1, 9)}", /not a plain Python value/],
    ["{'a': __import__('os')}", /not a plain Python value/],
    ["{'a': 'never closed}", /never closed/],
    ['['.repeat(500), /nested too deeply/],
  ])('refuses %s', (text, problem) => {
    expect(() => parsePythonLiteral(text)).toThrow(PythonLiteralError);
    expect(() => parsePythonLiteral(text)).toThrow(problem);
  });

  it('a "__proto__" key is data, not a prototype', () => {
    const value = parsePythonLiteral("{'__proto__': {'polluted': True}}") as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
