/**
 * The OCR queue's state, kept current from core's `ocr.progress` events (and read once at first).
 *
 * @example
 * const status = useOcrStatus(); // → { state: 'running', auto: true, current: { docId, page: 3, done: 2, total: 12, … }, queued: 1 }
 */
import { useEffect, useState } from 'react';
import type { OcrStatus } from '../../../electron/shared/types';
import { useClient } from './context';

export function useOcrStatus(): [OcrStatus | undefined, (status: OcrStatus) => void] {
  const client = useClient();
  const [status, setStatus] = useState<OcrStatus>();
  useEffect(() => {
    let live = true;
    client.ocrStatus({}).then(
      (s) => live && setStatus(s),
      () => undefined,
    );
    const stop = client.subscribe((event) => {
      if (event.type === 'ocr.progress') setStatus(event.status);
    });
    return () => {
      live = false;
      stop();
    };
  }, [client]);
  return [status, setStatus];
}
