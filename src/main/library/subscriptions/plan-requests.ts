import type { StoredSubscription } from './subscription-store.ts';
import { arxivRssUrl, arxivSearchUrl, hfDailyUrl } from './service-endpoints.ts';
import type { ServiceEndpoints } from './service-endpoints.ts';

/** One request of a fetch, and the digest name its papers are recorded under. */
export interface PlannedRequest {
  url: string;
  accept: string;
  digestName: string;
  /** Hugging Face: a day that is over, so once fetched it is never asked for again. */
  completedDay?: string;
}

/** After this many days away, older days are not fetched: a month of digests at once helps no one. */
export const HF_MAX_CATCH_UP_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

const JSON_ACCEPT = 'application/json';
const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8';

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Days to ask Hugging Face for, oldest first: every day after the last one fetched whole, up to today
 * (UTC, the day the site's lists use). A first fetch starts with yesterday, whose list is complete.
 */
export function hfDaysToFetch(lastDay: string | null, now: Date): string[] {
  const today = Date.parse(dayOf(now));
  const earliest = today - (HF_MAX_CATCH_UP_DAYS - 1) * DAY_MS;
  const start = lastDay ? Math.max(Date.parse(lastDay) + DAY_MS, earliest) : today - DAY_MS;
  const days: string[] = [];
  for (let day = start; day <= today; day += DAY_MS) days.push(dayOf(new Date(day)));
  return days;
}

export function planRequests(subscription: StoredSubscription, endpoints: ServiceEndpoints, now: Date): PlannedRequest[] {
  const today = dayOf(now);
  switch (subscription.kind) {
    case 'hf-daily':
      return hfDaysToFetch(subscription.lastHfDay, now).map((day) => ({
        url: hfDailyUrl(endpoints, day),
        accept: JSON_ACCEPT,
        digestName: `Hugging Face daily papers ${day}`,
        ...(day < today ? { completedDay: day } : {}),
      }));
    case 'arxiv-category':
      return [{ url: arxivRssUrl(endpoints, subscription.target), accept: FEED_ACCEPT, digestName: `arXiv ${subscription.target} ${today}` }];
    case 'arxiv-search':
      return [{ url: arxivSearchUrl(endpoints, subscription.target), accept: FEED_ACCEPT, digestName: `arXiv search “${subscription.target}” ${today}` }];
    case 'feed':
      return [{ url: subscription.target, accept: FEED_ACCEPT, digestName: `${subscription.target} ${today}` }];
  }
}
