/**
 * Maps between offsets in a document's stored text and places in the page's DOM (the article's
 * paragraphs, a PDF page's text layer). Both hold the same characters apart from whitespace (and
 * compatibility forms, folded with NFKC), so both are indexed by "visible character number":
 * the n-th non-whitespace character after folding. A highlight's `[start, end)` becomes pieces
 * of text nodes to wrap, and a selection becomes `[start, end)` again.
 *
 * @example
 * const text = visibleIndex('为 基层减负');          // offsets of 为, 基, 层, 减, 负
 * const dom = domIndex(textNodesOf(body));
 * wrapRanges(dom, [{ from: 1, to: 5, make: () => mark }]);  // wraps 基层减负
 */
import { foldChar } from '../../../../electron/shared/fold';

/**
 * NFKC and lower case of one character, whitespace dropped: how search compares text. A soft
 * hyphen is dropped too: the importer removes it where a PDF line wraps at one.
 */
const fold = (ch: string): string => foldChar(ch).replace(/[\s\u00ad]/gu, '');

/**
 * The visible characters of some strings, folded, with where each came from: string `item[v]`,
 * offset `at[v]`, `len[v]` code units there (a character folding to several shares its source).
 */
export interface VisibleText {
  text: string;
  item: Int32Array;
  at: Int32Array;
  len: Int32Array;
}

export function indexVisible(strings: readonly string[]): VisibleText {
  let text = '';
  const item: number[] = [];
  const at: number[] = [];
  const len: number[] = [];
  strings.forEach((str, k) => {
    let i = 0;
    for (const ch of str) {
      const folded = /[\s\u00ad]/u.test(ch) ? '' : fold(ch);
      for (let f = 0; f < folded.length; f++) {
        item.push(k);
        at.push(i);
        len.push(ch.length);
      }
      text += folded;
      i += ch.length;
    }
  });
  return { text, item: Int32Array.from(item), at: Int32Array.from(at), len: Int32Array.from(len) };
}

/** For each visible character of `text`, its offset in `text` (and the end offset after it). */
export function visibleIndex(text: string): { at: Int32Array; end: Int32Array } {
  const { at, len } = indexVisible([text]);
  return { at, end: at.map((a, v) => a + len[v]!) };
}

/** First visible character at or after text offset `offset`. */
export function visibleAt(index: { at: Int32Array }, offset: number): number {
  let lo = 0;
  let hi = index.at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.at[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Visible characters of text nodes: `item` is the node's number in `nodes`. */
export type DomIndex = VisibleText & { nodes: Text[] };

export function domIndex(nodes: Text[]): DomIndex {
  return { nodes, ...indexVisible(nodes.map((n) => n.data)) };
}

/** The visible character number of a DOM point (a selection's end), or -1 if outside the nodes. */
export function visibleOfPoint(index: DomIndex, container: Node, offset: number): number {
  let k = index.nodes.indexOf(container as Text);
  let at = offset;
  if (k < 0) {
    // An element point: the first text node at or after it.
    const el = container.childNodes[offset] ?? container;
    k = index.nodes.findIndex((n) => el === n || Boolean(el.compareDocumentPosition(n) & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY)));
    at = 0;
    if (k < 0) return index.item.length;
  }
  for (let v = 0; v < index.item.length; v++) if (index.item[v]! > k || (index.item[v] === k && index.at[v]! >= at)) return v;
  return index.item.length;
}

/** Wraps visible characters `[from, to)` of each range in an element made by `make`. */
export function wrapRanges(index: DomIndex, ranges: { from: number; to: number; make: () => HTMLElement }[]): void {
  // Pieces per node, applied from the end of each node so earlier offsets stay valid.
  const pieces = new Map<number, { start: number; end: number; make: () => HTMLElement }[]>();
  for (const r of ranges) {
    let v = Math.max(0, r.from);
    const to = Math.min(r.to, index.item.length);
    while (v < to) {
      const k = index.item[v]!;
      const start = index.at[v]!;
      let end = start + index.len[v]!;
      while (v + 1 < to && index.item[v + 1] === k) {
        v++;
        end = index.at[v]! + index.len[v]!;
      }
      v++;
      const list = pieces.get(k) ?? [];
      list.push({ start, end, make: r.make });
      pieces.set(k, list);
    }
  }
  for (const [k, list] of pieces) {
    const node = index.nodes[k]!;
    // From the end backwards: the node keeps the text before each piece, so offsets stay valid.
    for (const piece of list.sort((a, b) => b.start - a.start)) {
      if (piece.end > node.data.length) continue;
      node.splitText(piece.end);
      const middle = node.splitText(piece.start);
      const wrapper = piece.make();
      middle.replaceWith(wrapper);
      wrapper.appendChild(middle);
    }
  }
}
