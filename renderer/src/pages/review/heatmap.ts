/**
 * The calendar of reviews: the last `weeks` weeks as columns of seven days (Monday first), each
 * day with its count and a level 0–4 for its shade (quartiles of the days with reviews).
 *
 * @example
 * heatmap([{ day: '2026-12-07', reviews: 12 }], new Date(2026, 11, 7), 26);
 * // → 26 columns; the last holds 2026-12-07 with count 12, level 4
 */
export interface HeatDay {
  day: string;
  count: number;
  level: 0 | 1 | 2 | 3 | 4;
}

const key = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export function heatmap(days: readonly { day: string; reviews: number }[], today: Date, weeks: number): HeatDay[][] {
  const counts = new Map(days.map((d) => [d.day, d.reviews]));
  const sorted = days.map((d) => d.reviews).filter((n) => n > 0).sort((a, b) => a - b);
  const q = (p: number): number => sorted[Math.floor(p * (sorted.length - 1))] ?? 0;
  const cuts = [q(0.25), q(0.5), q(0.75)];
  const level = (n: number): HeatDay['level'] => (n <= 0 ? 0 : n <= cuts[0]! ? 1 : n <= cuts[1]! ? 2 : n <= cuts[2]! ? 3 : 4);
  // The Monday of the first week shown.
  const end = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  const monday = new Date(end);
  monday.setDate(end.getDate() - ((end.getDay() + 6) % 7) - 7 * (weeks - 1));
  const columns: HeatDay[][] = [];
  for (let w = 0; w < weeks; w++) {
    const column: HeatDay[] = [];
    for (let d = 0; d < 7; d++) {
      const date = new Date(monday);
      date.setDate(monday.getDate() + w * 7 + d);
      if (date > end) break;
      const count = counts.get(key(date)) ?? 0;
      column.push({ day: key(date), count, level: level(count) });
    }
    columns.push(column);
  }
  return columns;
}
