import { describe, expect, it } from 'vitest';
import { formatDate } from './format-date.ts';

describe('dates shown as precisely as they are known', () => {
  it('a year alone stays a year, a month a month', () => {
    expect(formatDate('2019')).toBe('2019');
    expect(formatDate('2019-09')).toBe(new Date(Date.UTC(2019, 8, 1)).toLocaleDateString(undefined, { year: 'numeric', month: 'short', timeZone: 'UTC' }));
    expect(formatDate('2019-09')).not.toMatch(/\b1\b/);
  });

  it('a day is that day in any time zone, a timestamp is shown in the reader\'s own', () => {
    expect(formatDate('2019-09-30')).toBe(new Date(Date.UTC(2019, 8, 30)).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }));
    expect(formatDate('2026-03-11T10:00:00.000Z')).toBe(new Date('2026-03-11T10:00:00.000Z').toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' }));
    expect(formatDate(null)).toBeNull();
    expect(formatDate('not a date')).toBe('not a date');
  });
});
