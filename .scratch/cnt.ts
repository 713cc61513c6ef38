import Database from 'better-sqlite3';
const db = new Database(process.argv[2]!, { readonly: true });
for (const q of ['model', 'learning', '"model" OR "models" OR "modeling"', 'diffusion AND model', 'language AND model AND large']) {
  const t = performance.now();
  const n = db.prepare(`SELECT count(*) FROM papers_fts WHERE papers_fts MATCH ?`).pluck().get(q);
  const t2 = performance.now();
  const ids = db.prepare(`SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?`).pluck().all(q);
  const t3 = performance.now();
  console.log(q, n, 'count', (t2 - t).toFixed(1), 'ids', (t3 - t2).toFixed(1));
}
