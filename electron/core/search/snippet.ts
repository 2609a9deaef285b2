/**
 * Snippets for search results: a window of the original text around the first match, with every
 * match inside it marked by `[start, end)` ranges that index into the snippet. Matching happens on
 * the normalized text (see `normalize.ts`); the snippet shows the text as written.
 *
 * @example
 * makeSnippet('整治形式主义，为基层减负。', ['基层减负'], 10);
 * // → { snippet: '…主义，为基层减负。', ranges: [[5, 9]] }
 */
import { normalize, normalizeWithMap } from './normalize.js';

export interface Snippet {
  snippet: string;
  ranges: [number, number][];
}

/** All `[start, end)` occurrences of each needle in `text`, sorted, overlapping ones merged. */
export function findAll(text: string, needles: string[]): [number, number][] {
  const found: [number, number][] = [];
  for (const needle of needles) {
    if (!needle) continue;
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      found.push([at, at + needle.length]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last && range[0] < last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * Matches in the original text near the first one. Long texts are not mapped whole: the first
 * match is found in the quickly normalized text, then only a window around it is mapped back.
 */
function matchesAround(original: string, needles: string[], width: number): [number, number][] {
  const whole = (): [number, number][] => {
    const norm = normalizeWithMap(original);
    return findAll(norm.text, needles).map((r) => norm.toOriginal(r));
  };
  if (original.length < 4 * width) return whole();
  const fast = normalize(original);
  const firsts = needles.map((n) => (n ? fast.indexOf(n) : -1)).filter((i) => i >= 0);
  if (!firsts.length) return [];
  const drift = Math.abs(original.length - fast.length);
  const first = Math.min(...firsts);
  let start = Math.max(0, first - width - drift);
  const end = Math.min(original.length, first + 2 * width + drift);
  if (start > 0 && /[\uDC00-\uDFFF]/.test(original[start] ?? '')) start--;
  const win = normalizeWithMap(original.slice(start, end));
  const found = findAll(win.text, needles).map((r) => win.toOriginal(r).map((x) => x + start) as [number, number]);
  return found.length ? found : whole();
}

/**
 * Cuts about `width` characters of `original` around the first occurrence of any of the
 * (already normalized) needles. Line breaks become spaces, one for one, so offsets hold.
 */
export function makeSnippet(original: string, needles: string[], width = 120): Snippet {
  const matches = matchesAround(original, needles, width);
  const center = matches[0]?.[0] ?? 0;
  let start = Math.max(0, center - Math.floor(width / 3));
  const end = Math.min(original.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  // Do not split a surrogate pair at either edge.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(original[start] ?? '')) start--;
  const lead = start > 0 ? '…' : '';
  const tail = end < original.length ? '…' : '';
  const body = original.slice(start, end).replace(/[\r\n\t]/g, ' ');
  const ranges = matches
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s - start + lead.length, e - start + lead.length] as [number, number]);
  return { snippet: `${lead}${body}${tail}`, ranges };
}
