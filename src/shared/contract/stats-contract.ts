import { z } from 'zod';
import { operation } from './operation.ts';

export interface DayCount {
  day: string;
  count: number;
}

/** The figures of the Stats view and of `sift stats --json`, computed once in the library core. */
export interface ReadingStats {
  /** The last day covered (today, in UTC) and how many days back the daily series go. */
  today: string;
  days: number;
  /** Per day, oldest first: papers that arrived, papers triaged (left the inbox), inbox size at day's end. */
  daily: { day: string; arrived: number; triaged: number; inbox: number }[];
  /** Papers marked read per week (Monday), oldest first. */
  readPerWeek: DayCount[];
  inboxZero: { current: number; longest: number };
  /** Days from arrival to read, for papers read: buckets and the median. */
  arrivalToRead: { buckets: { label: string; count: number }[]; medianDays: number | null };
  /** Tags on papers by the month the papers arrived (the most used tags). */
  tagsByMonth: { months: string[]; tags: { name: string; counts: number[] }[] };
  /** Papers brought by each kind of digest, per month. */
  sourcesByMonth: { months: string[]; sources: { name: string; counts: number[] }[] };
  /** Title words that set apart what the reader kept from what they skipped. */
  topWords: { kept: { word: string; count: number }[]; skipped: { word: string; count: number }[] };
}

export const statsContract = {
  getReadingStats: operation<ReadingStats>()('stats:get', z.object({ days: z.number().int().min(7).max(3660).default(90) })),
};
