import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface SpellcheckPolicy {
  /** Spellchecking in text fields (notes, tags). */
  enabled: boolean;
  /**
   * Where Chromium would fetch Hunspell dictionaries: a local folder, so it can never go online. Sift
   * promises never to go online by itself; Electron's default is a Google CDN.
   */
  dictionaryDownloadUrl: string;
}

/**
 * macOS and Windows: the operating system's own spellchecker, which needs no download. Linux has only
 * Hunspell, whose dictionaries Electron would download: spellchecking is off there.
 */
export function spellcheckPolicy(platform: NodeJS.Platform, resourcesDir: string): SpellcheckPolicy {
  return {
    enabled: platform === 'darwin' || platform === 'win32',
    dictionaryDownloadUrl: pathToFileURL(path.join(resourcesDir, 'dictionaries') + path.sep).toString(),
  };
}
