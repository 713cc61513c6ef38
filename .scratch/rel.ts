import { openSiftLibrary } from '../src/main/library/sift-library.ts';
import { searchPapers } from '../src/main/library/search/search-engine.ts';
import { keystrokes } from '../bench/keystroke-queries.ts';
import { readRealCorpus } from '../bench/real-corpus.ts';
import { relevanceQueries } from '../bench/relevance-queries.ts';
import { percentile } from '../bench/stats.ts';
const lib = openSiftLibrary(process.argv[2]!);
searchPapers(lib.db, { query: 'warm', limit: 1 });
const real = readRealCorpus();
const docsOf = lib.db.prepare(`SELECT doc FROM papers_fts_vocab WHERE term = ?`).pluck();
const qs = relevanceQueries(real.map((p) => p.title), Number(process.argv[3] ?? 30), 20261204, (term) => (docsOf.get(term) as number | undefined) ?? 0);
const score: Record<string, [number, number, number]> = {};
const misses: string[] = [];
for (const q of qs) {
  const ids = searchPapers(lib.db, { query: q.text + ' ', limit: 10 }).hits.map((h) => h.paper.id);
  const s = (score[q.kind] ??= [0, 0, 0]);
  s[2]++; if (ids[0] === q.about + 1) s[0]++; else if (q.kind !== 'common') misses.push(`${q.kind} ${q.text} => ${real[q.about]!.title.slice(0, 70)} | got ${ids.indexOf(q.about + 1)}`);
  if (ids.includes(q.about + 1)) s[1]++;
}
console.log(JSON.stringify(score));
console.log(misses.join('\n'));
const cpu: number[] = [];
for (const q of qs) for (const k of keystrokes(q.text)) { const c = process.cpuUsage(); searchPapers(lib.db, { query: k, limit: 50 }); const u = process.cpuUsage(c); cpu.push((u.user + u.system) / 1000); }
console.log('keystrokes', cpu.length, 'cpu p50', percentile(cpu, 50).toFixed(2), 'p95', percentile(cpu, 95).toFixed(2));
