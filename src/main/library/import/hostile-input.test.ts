import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_FORMAT_READERS } from './digest-formats.ts';
import type { ReaderCaseOutcome } from './testing/reader-case-worker.ts';

/**
 * Per reader and input, generous for a machine that may be shared. This is not a speed test (the
 * bench measures speed); it tells a reader that finishes from one that hangs or runs away.
 */
const CASE_TIMEOUT_MS = 30_000;
/** A reader that allocates without bound dies at this heap size instead of taking the machine. */
const HEAP_MB = 512;

let worker: Worker;
let nextId = 0;

function startWorker(): Worker {
  return new Worker(new URL('./testing/reader-case-worker.ts', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
}

/** Every reader, then the whole detected path, each in the worker under its own time limit. */
async function runCase(text: string): Promise<ReaderCaseOutcome[]> {
  const outcomes: ReaderCaseOutcome[] = [];
  const targets: (number | 'detected')[] = [...DIGEST_FORMAT_READERS.keys(), 'detected'];
  for (const reader of targets) {
    outcomes.push(await runReader(text, reader));
  }
  return outcomes;
}

/** One reader on `text` in the worker; rejects on a timeout or a worker that died (memory). */
function runReader(text: string, reader: number | 'detected'): Promise<ReaderCaseOutcome> {
  const id = (nextId += 1);
  const name = reader === 'detected' ? 'detection and the detected reader' : `the ${DIGEST_FORMAT_READERS[reader]?.format} reader`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      void worker.terminate();
      worker = startWorker();
      reject(new Error(`${name} did not finish a ${text.length.toLocaleString('en')}-character input in ${CASE_TIMEOUT_MS / 1000} s (starts ${JSON.stringify(text.slice(0, 80))})`));
    }, CASE_TIMEOUT_MS);
    const onMessage = (message: { id: number; outcome: ReaderCaseOutcome }) => {
      if (message.id !== id) return;
      cleanup();
      resolve(message.outcome);
    };
    const onError = (error: Error) => {
      cleanup();
      worker = startWorker();
      reject(new Error(`${name} exhausted ${HEAP_MB} MB or crashed the worker on a ${text.length}-character input: ${error.message}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage({ id, text, reader });
  });
}

beforeAll(() => {
  worker = startWorker();
});
afterAll(async () => {
  await worker.terminate();
});

/** Starts that take each reader past its detection into its real parsing. */
const FORMAT_STARTS = [
  '',
  '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">',
  '<rss version="2.0"><channel>',
  '<!DOCTYPE html><html><body>',
  '[{"paper": {"id": "2401.00001", "title": "',
  '@article{key,\n title = {',
  'TY  - JOUR\nTI  - ',
  'arXiv:2401.00001\nDate: Mon, 1 Jan 2024\nTitle: ',
  'Daily Papers\nMar 11\n',
  'https://arxiv.org/abs/2401.00001\n',
  '%0 Journal Article\n%T ',
  'Title,Authors,DOI,Abstract\n"',
  '# Reading list\n```\n@article{k,\n title = {',
];

const start = fc.constantFrom(...FORMAT_STARTS);
const OPENERS = ['<div>', '<entry>', '<item>', '<p><span>', '<h2>', '{', '[', '(', '@article{k,title={', '"', '<a href="/papers/2401.00001">', '<![CDATA['];
const REPEATED = ['KW  - keyword\n', 'AU  - Doe, Jane\n', '<author><name>A</name></author>', 'author = {A and B} and ', '<category term="cs.CL"/>', '\\\\\n', 'Authors: A, B\n', '2401.00001 '];
const TINY = ['@misc{k,}\n', 'TY  - JOUR\nER  - \n', '<entry></entry>', '{},', '2401.00001\n', '<h3><a href="/papers/2401.00002">T</a></h3>', 'x\n'];

/** fast-check prints a failing input: a description, not megabytes of it. */
const described = (text: string) => ({ text, [fc.toStringMethod]: () => `${text.length.toLocaleString('en')} characters starting ${JSON.stringify(text.slice(0, 80))}` });

const hostile = fc.oneof(
  // Deep nesting: up to 200,000 levels, closed or not.
  fc.tuple(start, fc.constantFrom(...OPENERS), fc.integer({ min: 1000, max: 100_000 }), fc.boolean()).map(
    ([prefix, opener, depth, close]) => prefix + opener.repeat(depth) + (close ? opener.replace(/^<(\w+).*$/, '</$1>').replace(/^[{[("]$/, (c) => ({ '{': '}', '[': ']', '(': ')', '"': '"' })[c] ?? c).repeat(depth) : ''),
  ),
  // One tag or field repeated tens of thousands of times.
  fc.tuple(start, fc.constantFrom(...REPEATED), fc.integer({ min: 1000, max: 60_000 })).map(([prefix, part, count]) => prefix + part.repeat(count)),
  // A giant single line.
  fc.tuple(start, fc.constantFrom('a', ' ', '{', '<', '-', '\\', '2401.0000'), fc.integer({ min: 100_000, max: 2_000_000 })).map(([prefix, unit, length]) => prefix + unit.repeat(Math.ceil(length / unit.length))),
  // Many tiny entries.
  fc.tuple(start, fc.constantFrom(...TINY), fc.integer({ min: 1000, max: 80_000 })).map(([prefix, entry, count]) => prefix + entry.repeat(count)),
  // Unbalanced braces, quotes and markup.
  fc.tuple(start, fc.array(fc.constantFrom('{', '}', '"', "'", '(', ')', '[', ']', '<', '>', '@', '=', ',', '\\', '\n', 'a', '#', '%', '-'), { minLength: 1, maxLength: 200_000 })).map(([prefix, chars]) => prefix + chars.join('')),
  // NUL bytes and lone surrogates inside otherwise plausible text.
  fc.tuple(start, fc.array(fc.oneof(fc.constantFrom('\u0000', '\ud800', '\udfff', '\ufffe', '\u202e'), fc.string({ maxLength: 40 })), { minLength: 1, maxLength: 20_000 })).map(([prefix, parts]) => prefix + parts.join('')),
);

describe('no reader crashes, hangs or runs out of memory on hostile input', { timeout: 30 * 60_000 }, () => {
  it(`every registered reader (${DIGEST_FORMAT_READERS.length}) either reads or refuses with a message`, async () => {
    await fc.assert(
      fc.asyncProperty(hostile.map(described), async ({ text }) => {
        const outcomes = await runCase(text);
        const crashed = outcomes.filter((outcome) => outcome.outcome === 'crashed');
        expect(crashed, `crashed on input starting ${JSON.stringify(text.slice(0, 60))}`).toEqual([]);
        expect(outcomes).toHaveLength(DIGEST_FORMAT_READERS.length + 1);
        for (const outcome of outcomes.filter((candidate) => candidate.outcome === 'refused')) {
          expect(outcome.detail.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 30, seed: Number(process.env.SIFT_HOSTILE_SEED ?? 20261204), endOnFailure: true },
    );
  });
});
