// Search hits for papers that For you has put in its own order: the same title highlights and
// snippet the search gives, built from the search's public pieces (plan, highlights), so the search
// engine itself needs no hook for another order of its matches.
import type { Database } from 'better-sqlite3';
import type { SearchHit } from '../../../shared/contract/search-contract.ts';
import type { Queue } from '../../../shared/domain.ts';
import { prepared } from '../db/prepared.ts';
import { rowToPaperSummary, SUMMARY_COLUMNS } from '../papers/paper-rows.ts';
import type { PaperSummaryRow } from '../papers/paper-rows.ts';
import { abstractSnippet, highlightRanges } from '../search/highlights.ts';
import { parseQuery } from '../search/parse-query.ts';
import { planQuery } from '../search/plan-query.ts';
import { bringUpToDate } from '../search/search-state.ts';

type HitRow = PaperSummaryRow & { abstract: string };

/** Hits in the order of `ids`, with a score of 0: relevance is not what orders them. */
export function searchHitsForIds(db: Database, input: { query: string; queue?: Queue | undefined }, ids: readonly number[]): SearchHit[] {
  if (ids.length === 0) return [];
  const plan = planQuery(db, bringUpToDate(db).vocabulary, parseQuery(input.query), input.queue);
  const rows = prepared<[string], HitRow>(db, `SELECT ${SUMMARY_COLUMNS}, p.abstract FROM papers p WHERE p.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id): SearchHit[] => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        paper: rowToPaperSummary(row),
        score: 0,
        titleHighlights: plan.hasText ? highlightRanges(row.title, plan.highlight) : [],
        snippet: plan.hasText ? abstractSnippet(row.abstract, plan.highlight) : null,
      },
    ];
  });
}
