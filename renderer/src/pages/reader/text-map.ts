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

const isSpace = (ch: string): boolean => /\s/u.test(ch);
const foldedLength = (ch: string): number => ch.normalize('NFKC').replace(/\s/gu, '').length;

/** For each visible character of `text`, its offset in `text` (and the end offset after it). */
export function visibleIndex(text: string): { at: Int32Array; end: Int32Array } {
  const at: number[] = [];
  const end: number[] = [];
  let i = 0;
  for (const ch of text) {
    if (!isSpace(ch)) for (let k = foldedLength(ch); k > 0; k--) {
      at.push(i);
      end.push(i + ch.length);
    }
    i += ch.length;
  }
  return { at: Int32Array.from(at), end: Int32Array.from(end) };
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

/** Visible characters of text nodes: which node and where in it. */
export interface DomIndex {
  nodes: Text[];
  node: Int32Array;
  offset: Int32Array;
  length: Int32Array;
}

export function domIndex(nodes: Text[]): DomIndex {
  const node: number[] = [];
  const offset: number[] = [];
  const length: number[] = [];
  nodes.forEach((n, k) => {
    let i = 0;
    for (const ch of n.data) {
      if (!isSpace(ch)) for (let f = foldedLength(ch); f > 0; f--) {
        node.push(k);
        offset.push(i);
        length.push(ch.length);
      }
      i += ch.length;
    }
  });
  return { nodes, node: Int32Array.from(node), offset: Int32Array.from(offset), length: Int32Array.from(length) };
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
    if (k < 0) return index.node.length;
  }
  for (let v = 0; v < index.node.length; v++) if (index.node[v]! > k || (index.node[v] === k && index.offset[v]! >= at)) return v;
  return index.node.length;
}

/** Wraps visible characters `[from, to)` of each range in an element made by `make`. */
export function wrapRanges(index: DomIndex, ranges: { from: number; to: number; make: () => HTMLElement }[]): void {
  // Pieces per node, applied from the end of each node so earlier offsets stay valid.
  const pieces = new Map<number, { start: number; end: number; make: () => HTMLElement }[]>();
  for (const r of ranges) {
    let v = Math.max(0, r.from);
    const to = Math.min(r.to, index.node.length);
    while (v < to) {
      const k = index.node[v]!;
      const start = index.offset[v]!;
      let end = start + index.length[v]!;
      while (v + 1 < to && index.node[v + 1] === k) {
        v++;
        end = index.offset[v]! + index.length[v]!;
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
