/**
 * Joins pdf.js text items into the text of a page as it reads: items are grouped into lines by
 * their baseline, each line read left to right; a space is put between two items only where the
 * PDF leaves a gap and neither side is Chinese (pdf.js reports gaps between CJK glyphs that a
 * reader never sees). Lines that a paragraph wraps over are joined (see `paragraphs.ts`): two
 * Chinese characters with nothing between them, Latin words with one space. Compatibility
 * characters from browser-printed PDFs (⼤ for 大, ﬁ) are folded with NFKC; Chinese full-width
 * punctuation is kept as written.
 *
 * Only whitespace differs from the items' own characters (and a soft hyphen at a wrap is
 * dropped): the reader, which indexes pdf.js's text layer by visible characters in the same line
 * order (`renderer/…/pdf/reading-order.ts`), lands marks and highlights on the right glyphs.
 *
 * @example
 * joinItems([{ str: '基层', x: 10, y: 700, width: 20, height: 10 }, { str: '减负', x: 31, y: 700, width: 20, height: 10 }]);
 * // → '基层减负'
 */
import { foldRadicals } from '../../../shared/fold.js';
import { joinLines, type Line } from './paragraphs.js';

export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  hasEOL?: boolean;
}

/** A page's text, and how its first and last lines meet the pages around it. */
export interface PageText {
  text: string;
  /** The first body line starts at the left margin: it may continue the page before's paragraph. */
  opensInRun: boolean;
  /** The last body line runs to the right margin: its paragraph may go on on the next page. */
  endsInRun: boolean;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

/** Radicals to characters, NFKC for compatibility ideographs and ligatures; nothing else. */
export function foldCompatibility(text: string): string {
  return foldRadicals(text).replace(/[\uf900-\ufaff\ufb00-\ufb06]/g, (ch) => ch.normalize('NFKC'));
}

/**
 * The line's first unbreakable piece: a Latin or digit word, or one Chinese character with the
 * opening marks before it and the closing marks after it (no line may start with 」 or end with
 * “, so 见》） moves to the next line whole). Its width is what the line before needed to hold it.
 */
const LEAD = /^[“‘《〈「『【〔（([]*(?:[\p{L}\p{N}]*[\p{Script=Latin}\p{Nd}][\p{L}\p{N}]*|.)[”’》〉」』】〕）)\]，。、；：！？…,.;:!?]*/u;

function leadWidth(items: TextItem[], text: string): number {
  let chars = LEAD.exec(text)?.[0].length ?? 1;
  let width = 0;
  for (const item of items) {
    if (chars <= 0) break;
    const n = item.str.length;
    if (!n) continue;
    const take = Math.min(chars, n);
    width += (item.width * take) / n;
    chars -= take;
  }
  return width;
}

/** Items grouped into lines (baselines within half a line height), top to bottom, left to right. */
function linesOf(items: TextItem[]): Line[] {
  const groups: TextItem[][] = [];
  for (const item of items) {
    if (!item.str.length) continue;
    const tolerance = Math.max(2, (item.height || 10) * 0.5);
    const line = groups.find((l) => Math.abs(l[0]!.y - item.y) <= tolerance);
    if (line) line.push(item);
    else groups.push([item]);
  }
  groups.sort((a, b) => b[0]!.y - a[0]!.y);
  const lines: Line[] = [];
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let prev: TextItem | undefined;
    let x1 = -Infinity;
    const sizes: number[] = [];
    for (const item of group) {
      if (prev) {
        const gap = item.x - (prev.x + prev.width);
        const last = text[text.length - 1] ?? '';
        const next = item.str[0] ?? '';
        const spaced = /\s/.test(last) || /\s/.test(next);
        if (!spaced && gap > (item.height || 10) * 0.2 && !CJK.test(last) && !CJK.test(next)) text += ' ';
      }
      text += item.str;
      prev = item;
      x1 = Math.max(x1, item.x + item.width);
      if (item.str.trim()) sizes.push(item.height || 10);
    }
    const trimmed = text.replace(/[ \t]+/g, ' ').trim();
    if (!trimmed) continue;
    sizes.sort((a, b) => a - b);
    const first = group.find((item) => item.str.trim())!;
    lines.push({ text: trimmed, x0: first.x, x1, y: group[0]!.y, size: sizes[sizes.length >> 1] ?? 10, lead: leadWidth(group, trimmed) });
  }
  return lines;
}

/** The page's text with wrapped lines joined, and whether it opens and ends inside a paragraph. */
export function layoutPage(items: TextItem[]): PageText {
  const { text, opensInRun, endsInRun } = joinLines(linesOf(items));
  return { text: foldCompatibility(text), opensInRun, endsInRun };
}

export function joinItems(items: TextItem[]): string {
  return layoutPage(items).text;
}
