/**
 * 搜索历史: the last queries that found something, newest first, kept in the browser's storage
 * (per library window; nothing leaves the machine). A query is remembered once the user has
 * stayed on its results a moment, so the prefixes typed on the way are not.
 *
 * @example
 * remembered(['基层减负'], '形式主义'); // → ['形式主义', '基层减负']
 * remembered(['a', 'b'], 'b');           // → ['b', 'a']
 */
export const HISTORY_KEY = 'yandu.searchHistory';
export const HISTORY_MAX = 8;

/** The list with `query` first (moved there if it was in it), at most {@link HISTORY_MAX}. */
export function remembered(history: readonly string[], query: string): string[] {
  const q = query.trim();
  if (!q) return [...history];
  return [q, ...history.filter((h) => h !== q)].slice(0, HISTORY_MAX);
}

export function loadHistory(): string[] {
  try {
    const list = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string').slice(0, HISTORY_MAX) : [];
  } catch {
    return [];
  }
}

export function saveHistory(history: readonly string[]): void {
  localStorage.setItem(HISTORY_KEY, JSON.stringify(history));
}
