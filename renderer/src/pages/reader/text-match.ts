/**
 * Finds phrases in a page's text layer: pdf.js draws one span per text item, and a phrase may
 * run over several (a line break, a change of font). The items' characters are compared after
 * NFKC and lower case with whitespace left out, the way search compares text, and each
 * occurrence comes back as the piece of every item it covers.
 *
 * @example
 * findInItems(['基层', '减 负工作'], ['基层减负']);
 * // → [[{ item: 0, start: 0, end: 2 }, { item: 1, start: 0, end: 3 }]]
 */

import { indexVisible, type VisibleText } from './text-map';

/** The part `[start, end)` of item `item`'s string. */
export interface ItemRange {
  item: number;
  start: number;
  end: number;
}

/** Every occurrence of any of `needles` in an index, as `[from, to)` visible characters, in order, without overlaps. */
export function findVisible(index: VisibleText, needles: readonly string[]): [number, number][] {
  const wanted = [...new Set(needles.map((n) => indexVisible([n]).text).filter(Boolean))];
  const found: [number, number][] = [];
  for (const needle of wanted) {
    for (let i = index.text.indexOf(needle); i >= 0; i = index.text.indexOf(needle, i + needle.length)) found.push([i, i + needle.length]);
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: [number, number][] = [];
  let end = -1;
  for (const [from, to] of found) {
    if (from < end) continue;
    end = to;
    out.push([from, to]);
  }
  return out;
}

/** Every occurrence of any of `needles` in the items, in page order, without overlaps. */
export function findInItems(items: readonly string[], needles: readonly string[]): ItemRange[][] {
  const index = indexVisible(items);
  return findVisible(index, needles).map(([from, to]) => {
    const ranges: ItemRange[] = [];
    for (let k = from; k < to; k++) {
      const last = ranges[ranges.length - 1];
      const item = index.item[k]!;
      const stop = index.at[k]! + index.len[k]!;
      if (last && last.item === item) last.end = Math.max(last.end, stop);
      else ranges.push({ item, start: index.at[k]!, end: stop });
    }
    return ranges;
  });
}
