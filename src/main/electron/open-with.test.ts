import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../tests/support/temp-library.ts';
import { filesToOpen, OpenWithQueue, readFilesToOpen } from './open-with.ts';

describe('open with Sift', () => {
  let temp: ReturnType<typeof makeTempDir>;
  afterEach(() => temp.cleanup());

  it('finds the digest files on a command line, skipping the executable, flags and their values', () => {
    temp = makeTempDir();
    for (const name of ['refs.bib', 'export.ris', 'daily.json', 'listing.txt', 'notes.docx', 'library.db']) fs.writeFileSync(path.join(temp.dir, name), 'x');
    const argv = ['/opt/Sift/sift', '--db', 'library.db', '--no-sandbox', 'refs.bib', path.join(temp.dir, 'export.ris'), 'daily.json', 'listing.txt', 'notes.docx', 'missing.bib'];
    expect(filesToOpen(argv, temp.dir)).toEqual(['refs.bib', 'export.ris', 'daily.json', 'listing.txt'].map((name) => path.join(temp.dir, name)));
  });

  it('reads them for the import preview; an unreadable one is named, not fatal', () => {
    temp = makeTempDir();
    const bib = path.join(temp.dir, 'refs.bib');
    fs.writeFileSync(bib, '@article{a, title={A}}');
    const read = readFilesToOpen([bib, path.join(temp.dir, 'gone.ris')]);
    expect(read.files).toEqual([{ name: 'refs.bib', dataBase64: Buffer.from('@article{a, title={A}}').toString('base64') }]);
    expect(read.errors[0]).toMatch(/gone\.ris could not be read/);
  });

  it('files asked for before the window is ready wait for it; later ones go straight through', () => {
    temp = makeTempDir();
    const queue = new OpenWithQueue();
    const delivered: string[][] = [];
    queue.add(['/a.bib']);
    queue.add(['/b.ris']);
    queue.ready((files) => delivered.push(files));
    queue.add(['/c.json']);
    expect(delivered).toEqual([['/a.bib', '/b.ris'], ['/c.json']]);
  });
});
