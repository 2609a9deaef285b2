/**
 * A local calendar day as `YYYY-MM-DD` (what a date box holds and what 复习 counts by): the
 * user's own calendar, not UTC, so 23:30 in Beijing is still today.
 *
 * @example
 * dayOf(new Date(2026, 11, 8, 23, 30).getTime()); // → '2026-12-08'
 */
export const dayOf = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
