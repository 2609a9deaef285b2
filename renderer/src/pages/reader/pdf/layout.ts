/**
 * Where each page of a PDF sits in the scrolling column: pages stacked with a gap, every page's
 * height known (from its own size once loaded, from page 1's until then). Answers "which pages
 * are in view" by binary search, so a 1,300-page document costs nothing to scroll.
 *
 * @example
 * const layout = pageLayout([[612, 792], [612, 792]], 1.5, 16);
 * layout.top(2);              // → 1204: page 2 starts after page 1 (792 × 1.5) and one gap
 * layout.pageAt(1300);        // → 2
 * layout.visible(0, 800);     // → [1, 2]
 */

/** A page's size in PDF points, `[width, height]`. */
export type PageSize = readonly [number, number];

export interface PageLayout {
  /** Total height of the column in CSS pixels. */
  height: number;
  /** Top of page `n` (1-based). */
  top(n: number): number;
  /** Height of page `n` on screen. */
  heightOf(n: number): number;
  /** Width of page `n` on screen. */
  widthOf(n: number): number;
  /** The page under offset `y` (1-based, clamped). */
  pageAt(y: number): number;
  /** First and last page that overlap `[y, y + h)`. */
  visible(y: number, h: number): [number, number];
}

export function pageLayout(sizes: readonly PageSize[], scale: number, gap: number): PageLayout {
  const n = sizes.length;
  const tops = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) tops[i + 1] = tops[i]! + sizes[i]![1] * scale + gap;
  const pageAt = (y: number): number => {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (tops[mid]! <= y) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(1, lo + 1);
  };
  return {
    height: n ? tops[n]! - gap : 0,
    top: (page) => tops[Math.min(Math.max(page, 1), n) - 1] ?? 0,
    heightOf: (page) => (sizes[page - 1]?.[1] ?? 0) * scale,
    widthOf: (page) => (sizes[page - 1]?.[0] ?? 0) * scale,
    pageAt,
    visible: (y, h) => [pageAt(y), pageAt(y + Math.max(0, h - 1))],
  };
}

/**
 * The outline entry the page being read is in: the last one (in the outline's order) that starts
 * on or before it; -1 before the first.
 */
export function sectionAt(outline: readonly { page?: number }[] | undefined, page: number): number {
  let best = -1;
  let bestPage = 0;
  (outline ?? []).forEach((entry, i) => {
    if (entry.page && entry.page <= page && entry.page >= bestPage) {
      best = i;
      bestPage = entry.page;
    }
  });
  return best;
}
