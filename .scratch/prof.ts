import { openSiftLibrary } from '../src/main/library/sift-library.ts';
import { searchPapers } from '../src/main/library/search/search-engine.ts';
const lib = openSiftLibrary(process.argv[2]!);
searchPapers(lib.db, { query: 'warm', limit: 50 });
const qs = process.argv.slice(3);
for (let i = 0; i < 5; i++) for (const q of qs) searchPapers(lib.db, { query: q + ' '.repeat(i % 2) + (i > 1 ? String.fromCharCode(97 + i) : ''), limit: 50 });
