/**
 * One page of the PDF view, drawn when it comes near the viewport and dropped when it leaves:
 * the canvas at the screen's pixel density, pdf.js's text layer over it (selectable, searchable),
 * and the reader's marks in that text layer.
 *
 * @example
 * <PdfPage doc={doc} n={12} scale={1.4} width={857} height={1109} needles={['基层减负']} firstMark={7} onDrawn={…} />
 */
import { useEffect, useRef } from 'react';
import { markText } from '../marks';
import { pdfjs, type PDFDocumentProxy } from './pdfjs';
import type { PageSize } from './layout';
import { readingOrder } from './reading-order';

export interface PdfPageProps {
  doc: PDFDocumentProxy;
  n: number;
  scale: number;
  top: number;
  width: number;
  height: number;
  /** What to mark on this page (empty: nothing). */
  needles: readonly string[];
  /** Number of the first mark on this page (marks are numbered through the document). */
  firstMark: number;
  /** The page's real size, once known. */
  onSize(n: number, size: PageSize): void;
  /** Called when canvas and text layer are done. */
  onDrawn(n: number, marks: number): void;
  label: string;
  /** A page just outside the viewport: drawn a moment later, so the visible ones come first. */
  deferred?: boolean;
}

/** How long a page outside the viewport waits before it is drawn: the visible ones (canvas and text layer, ~250–450 ms for a page of a large PDF) go first. */
const DEFER_MS = 500;

export function PdfPage({ doc, n, scale, top, width, height, needles, firstMark, onSize, onDrawn, label, deferred = false }: PdfPageProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const needleKey = needles.join('\u0000');

  useEffect(() => {
    let cancelled = false;
    const canvas = canvasRef.current!;
    const textBox = textRef.current!;
    let cancelRender: (() => void) | undefined;
    let cancelText: (() => void) | undefined;
    void (async () => {
      if (deferred) await new Promise((resolve) => setTimeout(resolve, DEFER_MS));
      if (cancelled) return;
      const lib = await pdfjs();
      const page = await doc.getPage(n);
      if (cancelled) return;
      const base = page.getViewport({ scale: 1 });
      onSize(n, [base.width, base.height]);
      const viewport = page.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      // The picture first (what the reader sees), then the text layer over it.
      const task = page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
      cancelRender = () => task.cancel();
      await task.promise;
      if (cancelled) return;
      sectionRef.current?.setAttribute('data-shown', '');
      const content = await page.getTextContent({ disableNormalization: true });
      if (cancelled) return;
      textBox.replaceChildren();
      const layer = new lib.TextLayer({ textContentSource: content, container: textBox, viewport });
      cancelText = () => layer.cancel();
      await layer.render();
      let marks = 0;
      if (needles.length) {
        // Text items in the order the importer read them, so that what search found is found here.
        const items = content.items.filter((item) => 'str' in item);
        const order = readingOrder(items.map((item) => ({ str: item.str, x: item.transform[4], y: item.transform[5], height: item.height })));
        marks = markText(order.map((i) => layer.textDivs[i]?.firstChild as Text | null), needles, firstMark);
      }
      if (cancelled) return;
      sectionRef.current?.setAttribute('data-drawn', '');
      onDrawn(n, marks);
    })().catch((error: Error) => {
      if (!cancelled && error.name !== 'RenderingCancelledException' && error.name !== 'AbortException') console.warn(`page ${n}:`, error.message);
    });
    return () => {
      cancelled = true;
      cancelRender?.();
      cancelText?.();
      sectionRef.current?.removeAttribute('data-shown');
      sectionRef.current?.removeAttribute('data-drawn');
      // Free the bitmap now rather than when the element is collected.
      canvas.width = 0;
      canvas.height = 0;
    };
  }, [doc, n, scale, needleKey, firstMark]); // redraw on page, scale and what is marked only

  return (
    <section ref={sectionRef} className="pdf-page" data-page={n} aria-label={label} style={{ top, width, height, ['--total-scale-factor' as string]: scale }}>
      <canvas ref={canvasRef} style={{ width, height }} />
      <div ref={textRef} className="textLayer" />
    </section>
  );
}
