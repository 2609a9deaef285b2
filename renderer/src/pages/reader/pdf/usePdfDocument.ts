/**
 * Opens a PDF for the view and keeps every page's size: page 1's for all at first (so a
 * 1,300-page layout exists at once), each page's own as it is drawn.
 *
 * @example
 * const { pdf, sizes, setSize, error } = usePdfDocument(url);
 */
import { useCallback, useEffect, useState } from 'react';
import type { PageSize } from './layout';
import { openPdf, type PDFDocumentProxy } from './pdfjs';

export function usePdfDocument(url: string): { pdf?: PDFDocumentProxy; sizes: PageSize[]; setSize(n: number, size: PageSize): void; error?: string } {
  const [pdf, setPdf] = useState<PDFDocumentProxy>();
  const [sizes, setSizes] = useState<PageSize[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let open: PDFDocumentProxy | undefined;
    let cancelled = false;
    setPdf(undefined);
    setError(undefined);
    openPdf(url)
      .then(async (doc) => {
        open = doc;
        const first = (await doc.getPage(1)).getViewport({ scale: 1 });
        if (cancelled) return;
        setSizes(Array.from({ length: doc.numPages }, () => [first.width, first.height] as const));
        setPdf(doc);
      })
      .catch((e: Error) => !cancelled && setError(e.message));
    return () => {
      cancelled = true;
      void open?.destroy();
    };
  }, [url]);

  const setSize = useCallback((n: number, size: PageSize) => {
    setSizes((old) => {
      const known = old[n - 1];
      if (!known || (Math.abs(known[0] - size[0]) < 0.5 && Math.abs(known[1] - size[1]) < 0.5)) return old;
      const next = old.slice();
      next[n - 1] = size;
      return next;
    });
  }, []);

  return { pdf, sizes, setSize, error };
}
