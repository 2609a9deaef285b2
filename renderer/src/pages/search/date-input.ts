/**
 * Reads a date as candidates type it in a filter box — 2024, 2024-3, 2024/03/05, 2024年3月5日,
 * 2024.3 — into the `YYYY`, `YYYY-MM` or `YYYY-MM-DD` the search filters take. Empty is no
 * filter; anything else is `null` (shown as an error, not sent).
 *
 * @example
 * parseDateInput('2024年3月');   // → '2024-03'
 * parseDateInput('2024/3/5');   // → '2024-03-05'
 * parseDateInput('');           // → undefined
 * parseDateInput('明年');        // → null
 */
export function parseDateInput(raw: string): string | undefined | null {
  const s = raw.trim().replace(/[日号]$/, '');
  if (!s) return undefined;
  const m = /^(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?)?\s*月?$/.exec(s);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (mo === undefined) return y!;
  const month = Number(mo);
  if (month < 1 || month > 12) return null;
  if (d === undefined) return `${y}-${String(month).padStart(2, '0')}`;
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (day < 1 || day > last) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
