/**
 * Marks occurrences of phrases in text nodes, for both views of the reader: an article's
 * paragraphs and a PDF page's text layer (one node per pdf.js text item). A phrase may run over
 * several nodes; each node it covers is split into text and `<mark data-mark=N>` elements, numbered
 * through the document from `first`.
 *
 * @example
 * markText(textNodesOf(article), ['基层减负'], 0); // → 3: marks numbered 0, 1, 2
 */
import { findVisible } from './text-match';
import { domIndex, wrapRanges } from './text-map';

/** The text nodes under `root`, in document order. */
export function textNodesOf(root: Node): Text[] {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/**
 * Marks the needles in the nodes, numbered from `first`; returns how many occurrences it marked.
 * `pieces` are parts of a match that runs over a page break, in visible characters of the nodes,
 * each marked with its match's own number (the two pages' pieces of one match share it).
 */
export function markText(nodes: readonly (Text | null | undefined)[], needles: readonly string[], first: number, pieces: readonly { from: number; to: number; mark: number }[] = []): number {
  const dom = domIndex(nodes.filter((n): n is Text => Boolean(n)));
  const make = (n: number) => () => {
    const mark = document.createElement('mark');
    mark.dataset.mark = String(n);
    mark.dataset.testid = 'reader-mark';
    return mark;
  };
  const occurrences = needles.length ? findVisible(dom, needles) : [];
  const clear = (from: number, to: number): boolean => occurrences.every(([f, t]) => to <= f || from >= t);
  wrapRanges(dom, [
    ...occurrences.map(([from, to], k) => ({ from, to, make: make(first + k) })),
    ...pieces.filter((p) => p.to > p.from && clear(p.from, p.to)).map((p) => ({ from: p.from, to: p.to, make: make(p.mark) })),
  ]);
  return occurrences.length;
}

/**
 * Scrolls `scroller` (only it, not the window or other ancestors) so that `el` is in its middle.
 *
 * @example
 * centerIn(scrollerElement, document.querySelector('mark.current')!);
 */
export function centerIn(scroller: HTMLElement, el: Element): void {
  const outer = scroller.getBoundingClientRect();
  const inner = el.getBoundingClientRect();
  scroller.scrollTop += inner.top + inner.height / 2 - (outer.top + outer.height / 2);
  if (inner.left < outer.left || inner.right > outer.right) scroller.scrollLeft += inner.left + inner.width / 2 - (outer.left + outer.width / 2);
}
