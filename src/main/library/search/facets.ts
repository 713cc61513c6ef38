// Filter values stored as index terms in the `facets` column. Each token is letters and digits only
// (one FTS5 token) and starts with "0z", which no real word does, so the vocabulary can tell them apart.
import type { PaperStatus } from '../../../shared/domain.ts';

export const FACET_PREFIX = '0z';

export const facetToken = {
  all: () => `${FACET_PREFIX}all`,
  status: (status: PaperStatus | string) => `${FACET_PREFIX}s${status.replace(/[^a-z]/g, '')}`,
  starred: () => `${FACET_PREFIX}star`,
  tag: (tagId: number) => `${FACET_PREFIX}t${tagId}`,
  /** Digest date, month and year, so `digest:2024-03` is one term rather than a union of 31. */
  digest: (date: string) => `${FACET_PREFIX}d${date.replace(/-/g, '')}`,
  digestMonth: (yearMonth: string) => `${FACET_PREFIX}dm${yearMonth.replace(/-/g, '')}`,
  digestYear: (year: string) => `${FACET_PREFIX}dy${year}`,
  year: (year: string) => `${FACET_PREFIX}y${year}`,
};

export function isFacetTerm(term: string): boolean {
  return term.startsWith(FACET_PREFIX);
}

export interface FacetSource {
  status: string;
  starred: number;
  published_at: string | null;
  digest_date: string | null;
  /** Tag ids joined by commas. */
  tag_ids: string | null;
  /** Dates of every digest the paper appeared in, joined by commas. */
  digest_dates: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}/;

export function facetsOf(row: FacetSource): string {
  const tokens = [facetToken.all(), facetToken.status(row.status)];
  if (row.starred === 1) tokens.push(facetToken.starred());
  for (const id of row.tag_ids?.split(',') ?? []) if (id) tokens.push(facetToken.tag(Number(id)));
  const dates = new Set<string>();
  if (row.digest_date && DATE.test(row.digest_date)) dates.add(row.digest_date.slice(0, 10));
  for (const date of row.digest_dates?.split(',') ?? []) if (DATE.test(date)) dates.add(date.slice(0, 10));
  const months = new Set<string>();
  const years = new Set<string>();
  for (const date of dates) {
    tokens.push(facetToken.digest(date));
    months.add(date.slice(0, 7));
    years.add(date.slice(0, 4));
  }
  for (const month of months) tokens.push(facetToken.digestMonth(month));
  for (const year of years) tokens.push(facetToken.digestYear(year));
  // The published year when the source gave one, else the year the paper reached a digest.
  const year = (row.published_at ?? row.digest_date ?? '').slice(0, 4);
  if (/^\d{4}$/.test(year)) tokens.push(facetToken.year(year));
  return tokens.join(' ');
}
