/**
 * An in-app confirmation (instead of the browser's `confirm()`): a message and two buttons;
 * Enter confirms, Escape cancels, focus starts on the safe choice.
 *
 * @example
 * {asking && <ConfirmDialog text="删除 3 篇资料？" confirmLabel="删除" danger onConfirm={go} onCancel={() => setAsking(false)} />}
 */
import { useEffect, useRef } from 'react';
import { useT } from '../i18n';

export function ConfirmDialog({ text, confirmLabel, danger, onConfirm, onCancel }: { text: string; confirmLabel?: string; danger?: boolean; onConfirm(): void; onCancel(): void }) {
  const { t } = useT();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="modal-backdrop" onClick={onCancel}>
      <div
        className="modal confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-label={text}
        data-testid="confirm-dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
          e.stopPropagation();
        }}
      >
        <p>{text}</p>
        <div className="modal-actions">
          <button ref={cancel} type="button" onClick={onCancel}>{t('common.cancel')}</button>
          <button type="button" className={danger ? 'primary danger' : 'primary'} onClick={onConfirm} data-testid="confirm-ok">{confirmLabel ?? t('common.ok')}</button>
        </div>
      </div>
    </div>
  );
}
