/**
 * 设置 › 文字识别: automatic OCR of scanned PDFs on or off, and the queue as it stands (the file
 * and page being read, how many wait), with 暂停 / 继续.
 *
 * @example
 * <OcrSettings toast={toast} />
 */
import { useEffect, useState } from 'react';
import { useAction } from '../../app/useAction';
import { useClient } from '../../app/context';
import { useOcrStatus } from '../../app/useOcrStatus';
import type { ToastMessage } from '../../components/Toast';
import { useT } from '../../i18n';

export function OcrSettings({ toast }: { toast: (m: ToastMessage) => void }) {
  const { t } = useT();
  const client = useClient();
  const { run, running } = useAction(toast);
  const [status, setStatus] = useOcrStatus();
  const [auto, setAuto] = useState<boolean>();
  useEffect(() => {
    void client.getPreferences({}).then((p) => setAuto(p.autoOcr), () => undefined);
  }, [client]);
  const line = !status
    ? ''
    : status.error
      ? t('ocr.broken')
      : status.state === 'paused'
      ? t('ocr.status.paused', { queued: status.queued })
      : status.current
        ? t('ocr.status.running', { title: status.current.title, page: status.current.page, done: status.current.done, total: status.current.total, queued: Math.max(0, status.queued - 1) })
        : t('ocr.status.idle');
  return (
    <section className="settings-group" aria-labelledby="settings-ocr">
      <h2 id="settings-ocr">{t('settings.ocr')}</h2>
      <label className="setting">
        <input
          type="checkbox"
          checked={auto ?? false}
          disabled={auto === undefined || running !== undefined}
          data-testid="settings-auto-ocr"
          onChange={(e) => {
            const on = e.currentTarget.checked;
            void run(async () => {
              setAuto((await client.setPreferences({ autoOcr: on })).autoOcr);
              setStatus(await client.ocrStatus({}));
            }, 'auto');
          }}
        />
        <span>{t('ocr.auto')}</span>
        <span className="muted small">{t('ocr.autoHint')}</span>
      </label>
      <div className="settings-actions" data-testid="settings-ocr-status">
        <span className={status?.error ? 'setting-hint warn' : 'setting-hint'} title={status?.error}>{line}</span>
        {status?.state === 'running' && <button type="button" onClick={() => void run(async () => setStatus(await client.ocrControl({ action: 'pause' })), 'pause')}>{t('ocr.pause')}</button>}
        {status?.state === 'paused' && <button type="button" onClick={() => void run(async () => setStatus(await client.ocrControl({ action: 'resume' })), 'resume')}>{t('ocr.resume')}</button>}
      </div>
    </section>
  );
}
