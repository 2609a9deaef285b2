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

/** Marks the needles in the nodes; returns how many occurrences it marked. */
export function markText(nodes: readonly (Text | null | undefined)[], needles: readonly string[], first: number): number {
  const dom = domIndex(nodes.filter((n): n is Text => Boolean(n)));
  const occurrences = findVisible(dom, needles);
  wrapRanges(
    dom,
    occurrences.map(([from, to], k) => ({
      from,
      to,
      make: () => {
        const mark = document.createElement('mark');
        mark.dataset.mark = String(first + k);
        mark.dataset.testid = 'reader-mark';
        return mark;
      },
    })),
  );
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
