// Memory of a Sift main process at a given library size, measured in a fresh process so the bench's
// own generated papers and baseline do not count: open, load the search vocabulary, search as a reader
// types, list every queue. Prints one JSON object.
import { listPapers } from '../src/main/library/papers/list-papers.ts';
import { searchPapers } from '../src/main/library/search/search-engine.ts';
import { openSiftLibrary } from '../src/main/library/sift-library.ts';
import { QUEUES } from '../src/shared/domain.ts';

const [file, ...queries] = process.argv.slice(2);
if (!file) throw new Error('usage: rss-probe.ts LIBRARY [QUERY…]');
const library = openSiftLibrary(file);
for (const queue of QUEUES) listPapers(library.db, { queue, limit: 200 });
for (const query of queries) for (let end = 1; end <= query.length; end += 1) searchPapers(library.db, { query: query.slice(0, end), limit: 50 });
library.close();
process.stdout.write(JSON.stringify({ rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024) }));
