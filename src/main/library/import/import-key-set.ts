// Which records of a file could match a paper already in the library, found in three set-based
// queries for the whole file instead of three lookups per record. A record none of whose keys is in
// the set is certainly new; one that hits goes through findPaperMatch as before, so every decision
// (arXiv id, then DOI, then title with its conflict checks) stays the one the per-record path makes.
// The set only ever grows (keys of papers written during the import are added), so a hit may be a
// false alarm but a miss never is.
import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';
import type { IncomingPaper } from './merge-paper.ts';

export interface ImportKeySet {
  /** True when some paper in the library (or written earlier in this import) may be this record. */
  mayMatch(paper: IncomingPaper): boolean;
  /** Records the keys of a paper just written or enriched, so later records see it. */
  add(paper: IncomingPaper): void;
}

const arxivKey = (id: string) => `a:${id}`;
const doiKey = (doi: string) => `d:${doi}`;
const titleKey = (key: string) => `t:${key}`;

export function importKeySet(db: Database, papers: readonly IncomingPaper[]): ImportKeySet {
  const keys = new Set<string>();
  const lookUp = (sql: string, values: (string | null)[], toKey: (value: string) => string) => {
    const wanted = [...new Set(values.filter((value): value is string => value !== null && value !== ''))];
    if (wanted.length === 0) return;
    for (const found of prepared<[string], string>(db, sql).pluck().all(JSON.stringify(wanted))) keys.add(toKey(found));
  };
  lookUp(`SELECT arxiv_id FROM papers WHERE arxiv_id IN (SELECT value FROM json_each(?))`, papers.map((paper) => paper.arxivId), arxivKey);
  lookUp(`SELECT doi FROM papers WHERE doi IN (SELECT value FROM json_each(?))`, papers.map((paper) => paper.doi), doiKey);
  lookUp(
    `SELECT title_key FROM papers WHERE title_key IN (SELECT value FROM json_each(?)) AND title_is_placeholder = 0`,
    papers.map((paper) => paper.titleKey),
    titleKey,
  );
  return {
    mayMatch: (paper) =>
      (paper.arxivId !== null && keys.has(arxivKey(paper.arxivId))) ||
      (paper.doi !== null && keys.has(doiKey(paper.doi))) ||
      // Placeholder and empty titles too: two id-less records with one title key must not be written
      // in one batch, where neither would see the other's identity key.
      keys.has(titleKey(paper.titleKey)),
    add: (paper) => {
      if (paper.arxivId) keys.add(arxivKey(paper.arxivId));
      if (paper.doi) keys.add(doiKey(paper.doi));
      keys.add(titleKey(paper.titleKey));
    },
  };
}
