/**
 * Joins pdf.js text items into the text of a page, in reading order: items are grouped into lines
 * by their baseline, each line read left to right; a space is put between two items only where
 * the PDF leaves a gap and neither side is Chinese (pdf.js reports gaps between CJK glyphs that a
 * reader never sees). Compatibility characters from browser-printed PDFs (⼤ for 大, ﬁ) are
 * folded with NFKC; Chinese full-width punctuation is kept as written.
 *
 * @example
 * joinItems([{ str: '基层', x: 10, y: 700, width: 20, height: 10 }, { str: '减负', x: 31, y: 700, width: 20, height: 10 }]);
 * // → '基层减负'
 */
import { foldRadicals } from '../../text/radicals.js';

export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  hasEOL?: boolean;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

/** Radicals to characters, NFKC for compatibility ideographs and ligatures; nothing else. */
export function foldCompatibility(text: string): string {
  return foldRadicals(text).replace(/[\uf900-\ufaff\ufb00-\ufb06]/g, (ch) => ch.normalize('NFKC'));
}

export function joinItems(items: TextItem[]): string {
  const visible = items.filter((item) => item.str.length > 0);
  if (!visible.length) return '';
  // Lines: items whose baselines are within half a line height of each other.
  const lines: TextItem[][] = [];
  for (const item of visible) {
    const tolerance = Math.max(2, (item.height || 10) * 0.5);
    const line = lines.find((l) => Math.abs(l[0]!.y - item.y) <= tolerance);
    if (line) line.push(item);
    else lines.push([item]);
  }
  lines.sort((a, b) => b[0]!.y - a[0]!.y);
  const out: string[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let text = '';
    let prev: TextItem | undefined;
    for (const item of line) {
      if (prev) {
        const gap = item.x - (prev.x + prev.width);
        const last = text[text.length - 1] ?? '';
        const next = item.str[0] ?? '';
        const spaced = /\s/.test(last) || /\s/.test(next);
        if (!spaced && gap > (item.height || 10) * 0.2 && !CJK.test(last) && !CJK.test(next)) text += ' ';
      }
      text += item.str;
      prev = item;
    }
    const trimmed = text.replace(/[ \t]+/g, ' ').trim();
    if (trimmed) out.push(trimmed);
  }
  return foldCompatibility(out.join('\n'));
}
