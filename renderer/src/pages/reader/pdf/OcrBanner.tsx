/**
 * What OCR is doing with the scanned PDF open in the reader, and what the user can do about it:
 * reading it (page n of N: 暂停, 停止), waiting its turn or paused (现在识别, 继续), not read
 * (识别文字), or done (a quiet note that its text was read by OCR and may hold errors).
 *
 * @example
 * <OcrBanner doc={doc} toast={toast} />
 */
import type { ReactNode } from 'react';
import type { DocumentDetail, OcrStatus } from '../../../../../electron/shared/types';
import { useAction } from '../../../app/useAction';
import { useClient } from '../../../app/context';
import { useOcrStatus } from '../../../app/useOcrStatus';
import type { ToastMessage } from '../../../components/Toast';
import { useT } from '../../../i18n';

export function OcrBanner({ doc, toast }: { doc: DocumentDetail; toast: (m: ToastMessage) => void }) {
  const { t } = useT();
  const client = useClient();
  const { run, running } = useAction(toast);
  const [status, setStatus] = useOcrStatus();
  const ocr = doc.ocr;
  // A PDF with text on every page has nothing to read.
  if (doc.kind !== 'pdf' || (!doc.scanned && !ocr?.total) || !status) return null;
  const act = (name: string, action: () => Promise<OcrStatus>) => void run(async () => setStatus(await action()), name);
  const start = () => act('start', () => client.ocrDocument({ id: doc.id, action: 'start' }));
  const here = status.current?.docId === doc.id;
  const finished = ocr && ocr.total > 0 && ocr.done >= ocr.total;
  let text: string;
  let buttons: ReactNode;
  if (status.error && !finished) {
    text = t('ocr.broken');
    buttons = <button type="button" disabled={running === 'start'} onClick={start} data-testid="ocr-start">{t('ocr.retry')}</button>;
  } else if (finished) {
    text = ocr.failed ? t('ocr.doneFailed', { n: ocr.failed }) : t('ocr.done');
    buttons = <></>;
  } else if (status.state === 'paused' && (here || ocr?.state !== 'cancelled')) {
    text = t('ocr.paused', { done: ocr?.done ?? 0, total: ocr?.total ?? doc.pages?.length ?? 0 });
    buttons = <button type="button" disabled={running === 'resume'} onClick={() => act('resume', () => client.ocrControl({ action: 'resume' }))} data-testid="ocr-resume">{t('ocr.resume')}</button>;
  } else if (here) {
    text = t('ocr.reading', { page: status.current!.page, done: status.current!.done, total: status.current!.total });
    buttons = (
      <>
        <button type="button" onClick={() => act('pause', () => client.ocrControl({ action: 'pause' }))} data-testid="ocr-pause">{t('ocr.pause')}</button>
        <button type="button" className="ghost" onClick={() => act('cancel', () => client.ocrDocument({ id: doc.id, action: 'cancel' }))} data-testid="ocr-cancel">{t('ocr.cancel')}</button>
      </>
    );
  } else if (ocr?.state !== 'cancelled' && (status.auto || ocr?.state === 'requested')) {
    text = t('ocr.waiting', { done: ocr?.done ?? 0, total: ocr?.total ?? doc.pages?.length ?? 0 });
    buttons = <button type="button" disabled={running === 'start'} onClick={start} data-testid="ocr-start">{t('ocr.now')}</button>;
  } else {
    text = ocr?.done ? t('ocr.partial', { done: ocr.done, total: ocr.total }) : t('ocr.none');
    buttons = <button type="button" disabled={running === 'start'} onClick={start} data-testid="ocr-start">{t('ocr.start')}</button>;
  }
  return (
    <div className={`ocr-banner${finished ? ' quiet' : ''}`} role="status" data-testid="ocr-banner">
      <span>{text}</span>
      {buttons}
    </div>
  );
}
