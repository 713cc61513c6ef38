import { describe, expect, it } from 'vitest';
import { decodeDigestBytes } from './decode-digest-bytes.ts';

// Bytes of "Müller, Jörg; Gonçalo; résumé; Ångström; São Paulo" in each legacy encoding.
const MAC_ROMAN: Record<string, number> = { ü: 0x9f, ö: 0x9a, ç: 0x8d, é: 0x8e, Å: 0x81, ã: 0x8b };
const WINDOWS_1252: Record<string, number> = { ü: 0xfc, ö: 0xf6, ç: 0xe7, é: 0xe9, Å: 0xc5, ã: 0xe3 };
const TEXT = 'TY  - JOUR\nAU  - Müller, Jörg\nAU  - Gonçalo, Ana\nTI  - A résumé of Ångström units in São Paulo\nER  - \n';

function encode(text: string, table: Record<string, number>): Uint8Array {
  return Uint8Array.from([...text].map((char) => table[char] ?? char.charCodeAt(0)));
}

describe('legacy encodings', () => {
  it('a Mac Roman file is read as Mac Roman, not as Windows-1252 garbage', () => {
    const { text, warnings } = decodeDigestBytes('old-mac.ris', encode(TEXT, MAC_ROMAN));
    expect(text).toBe(TEXT);
    expect(warnings.join(' ')).toMatch(/read as Mac Roman/);
  });

  it('a Windows-1252 file is still read as Windows-1252', () => {
    const { text, warnings } = decodeDigestBytes('old-windows.ris', encode(TEXT, WINDOWS_1252));
    expect(text).toBe(TEXT);
    expect(warnings.join(' ')).toMatch(/read as Windows-1252/);
  });

  it('Mac Roman without the bytes Windows-1252 lacks is still recognised by its letters', () => {
    const text = 'TI  - Müller and Jörg wrote a résumé\n';
    expect(decodeDigestBytes('mac.txt', encode(text, MAC_ROMAN)).text).toBe(text);
  });
});
