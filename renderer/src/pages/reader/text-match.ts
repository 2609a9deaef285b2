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

/** The part `[start, end)` of item `item`'s string. */
export interface ItemRange {
  item: number;
  start: number;
  end: number;
}

/** NFKC and lower case of one character; what the search normalization does, for the browser. */
const fold = (ch: string): string => ch.normalize('NFKC').toLowerCase();

/** Text with whitespace removed and folded, and where each of its characters came from. */
function flatten(items: readonly string[]): { text: string; item: number[]; at: number[]; len: number[] } {
  let text = '';
  const item: number[] = [];
  const at: number[] = [];
  const len: number[] = [];
  items.forEach((str, i) => {
    let k = 0;
    for (const ch of str) {
      if (!/\s/u.test(ch)) {
        const folded = fold(ch).replace(/\s/gu, '');
        for (let j = 0; j < folded.length; j++) {
          item.push(i);
          at.push(k);
          len.push(ch.length);
        }
        text += folded;
      }
      k += ch.length;
    }
  });
  return { text, item, at, len };
}

/** Every occurrence of any of `needles` in the items, in page order, without overlaps. */
export function findInItems(items: readonly string[], needles: readonly string[]): ItemRange[][] {
  const flat = flatten(items);
  const wanted = [...new Set(needles.map((n) => flatten([n]).text).filter(Boolean))];
  const found: [number, number][] = [];
  for (const needle of wanted) {
    for (let i = flat.text.indexOf(needle); i >= 0; i = flat.text.indexOf(needle, i + needle.length)) found.push([i, i + needle.length]);
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: ItemRange[][] = [];
  let end = -1;
  for (const [from, to] of found) {
    if (from < end) continue;
    end = to;
    const ranges: ItemRange[] = [];
    for (let k = from; k < to; k++) {
      const last = ranges[ranges.length - 1];
      const item = flat.item[k]!;
      const stop = flat.at[k]! + flat.len[k]!;
      if (last && last.item === item) last.end = Math.max(last.end, stop);
      else ranges.push({ item, start: flat.at[k]!, end: stop });
    }
    out.push(ranges);
  }
  return out;
}
