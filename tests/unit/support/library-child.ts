// A second process working on a library file, for the crash-safety and concurrency tests.
// Usage: node library-child.ts MODE DB [ARG]
//   import DB DIGEST   import a digest file in one transaction
//   batch DB           mark every paper read in one action
//   hold-lock DB MS    take the write lock, add a paper, hold the lock MS ms, commit
//   add-many DB N      add N papers, one transaction each
//   open DB AT         open (creating or upgrading) the library at wall-clock time AT (ms), as
//                      another process does at the same moment
// Progress goes to stdout as lines written synchronously, so a parent killing us knows how far we got.
import fs from 'node:fs';
import { importDigest } from '../../../src/main/library/import/import-digest.ts';
import { insertPaper, toIncomingPaper } from '../../../src/main/library/import/merge-paper.ts';
import { emptyPaper } from '../../../src/main/library/import/parsers/parsed-digest.ts';
import { setStatus } from '../../../src/main/library/papers/triage-papers.ts';
import { openSiftLibrary } from '../../../src/main/library/sift-library.ts';

const [mode, dbPath, arg] = process.argv.slice(2);
if (!mode || !dbPath) throw new Error('usage: library-child.ts MODE DB [ARG]');
const say = (line: string) => fs.writeSync(1, `${line}\n`);
if (mode === 'open') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, Number(arg) - Date.now()));
const library = openSiftLibrary(dbPath, { onWait: (message) => say(`wait ${message}`) });
const addPaper = (title: string) =>
  insertPaper(library.db, toIncomingPaper({ ...emptyPaper(title), abstract: 'Written by a child process.' }), {
    status: 'inbox',
    digestDate: '2026-11-29',
    digestPosition: 0,
    now: new Date().toISOString(),
  });

const started = performance.now();
say('start');
if (mode === 'import') {
  importDigest(library.db, { fileName: arg ?? '', bytes: fs.readFileSync(arg ?? '') });
} else if (mode === 'batch') {
  const ids = library.db.prepare('SELECT id FROM papers').pluck().all() as number[];
  setStatus({ db: library.db, history: library.history }, ids, 'read');
} else if (mode === 'hold-lock') {
  library.db.exec('BEGIN IMMEDIATE');
  addPaper(`Held by child ${process.pid}`);
  say('locked');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(arg ?? 1000));
  library.db.exec('COMMIT');
} else if (mode === 'open') {
  say(`version ${String(library.db.pragma('user_version', { simple: true }))}`);
} else if (mode === 'add-many') {
  for (let index = 0; index < Number(arg ?? 10); index += 1) library.db.transaction(() => addPaper(`Child ${process.pid} paper ${index}`)).immediate();
} else {
  throw new Error(`unknown mode ${mode}`);
}
say(`done ${Math.round(performance.now() - started)}`);
library.close();
