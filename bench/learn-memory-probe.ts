// Memory the reader model adds to the app's main process at a given library size, measured in a fresh
// process (run with --expose-gc): the resident size with the library open, then with the model learnt
// in a worker and held, as the app holds it. Prints one JSON object.
import { learnInWorker } from '../src/main/library/learn/build-in-worker.ts';
import { scoreModel } from '../src/main/library/learn/scored-model.ts';
import { openSiftLibrary } from '../src/main/library/sift-library.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: node --expose-gc bench/learn-memory-probe.ts LIBRARY.db');
const collect = () => (globalThis as { gc?: () => void }).gc?.();
const library = openSiftLibrary(file);
collect();
const before = process.memoryUsage();
const scored = scoreModel(await learnInWorker(file));
// Give the exited worker's memory back before measuring.
await new Promise((resolve) => setTimeout(resolve, 200));
collect();
const after = process.memoryUsage();
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
// Typed arrays live outside the JS heap ("external"); the vocabulary and the id map live inside it.
const held = after.heapUsed + after.external - before.heapUsed - before.external;
process.stdout.write(JSON.stringify({ extraRssMb: mb(after.rss - before.rss), extraHeldMb: mb(held), papers: scored.model.space.paperIds.length, terms: scored.model.space.terms.length }));
library.close();
