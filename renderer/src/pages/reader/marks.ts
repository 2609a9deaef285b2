/**
 * Marks occurrences of phrases in text nodes, for both views of the reader: an article's
 * paragraphs and a PDF page's text layer (one node per pdf.js text item). A phrase may run over
 * several nodes; each node it covers is split into text and `<mark data-mark=N>` elements, numbered
 * through the document from `first`.
 *
 * @example
 * markText(textNodesOf(article), ['基层减负'], 0); // → 3: marks numbered 0, 1, 2
 */
import { findInItems, type ItemRange } from './text-match';

/** The text nodes under `root`, in document order. */
export function textNodesOf(root: Node): Text[] {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** Marks the needles in the nodes; returns how many occurrences it marked. */
export function markText(nodes: readonly (Text | null | undefined)[], needles: readonly string[], first: number): number {
  const items = nodes.map((n) => n?.data ?? '');
  const occurrences = findInItems(items, needles);
  const byItem = new Map<number, (ItemRange & { mark: number })[]>();
  occurrences.forEach((ranges, k) => {
    for (const range of ranges) {
      const list = byItem.get(range.item) ?? [];
      list.push({ ...range, mark: first + k });
      byItem.set(range.item, list);
    }
  });
  for (const [item, ranges] of byItem) {
    const node = nodes[item];
    if (!node) continue;
    const doc = node.ownerDocument;
    const text = node.data;
    const parts: Node[] = [];
    let at = 0;
    for (const range of ranges.sort((a, b) => a.start - b.start)) {
      if (range.start > at) parts.push(doc.createTextNode(text.slice(at, range.start)));
      const mark = doc.createElement('mark');
      mark.dataset.mark = String(range.mark);
      mark.dataset.testid = 'reader-mark';
      mark.textContent = text.slice(range.start, range.end);
      parts.push(mark);
      at = range.end;
    }
    if (at < text.length) parts.push(doc.createTextNode(text.slice(at)));
    node.replaceWith(...parts);
  }
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
