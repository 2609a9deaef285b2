import { describe, expect, it } from 'vitest';
import { heatmap } from './heatmap';

describe('the calendar of reviews', () => {
  it('lays the last weeks out Monday first, ending today, shaded by quartile', () => {
    const today = new Date(2026, 11, 9); // a Wednesday
    const cols = heatmap([{ day: '2026-12-09', reviews: 40 }, { day: '2026-12-01', reviews: 1 }, { day: '2026-12-02', reviews: 10 }, { day: '2026-11-30', reviews: 20 }], today, 3);
    expect(cols).toHaveLength(3);
    expect(cols[0]![0]!.day).toBe('2026-11-23'); // Monday two weeks before
    expect(cols[2]!.map((d) => d.day)).toEqual(['2026-12-07', '2026-12-08', '2026-12-09']); // up to today
    expect(cols[2]![2]).toEqual({ day: '2026-12-09', count: 40, level: 4 });
    expect(cols[1]![1]).toMatchObject({ day: '2026-12-01', count: 1, level: 1 });
    expect(cols[1]![3]).toMatchObject({ count: 0, level: 0 });
  });
});
