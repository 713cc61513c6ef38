import { describe, expect, it } from 'vitest';
import { spellcheckPolicy } from './spellcheck-policy.ts';

describe('spellchecking never downloads dictionaries', () => {
  it('uses the OS spellchecker on macOS and Windows and is off on Linux (Hunspell only)', () => {
    expect(spellcheckPolicy('darwin', '/Applications/Sift.app/Contents/Resources').enabled).toBe(true);
    expect(spellcheckPolicy('win32', 'C:\\Program Files\\Sift\\resources').enabled).toBe(true);
    expect(spellcheckPolicy('linux', '/opt/Sift/resources').enabled).toBe(false);
  });

  it('points any dictionary download at a local folder, never the network', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const url = new URL(spellcheckPolicy(platform, '/opt/Sift/resources').dictionaryDownloadUrl);
      expect(url.protocol).toBe('file:');
      expect(url.pathname.endsWith('/')).toBe(true);
    }
  });
});
