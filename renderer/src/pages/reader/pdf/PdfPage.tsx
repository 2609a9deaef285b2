/**
 * One page of the PDF view, drawn when it comes near the viewport and dropped when it leaves:
 * the canvas at the screen's pixel density first, then pdf.js's text layer over it (selectable),
 * with the user's highlights and the search marks drawn in that text layer. A change of
 * highlights or marks redraws the text layer only.
 *
 * @example
 * <PdfPage doc={doc} n={12} scale={1.4} top={0} width={857} height={1109} text={pages[11]} highlights={[]} needles={['基层减负']} firstMark={7} … />
 */
import { useEffect, useRef, useState } from 'react';
import type { Highlight, OcrItem } from '../../../../../electron/shared/types';
import { drawHighlights } from '../highlight-marks';
import { markText, textNodesOf } from '../marks';
import { visibleAt, visibleIndex } from '../text-map';
import type { PageSize } from './layout';
import { ocrContent } from './ocr-content';
import { pdfjs, type PDFDocumentProxy, type PDFPageProxy } from './pdfjs';
import { readingOrder } from './reading-order';

/** Part of a search match that runs over a page break: `[start, end)` of the page's stored text, and the match's number. */
export interface Piece {
  start: number;
  end: number;
  mark: number;
}

/** Each text layer's spans in the importer's reading order (for selections and marks). */
export const orderedSpans = new WeakMap<HTMLElement, HTMLElement[]>();

export interface PdfPageProps {
  doc: PDFDocumentProxy;
  n: number;
  scale: number;
  top: number;
  width: number;
  height: number;
  /** The page's stored text (what highlights' offsets refer to). */
  text: string;
  /** Highlights on this page, with their offsets in `text`. */
  highlights: { h: Highlight; start: number; end: number }[];
  /** What to mark on this page (empty: nothing). */
  needles: readonly string[];
  /** Number of the first mark on this page (marks are numbered through the document). */
  firstMark: number;
  /** Pieces of matches that run over this page's top or bottom edge. */
  pieces?: readonly Piece[];
  /** The page's real size, once known. */
  onSize(n: number, size: PageSize): void;
  /** Called when canvas and text layer are done. */
  onDrawn(n: number, marks: number): void;
  label: string;
  fuzzyTitle: string;
  /** A page just outside the viewport: drawn a moment later, so the visible ones come first. */
  deferred?: boolean;
  /** A scanned page's lines as OCR read them: its text layer instead of the PDF's (which has none). */
  ocrItems?: readonly OcrItem[];
}

/** How long a page outside the viewport waits before it is drawn: the visible ones (canvas and text layer, ~250–450 ms for a page of a large PDF) go first. */
const DEFER_MS = 500;

export function PdfPage({ doc, n, scale, top, width, height, text, highlights, needles, firstMark, pieces = [], onSize, onDrawn, label, fuzzyTitle, deferred = false, ocrItems }: PdfPageProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const [page, setPage] = useState<PDFPageProxy>();
  const needleKey = needles.join('\u0000') + pieces.map((p) => `|${p.start}:${p.end}:${p.mark}`).join('');
  const highlightKey = highlights.map(({ h, start, end }) => `${h.id}:${h.color}:${h.status}:${start}:${end}:${h.note ?? ''}`).join('|');

  // The picture.
  useEffect(() => {
    let cancelled = false;
    const canvas = canvasRef.current!;
    let cancelRender: (() => void) | undefined;
    void (async () => {
      if (deferred) await new Promise((resolve) => setTimeout(resolve, DEFER_MS));
      if (cancelled) return;
      const proxy = await doc.getPage(n);
      if (cancelled) return;
      const base = proxy.getViewport({ scale: 1 });
      onSize(n, [base.width, base.height]);
      const viewport = proxy.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      const task = proxy.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
      cancelRender = () => task.cancel();
      await task.promise;
      if (cancelled) return;
      sectionRef.current?.setAttribute('data-shown', '');
      setPage(proxy);
    })().catch((error: Error) => {
      if (!cancelled && error.name !== 'RenderingCancelledException') console.warn(`page ${n}:`, error.message);
    });
    return () => {
      cancelled = true;
      cancelRender?.();
      sectionRef.current?.removeAttribute('data-shown');
      // Free the bitmap now rather than when the element is collected.
      canvas.width = 0;
      canvas.height = 0;
    };
  }, [doc, n, scale]); // redraw on page and scale only

  // The text layer, with highlights and marks.
  useEffect(() => {
    if (!page) return;
    let cancelled = false;
    let cancelText: (() => void) | undefined;
    const box = textRef.current!;
    void (async () => {
      const lib = await pdfjs();
      const content = ocrItems?.length ? ocrContent(ocrItems) : await page.getTextContent({ disableNormalization: true });
      if (cancelled) return;
      box.replaceChildren();
      const viewport = page.getViewport({ scale });
      const layer = new lib.TextLayer({ textContentSource: content, container: box, viewport });
      cancelText = () => layer.cancel();
      await layer.render();
      if (cancelled) return;
      // Spans in the order the importer read the page, so offsets and phrases agree with search.
      const items = content.items.filter((item) => 'str' in item);
      const order = readingOrder(items.map((item) => ({ str: item.str, x: item.transform[4], y: item.transform[5], height: item.height })));
      const spans = order.map((i) => layer.textDivs[i]).filter((d): d is HTMLElement => Boolean(d));
      orderedSpans.set(box, spans);
      const nodes = (): Text[] => spans.flatMap((span) => textNodesOf(span));
      drawHighlights(nodes(), text, highlights, fuzzyTitle);
      // Pieces are placed by offset in the stored text, which has the text layer's visible characters.
      const visible = visibleIndex(text);
      const placed = pieces.map((p) => ({ from: visibleAt(visible, p.start), to: visibleAt(visible, p.end), mark: p.mark }));
      const marks = needles.length || placed.length ? markText(nodes(), needles, firstMark, placed) : 0;
      sectionRef.current?.setAttribute('data-drawn', '');
      onDrawn(n, marks);
    })().catch((error: Error) => {
      if (!cancelled && error.name !== 'AbortException') console.warn(`page ${n} text:`, error.message);
    });
    return () => {
      cancelled = true;
      cancelText?.();
      sectionRef.current?.removeAttribute('data-drawn');
    };
  }, [page, scale, needleKey, firstMark, highlightKey, text, ocrItems]); // redraw the text layer when what is marked changes

  return (
    <section ref={sectionRef} className="pdf-page" data-page={n} aria-label={label} style={{ top, width, height, ['--total-scale-factor' as string]: scale }}>
      <canvas ref={canvasRef} style={{ width, height }} />
      <div ref={textRef} className="textLayer" />
    </section>
  );
}
