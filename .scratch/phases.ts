import { openSiftLibrary } from '../src/main/library/sift-library.ts';
import { bringUpToDate } from '../src/main/library/search/search-state.ts';
import { parseQuery } from '../src/main/library/search/parse-query.ts';
import { planQuery } from '../src/main/library/search/plan-query.ts';
import { orderMatches } from '../src/main/library/search/order-matches.ts';
import { searchPapers } from '../src/main/library/search/search-engine.ts';
const lib = openSiftLibrary(process.argv[2]!);
const state = bringUpToDate(lib.db);
const cpu = (f: () => unknown) => { const c = process.cpuUsage(); f(); const u = process.cpuUsage(c); return ((u.user + u.system) / 1000).toFixed(2); };
for (const q of process.argv.slice(3)) {
  const parts = parseQuery(q);
  let plan: ReturnType<typeof planQuery> | undefined;
  const tPlan = cpu(() => { plan = planQuery(lib.db, state.vocabulary, parts, undefined); });
  const p = plan!;
  let n = 0;
  const tOrder = p.match ? cpu(() => { n = orderMatches(lib.db, p.match!, p.evidence, 100, p.estimate).ranked.length; }) : '-';
  const tAll = cpu(() => searchPapers(lib.db, { query: q + 'x', limit: 50 }));
  const tAll2 = cpu(() => searchPapers(lib.db, { query: q, limit: 50 }));
  console.log(JSON.stringify(q), 'plan', tPlan, 'order', tOrder, n, 'est', p.estimate, 'search', tAll2, '|', p.match?.slice(0, 200));
}
