import type { DigestSummary } from '../../shared/domain.ts';
import { digestDay } from '../triage/digest-label.ts';

export interface DigestGroup {
  key: string;
  label: string;
  digests: DigestSummary[];
  untriaged: number;
}

const DAY_MS = 86_400_000;
/** Weeks stay separate this far back from the newest digest; older digests are grouped by month. */
const WEEKS_SHOWN = 8;
/** Up to this many digests, a flat list reads best. */
const FLAT_UP_TO = 10;

function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - weekday * DAY_MS).toISOString().slice(0, 10);
}

function monthLabel(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { year: 'numeric', month: 'long', timeZone: 'UTC' });
}

function weekLabel(monday: string): string {
  return `Week of ${new Date(`${monday}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' })}`;
}

/**
 * Digests as they accumulate: a flat list while there are few, then by week for the last two months and
 * by month before that. Keeps the listing order (newest first) inside and across groups.
 */
export function groupDigests(digests: DigestSummary[]): DigestGroup[] | null {
  if (digests.length <= FLAT_UP_TO) return null;
  const newest = digests.map(digestDay).sort().at(-1) ?? '';
  const weeksFrom = new Date(new Date(`${mondayOf(newest)}T00:00:00Z`).getTime() - (WEEKS_SHOWN - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
  const groups = new Map<string, DigestGroup>();
  for (const digest of digests) {
    const day = digestDay(digest);
    const monday = mondayOf(day);
    const byWeek = monday >= weeksFrom;
    const key = byWeek ? `week-${monday}` : `month-${day.slice(0, 7)}`;
    const group = groups.get(key) ?? { key, label: byWeek ? weekLabel(monday) : monthLabel(day), digests: [], untriaged: 0 };
    group.digests.push(digest);
    group.untriaged += digest.untriaged;
    groups.set(key, group);
  }
  return [...groups.values()];
}
