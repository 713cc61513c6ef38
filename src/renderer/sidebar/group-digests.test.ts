import { describe, expect, it } from 'vitest';
import type { DigestSummary } from '../../shared/domain.ts';
import { groupDigests } from './group-digests.ts';

function digest(id: number, digestDate: string | null, importedAt = '2026-03-20T08:00:00.000Z'): DigestSummary {
  return { id, sourceName: `${id}.json`, format: 'hf-daily-json', digestDate, importedAt, paperCount: 10, untriaged: id % 2 };
}

describe('digests grouped as they accumulate', () => {
  it('a handful of digests stay a flat list', () => {
    expect(groupDigests([digest(1, '2026-03-19'), digest(2, '2026-03-18')])).toBeNull();
  });

  it('recent weeks one by one, older months together, newest first, with what is still waiting', () => {
    const days = Array.from({ length: 120 }, (_, index) => new Date(Date.UTC(2026, 2, 20) - index * 86_400_000).toISOString().slice(0, 10));
    const groups = groupDigests(days.map((day, index) => digest(index + 1, day))) ?? [];
    expect(groups[0]?.label).toMatch(/^Week of Mar 16, 2026$/);
    expect(groups[0]?.digests.map((item) => item.digestDate)).toEqual(['2026-03-20', '2026-03-19', '2026-03-18', '2026-03-17', '2026-03-16']);
    expect(groups.filter((group) => group.key.startsWith('week-'))).toHaveLength(8);
    expect(groups.at(-1)?.label).toMatch(/November 2025/);
    expect(groups.reduce((sum, group) => sum + group.digests.length, 0)).toBe(120);
    expect(groups[0]?.untriaged).toBe(3);
  });

  it('a dateless digest goes under the week it arrived', () => {
    const many = Array.from({ length: 11 }, (_, index) => digest(index + 2, `2025-0${(index % 9) + 1}-10`));
    const groups = groupDigests([digest(1, null, '2026-03-20T08:00:00.000Z'), ...many]) ?? [];
    expect(groups[0]?.digests[0]?.id).toBe(1);
  });
});
