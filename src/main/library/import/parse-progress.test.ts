import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchFiles } from '../../../../bench/import-formats-files.ts';
import { syntheticCorpus } from '../../../../bench/synthetic-papers.ts';
import { FIXTURES_DIR, openTempLibrary } from '../../../../tests/support/temp-library.ts';
import type { DigestFormat } from '../../../shared/domain.ts';
import { importDigest } from './import-digest.ts';
import type { ImportStepProgress } from './import-digest.ts';
import { parseDigestFile } from './parse-digest-file.ts';

const clock = { now: () => new Date('2026-03-12T09:00:00.000Z') };
// The bench's 5 MB files: thousands of real-sized records in each format people import in bulk.
const files = benchFiles(syntheticCorpus(path.join(FIXTURES_DIR, 'digests/hf-papers-page.txt'), 7));
const encode = (text: string) => new TextEncoder().encode(text);

describe('progress while a big file is read', { timeout: 60_000 }, () => {
  it.each(files.map((file) => [file.format, file.text] as const))('%s: the share read is reported as it grows, before the papers are counted', (format, text) => {
    const fractions: number[] = [];
    const parsed = parseDigestFile(`big.${format}`, encode(text), format as DigestFormat, clock, (fraction) => fractions.push(fraction));
    expect(parsed.papers.length).toBeGreaterThan(2000);
    expect(fractions.length).toBeGreaterThan(5);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.every((fraction) => fraction >= 0 && fraction < 1)).toBe(true);
    expect(fractions.at(-1)).toBeGreaterThan(0.8);
  });

  it('an import reports reading before it reports the papers found, then writing', () => {
    const library = openTempLibrary({ clock });
    try {
      const json = files.find((file) => file.format === 'hf-daily-json');
      const phases: ImportStepProgress['phase'][] = [];
      importDigest(library.db, { fileName: 'daily.json', bytes: encode(json?.text ?? '') }, clock, { onProgress: (progress) => phases.push(progress.phase) });
      const firstParsed = phases.indexOf('parsed');
      expect(firstParsed).toBeGreaterThan(2);
      expect(new Set(phases.slice(0, firstParsed))).toEqual(new Set(['reading']));
      expect(phases.slice(firstParsed + 1)).toContain('writing');
    } finally {
      library.cleanup();
    }
  });
});
