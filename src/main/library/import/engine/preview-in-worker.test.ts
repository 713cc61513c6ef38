import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempLibrary } from '../../../../../tests/support/temp-library.ts';
import { importDigest } from '../import-digest.ts';
import { librarySnapshot } from '../testing/library-snapshot.ts';
import { manyPapers } from '../testing/many-papers.ts';
import { renderHfJson } from '../testing/sample-papers.ts';
import { previewInWorker } from './preview-in-worker.ts';

let library: ReturnType<typeof openTempLibrary>;
beforeEach(() => {
  library = openTempLibrary();
});
afterEach(() => library.cleanup());

const pastedList = (count: number, firstId = 0) => Buffer.from(manyPapers(count, firstId).map((paper) => `https://arxiv.org/abs/${paper.arxivId}`).join('\n'));

describe('the paste preview, read in a worker thread', { timeout: 180_000 }, () => {
  it('counts new papers against the library and writes nothing', async () => {
    importDigest(library.db, { fileName: 'daily.json', bytes: Buffer.from(renderHfJson(manyPapers(40))) }, library.clock);
    const before = librarySnapshot(library.db);
    const preview = await previewInWorker(library, { fileName: 'Pasted text', bytes: pastedList(100), format: undefined });
    expect(preview).toMatchObject({ format: 'id-list', papers: 100, newPapers: 60 });
    expect(librarySnapshot(library.db)).toBe(before);
  });

  it('leaves this thread free while a big paste is read: other requests are answered meanwhile', async () => {
    let answered = 0;
    let reading = true;
    const probe = async () => {
      while (reading) {
        library.db.prepare('SELECT count(*) FROM papers').get();
        answered += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const probing = probe();
    const preview = await previewInWorker(library, { fileName: 'Pasted text', bytes: pastedList(60_000), format: undefined });
    reading = false;
    await probing;
    expect(preview.papers).toBe(60_000);
    expect(answered).toBeGreaterThan(3);
  });

  it('refuses text in no known format with a message naming it, as the preview on the main thread did', async () => {
    await expect(previewInWorker(library, { fileName: 'Pasted text', bytes: Buffer.from('just some words\nand more words'), format: undefined })).rejects.toThrow(/Pasted text/);
  });
});
