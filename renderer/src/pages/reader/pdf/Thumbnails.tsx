/**
 * The PDF view's thumbnails: a virtualized column of small page images, drawn only while in
 * view (after a short pause, so that flinging through 1,300 pages draws nothing on the way), each
 * under its printed page label; the page being read is marked and kept in view.
 *
 * @example
 * <Thumbnails doc={pdf} count={1300} current={12} go={goTo} />
 */
import { useEffect, useMemo, useRef } from 'react';
import { VirtualList } from '../../../components/VirtualList';
import type { PDFDocumentProxy } from './pdfjs';

const WIDTH = 120;

function Thumb({ doc, n, label, active, go }: { doc: PDFDocumentProxy; n: number; label: string; active: boolean; go: (n: number) => void }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let cancelled = false;
    let cancel: (() => void) | undefined;
    const canvas = canvasRef.current!;
    const timer = setTimeout(() => {
      void doc.getPage(n).then((page) => {
        if (cancelled) return;
        const base = page.getViewport({ scale: 1 });
        const viewport = page.getViewport({ scale: WIDTH / base.width });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        const task = page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport });
        cancel = () => task.cancel();
        return task.promise;
      }).catch(() => undefined);
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      cancel?.();
      canvas.width = 0;
    };
  }, [doc, n]);
  return (
    <button type="button" className={`thumb${active ? ' active' : ''}`} onClick={() => go(n)} aria-current={active ? 'page' : undefined} data-testid="pdf-thumb">
      <canvas ref={canvasRef} />
      <span>{label}</span>
    </button>
  );
}

export function Thumbnails({ doc, count, ratio, current, go, labelOf }: { doc: PDFDocumentProxy; count: number; ratio: number; current: number; go: (n: number) => void; labelOf: (n: number) => string }) {
  const pages = useMemo(() => Array.from({ length: count }, (_, i) => i + 1), [count]);
  return (
    <VirtualList
      items={pages}
      rowHeight={Math.round(WIDTH * ratio) + 34}
      overscan={2}
      testId="pdf-thumbnails"
      follow={current - 1}
      render={(n) => <Thumb doc={doc} n={n} label={labelOf(n)} active={n === current} go={go} />}
    />
  );
}
