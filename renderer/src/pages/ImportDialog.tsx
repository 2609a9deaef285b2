/** Import by path: one or more files or folders, separated by `;`. Shows the outcome as a toast. */
import { useState, type FormEvent } from 'react';
import { useClient } from '../app/context';
import type { ToastMessage } from '../components/Toast';
import { failureText } from '../api/error-text';
import { useT } from '../i18n';
import { useAction } from '../app/useAction';

export function ImportDialog({ onClose, toast }: { onClose: () => void; toast: (m: ToastMessage) => void }) {
  const { run } = useAction(toast);
  const { t, lang } = useT();
  const client = useClient();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const paths = value.split(';').map((p) => p.trim()).filter(Boolean);
    if (!paths.length) return;
    setBusy(true);
    await run(async () => {
      const r = await client.addPaths({ paths });
      toast({
        text: t('library.import.done', { added: r.added.length, updated: r.updated.length, unchanged: r.unchanged.length, failed: r.failed.length }) +
          (r.failed.length ? ` — ${failureText(r.failed[0]!, lang)}` : ''),
      });
      onClose();
    });
    setBusy(false);
  };

  return (
    <div className="modal-backdrop" onClick={onClose}>
      <form className="modal" onSubmit={(e) => void submit(e)} onClick={(e) => e.stopPropagation()}>
        <label htmlFor="import-path">{t('library.import.prompt')}</label>
        <input
          id="import-path"
          autoFocus
          value={value}
          placeholder={t('library.import.placeholder')}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && onClose()}
        />
        <div className="modal-actions">
          <button type="button" className="ghost" onClick={onClose}>{t('library.import.cancel')}</button>
          <button type="submit" className="primary" disabled={busy}>{busy ? '…' : t('library.import.run')}</button>
        </div>
      </form>
    </div>
  );
}
