import { describe, expect, it } from 'vitest';
import { texToUnicode, unescapeTexIdentifier } from './tex-to-unicode.ts';

describe('TeX to Unicode', () => {
  it.each([
    [String.raw`M\"uller`, 'Müller'],
    [String.raw`Gon\c{c}alo`, 'Gonçalo'],
    [String.raw`Tom\'a\v{s}`, 'Tomáš'],
    [String.raw`Garc{\'\i}a`, 'García'],
    [String.raw`{\o}rsted and \AA{}ngstr\"{o}m`, 'ørsted and Ångström'],
    [String.raw`Ma{\l}gorzata \L{}ukasz`, 'Małgorzata Łukasz'],
    [String.raw`Erd\H{o}s`, 'Erdős'],
    ["\\emph{Deep} nets: 50\\% \\& more -- ``quoted''", 'Deep nets: 50% & more – “quoted”'],
    [String.raw`The $\alpha$-divergence costs $5`, 'The α-divergence costs $5'],
    [String.raw`Zotero's {\textless}b{\textgreater} and O{\textquotesingle}Neil, {\textquestiondown}s{\'\i}?`, "Zotero's <b> and O'Neil, ¿sí?"],
  ])('%s → %s', (tex, text) => {
    expect(texToUnicode(tex)).toBe(text);
  });

  it('identifiers only lose their escapes', () => {
    expect(unescapeTexIdentifier(String.raw`10.1386/adch\_00028\_1`)).toBe('10.1386/adch_00028_1');
    expect(unescapeTexIdentifier(String.raw`https://example.org/\~{}user/50\%`)).toBe('https://example.org/~user/50%');
  });
});

describe('TeX scripts and empty accents', () => {
  it('digits raised or lowered in math become superscripts and subscripts; letters stay as written', () => {
    expect(texToUnicode('H$_2$O, $x^2$, $^{87}$Rb and $x^{ab}$')).toBe('H₂O, x², ⁸⁷Rb and x^ab');
  });

  it('an accent on nothing is the character itself; underscores outside math stay', () => {
    expect(texToUnicode('x{\\^{}}y, a\\~{}b, snake_case')).toBe('x^y, a~b, snake_case');
  });
});
