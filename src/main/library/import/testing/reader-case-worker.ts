// Test support: a worker thread that runs every registered reader on one hostile input per message,
// so the test can bound each case's time (and memory, by the worker's heap limit) from outside.
import { parentPort } from 'node:worker_threads';
import { SiftError } from '../../../../shared/api-errors.ts';
import { DIGEST_FORMAT_READERS } from '../digest-formats.ts';
import { parseDigestFile } from '../parse-digest-file.ts';

export interface ReaderCaseOutcome {
  reader: string;
  /** parsed: papers came out; refused: a message said why; crashed: the reader broke (stack, string size). */
  outcome: 'parsed' | 'refused' | 'crashed';
  detail: string;
}

const today = new Date('2026-03-12T09:00:00Z');

function classify(reader: string, run: () => number): ReaderCaseOutcome {
  try {
    return { reader, outcome: 'parsed', detail: `${run()} papers` };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A RangeError is the engine giving up (call stack, string or array length): a crash, not a refusal.
    const crashed = !(error instanceof Error) || error instanceof RangeError || message.trim() === '';
    return { reader, outcome: crashed ? 'crashed' : 'refused', detail: `${error instanceof Error ? error.name : typeof error}: ${message.slice(0, 200)}` };
  }
}

/** `reader` is an index into DIGEST_FORMAT_READERS, or 'detected' for the whole path a dropped file takes. */
parentPort?.on('message', ({ id, text, reader }: { id: number; text: string; reader: number | 'detected' }) => {
  if (reader !== 'detected') {
    const chosen = DIGEST_FORMAT_READERS[reader];
    parentPort?.postMessage({ id, outcome: classify(chosen?.format ?? '?', () => chosen?.parse(text, { today }).papers.length ?? 0) });
    return;
  }
  // Detection, decoding, the reader, the shared checks: refusals must be SiftErrors naming the file.
  const outcome = classify('detected', () => parseDigestFile('hostile.txt', Buffer.from(text), undefined, { now: () => today }).papers.length);
  if (outcome.outcome === 'refused') {
    try {
      parseDigestFile('hostile.txt', Buffer.from(text), undefined, { now: () => today });
    } catch (error) {
      if (!(error instanceof SiftError) || !error.message.startsWith('hostile.txt ')) outcome.outcome = 'crashed';
    }
  }
  parentPort?.postMessage({ id, outcome });
});
