/**
 * An in-app confirmation (instead of the browser's `confirm()`): a message and two buttons;
 * Enter confirms, Escape cancels, focus starts on the safe choice. With `input`, it asks for a
 * line of text instead (the browser's `prompt()`): focus starts in the box, Enter confirms it.
 *
 * @example
 * {asking && <ConfirmDialog text="删除 3 篇资料？" confirmLabel="删除" danger onConfirm={go} onCancel={() => setAsking(false)} />}
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';

export function ConfirmDialog({ text, confirmLabel, danger, input, onConfirm, onCancel }: { text: string; confirmLabel?: string; danger?: boolean; input?: string; onConfirm(value: string): void; onCancel(): void }) {
  const { t } = useT();
  const cancel = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(input ?? '');
  useEffect(() => {
    if (input !== undefined) box.current?.select();
    else cancel.current?.focus();
  }, [input]);
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
        {input !== undefined && (
          <input ref={box} className="prompt-input" value={value} onChange={(e) => setValue(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && onConfirm(value)} data-testid="prompt-input" />
        )}
        <div className="modal-actions">
          <button ref={cancel} type="button" onClick={onCancel}>{t('common.cancel')}</button>
          <button type="button" className={danger ? 'primary danger' : 'primary'} onClick={() => onConfirm(value)} data-testid="confirm-ok">{confirmLabel ?? t('common.ok')}</button>
        </div>
      </div>
    </div>
  );
}
