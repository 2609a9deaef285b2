/**
 * The reader's selection as offsets of the document's stored text: in the article view through
 * the article's text nodes, in the PDF view through each page's text layer in reading order (a
 * selection may run over pages). Returns nothing for a selection outside the document's text.
 *
 * @example
 * const range = selectedRange(window.getSelection(), doc); // → { start: 120, end: 131 } or undefined
 */
import type { DocumentDetail } from '../../../../electron/shared/types';
import { textNodesOf } from './marks';
import { orderedSpans } from './pdf/PdfPage';
import { domIndex, visibleIndex, visibleOfPoint } from './text-map';

/** Offset in `text` of visible character `v` (its start), or of the text's end. */
const offsetOf = (index: ReturnType<typeof visibleIndex>, v: number, end: boolean): number => {
  if (end) return v > 0 ? index.end[Math.min(v, index.at.length) - 1]! : 0;
  return v < index.at.length ? index.at[v]! : (index.end[index.end.length - 1] ?? 0);
};

/** Where a DOM point falls in the stored text (whole-text offset), or undefined. */
function pointToOffset(doc: DocumentDetail, node: Node, offset: number, end: boolean): number | undefined {
  const el = node instanceof Element ? node : node.parentElement;
  const layer = el?.closest<HTMLElement>('.textLayer');
  if (layer && doc.pages) {
    const page = Number(layer.closest('[data-page]')?.getAttribute('data-page'));
    const spans = orderedSpans.get(layer);
    if (!page || !spans) return undefined;
    const text = doc.pages[page - 1] ?? '';
    const v = visibleOfPoint(domIndex(spans.flatMap((s) => textNodesOf(s))), node, offset);
    let begin = 0;
    for (let p = 0; p < page - 1; p++) begin += (doc.pages[p]?.length ?? 0) + 1;
    return begin + offsetOf(visibleIndex(text), v, end);
  }
  const body = el?.closest<HTMLElement>('.reader-body');
  if (body && doc.text !== undefined) {
    const index = visibleIndex(doc.text);
    const dom = domIndex(textNodesOf(body));
    const skipped = Math.max(0, index.at.length - dom.item.length);
    return offsetOf(index, visibleOfPoint(dom, node, offset) + skipped, end);
  }
  return undefined;
}

export function selectedRange(selection: Selection | null, doc: DocumentDetail): { start: number; end: number } | undefined {
  if (!selection || selection.isCollapsed || !selection.rangeCount || !selection.toString().trim()) return undefined;
  const range = selection.getRangeAt(0);
  const start = pointToOffset(doc, range.startContainer, range.startOffset, false);
  const end = pointToOffset(doc, range.endContainer, range.endOffset, true);
  if (start === undefined || end === undefined || end <= start) return undefined;
  return { start, end };
}
