import type { Database } from 'better-sqlite3';
import type { ReadingStats } from '../../../shared/contract/stats-contract.ts';
import { isoNow, systemClock } from '../db/clock.ts';
import type { Clock } from '../db/clock.ts';
import { prepared } from '../db/prepared.ts';
import { inboxZeroStreaks } from './inbox-zero.ts';
import { distinctiveWords } from './distinctive-words.ts';

const DAY_MS = 86_400_000;

function dayBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += DAY_MS) out.push(new Date(time).toISOString().slice(0, 10));
  return out;
}

function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return dayBefore(day, (date.getUTCDay() + 6) % 7);
}

/**
 * Everything the Stats view draws, for the last `days` days. Each figure is one query walking an index
 * (see migration 005 and the bench), so the whole set stays fast on a 100k-paper library.
 */
export function readingStats(db: Database, options: { days?: number } = {}, clock: Clock = systemClock): ReadingStats {
  const days = options.days ?? 90;
  const today = isoNow(clock).slice(0, 10);
  const since = dayBefore(today, days - 1);
  // One read transaction: every chart describes the same moment even while an import runs.
  return db.transaction(() => {
    const daily = dailyFlow(db, since, today);
    return {
      today,
      days,
      daily,
      readPerWeek: readPerWeek(db, since, today),
      inboxZero: inboxZeroStreaks(daily),
      arrivalToRead: arrivalToRead(db, since),
      tagsByMonth: tagsByMonth(db, since),
      sourcesByMonth: sourcesByMonth(db, since),
      topWords: distinctiveWords(db),
    };
  })();
}

function dailyFlow(db: Database, since: string, today: string): ReadingStats['daily'] {
  // Arrivals walk papers_added_order; triage walks papers_triaged_at (migration 005).
  const arrived = new Map(
    prepared<[string], { day: string; count: number }>(
      db,
      `SELECT substr(added_at, 1, 10) AS day, count(*) AS count FROM papers WHERE added_at >= ? GROUP BY day`,
    ).all(since).map((row) => [row.day, row.count]),
  );
  const triaged = new Map(
    prepared<[string], { day: string; count: number }>(
      db,
      `SELECT substr(triaged_at, 1, 10) AS day, count(*) AS count FROM papers WHERE triaged_at >= ? GROUP BY day`,
    ).all(since).map((row) => [row.day, row.count]),
  );
  // The inbox at the end of the day before the window: arrivals up to then, minus what left the inbox by then.
  const before = prepared<[string, string], { arrived: number; triaged: number }>(
    db,
    `SELECT (SELECT count(*) FROM papers WHERE added_at < ?) AS arrived,
       (SELECT count(*) FROM papers WHERE triaged_at < ?) AS triaged`,
  ).get(since, since);
  let inbox = Math.max(0, (before?.arrived ?? 0) - (before?.triaged ?? 0));
  return daysBetween(since, today).map((day) => {
    const dayArrived = arrived.get(day) ?? 0;
    const dayTriaged = triaged.get(day) ?? 0;
    inbox = Math.max(0, inbox + dayArrived - dayTriaged);
    return { day, arrived: dayArrived, triaged: dayTriaged, inbox };
  });
}

function readPerWeek(db: Database, since: string, today: string): ReadingStats['readPerWeek'] {
  const weeks = new Map<string, number>();
  for (let day = mondayOf(since); day <= today; day = dayBefore(day, -7)) weeks.set(day, 0);
  const rows = prepared<[string], { day: string; count: number }>(
    db,
    `SELECT substr(read_at, 1, 10) AS day, count(*) AS count FROM papers WHERE status = 'read' AND read_at >= ? GROUP BY day`,
  ).all(since);
  for (const row of rows) {
    const week = mondayOf(row.day);
    weeks.set(week, (weeks.get(week) ?? 0) + row.count);
  }
  return [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, count]) => ({ day, count }));
}

const READ_BUCKETS: { label: string; upTo: number }[] = [
  { label: 'same day', upTo: 1 },
  { label: '1–3 days', upTo: 4 },
  { label: '4–7 days', upTo: 8 },
  { label: '1–4 weeks', upTo: 29 },
  { label: 'later', upTo: Number.POSITIVE_INFINITY },
];

function arrivalToRead(db: Database, since: string): ReadingStats['arrivalToRead'] {
  const waits = prepared<[string], number>(
    db,
    `SELECT julianday(read_at) - julianday(added_at) FROM papers WHERE status = 'read' AND read_at >= ?`,
  )
    .pluck()
    .all(since)
    .map((days) => Math.max(0, days));
  const buckets = READ_BUCKETS.map((bucket) => ({ label: bucket.label, count: 0 }));
  for (const wait of waits) {
    const index = READ_BUCKETS.findIndex((bucket) => wait < bucket.upTo);
    const bucket = buckets[index];
    if (bucket) bucket.count += 1;
  }
  const sorted = [...waits].sort((a, b) => a - b);
  const median = sorted.length === 0 ? null : Math.round((sorted[Math.floor((sorted.length - 1) / 2)] ?? 0) * 10) / 10;
  return { buckets, medianDays: median };
}

function monthsFrom(since: string, rows: { month: string }[]): string[] {
  return [...new Set(rows.map((row) => row.month))].filter((month) => month >= since.slice(0, 7)).sort();
}

function tagsByMonth(db: Database, since: string): ReadingStats['tagsByMonth'] {
  const rows = prepared<[string], { name: string; month: string; count: number }>(
    db,
    `SELECT t.name, substr(p.added_at, 1, 7) AS month, count(*) AS count
     FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id JOIN papers p ON p.id = pt.paper_id
     WHERE p.added_at >= ? GROUP BY t.name, month`,
  ).all(since);
  return pivot(rows, monthsFrom(since, rows), 6);
}

function sourcesByMonth(db: Database, since: string): ReadingStats['sourcesByMonth'] {
  const rows = prepared<[string], { name: string; month: string; count: number }>(
    db,
    `SELECT format AS name, substr(imported_at, 1, 7) AS month, sum(paper_count) AS count
     FROM digests WHERE imported_at >= ? GROUP BY format, month`,
  ).all(since);
  const { months, tags } = pivot(rows, monthsFrom(since, rows), 8);
  return { months, sources: tags };
}

/** Rows of (name, month, count) as one series per name over the months, the `limit` largest names. */
function pivot(rows: { name: string; month: string; count: number }[], months: string[], limit: number) {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.name, (totals.get(row.name) ?? 0) + row.count);
  const names = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([name]) => name);
  const series = names.map((name) => ({ name, counts: months.map((month) => rows.find((row) => row.name === name && row.month === month)?.count ?? 0) }));
  return { months, tags: series };
}
