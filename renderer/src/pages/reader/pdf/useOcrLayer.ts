/**
 * The lines OCR read on a scanned PDF's pages, by page number, fetched again each time another
 * page is done (the document's `ocr.done` grows while it is read).
 *
 * @example
 * const ocr = useOcrLayer(doc); // → { 1: [{ str: '坚持以人民为中心', transform, width, height }, …], … }
 */
import { useEffect, useState } from 'react';
import type { DocumentDetail, OcrItem } from '../../../../../electron/shared/types';
import { useClient } from '../../../app/context';

const EMPTY: Record<string, OcrItem[]> = {};

export function useOcrLayer(doc: DocumentDetail): Record<string, OcrItem[]> {
  const client = useClient();
  const [layer, setLayer] = useState(EMPTY);
  const done = doc.ocr?.done ?? 0;
  useEffect(() => {
    if (!done) return setLayer(EMPTY);
    let live = true;
    client.ocrLayer({ id: doc.id }).then(
      (pages) => live && setLayer(pages),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, doc.id, done]);
  return layer;
}
