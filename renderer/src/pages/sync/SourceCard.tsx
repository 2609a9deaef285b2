/** One source: what it is, how it went last time, its history, and what can be done with it. */
import { useState } from 'react';
import type { SourceSummary } from '../../../../electron/shared/types';
import { useClient } from '../../app/context';
import { Icon } from '../../components/Icon';
import type { ToastMessage } from '../../components/Toast';
import { useT } from '../../i18n';
import { useAction } from '../../app/useAction';
import { useConfirm } from '../../components/useConfirm';

const when = (ms: number): string => new Date(ms).toLocaleString('zh-CN', { hour12: false });
const icons = { folder: 'topics', feed: 'sync', manifest: 'library' } as const;

export function SourceCard({ source, busy, onSync, toast }: { source: SourceSummary; busy: boolean; onSync: () => void; toast: (m: ToastMessage) => void }) {
  const { run } = useAction(toast);
  const { confirm, dialog } = useConfirm();
  const { t } = useT();
  const client = useClient();
  const [editingToken, setEditingToken] = useState(false);
  const [token, setToken] = useState('');

  const remove = async (): Promise<void> => {
    if (!(await confirm({ text: t('sync.remove.confirm', { name: source.name, n: source.documents }), confirmLabel: t('sync.remove'), danger: true }))) return;
    await run(async () => {
      await client.removeSource({ id: source.id });
      toast({ text: t('sync.removed', { name: source.name }) });
    });
  };
  const saveToken = async (): Promise<void> => {
    await run(async () => {
      await client.setSourceToken({ id: source.id, token });
      setEditingToken(false);
      setToken('');
    });
  };

  return (
    <li className="source-card" data-testid="source-card">
      <div className="source-head">
        <span className={`source-icon kind-${source.kind}`}><Icon name={icons[source.kind]} size={20} /></span>
        <div className="source-title">
          <strong>{source.name}</strong>
          <span className="muted small">{t(`sync.kind.${source.kind}`)} · {source.path ?? source.url}</span>
        </div>
        <span className="spacer" />
        <button type="button" onClick={onSync} disabled={busy}>{t('sync.one')}</button>
        {source.kind === 'manifest' && (
          <button type="button" className="ghost" onClick={() => setEditingToken((v) => !v)}>{t('sync.token.set')}</button>
        )}
        <button type="button" className="ghost" onClick={() => void remove()}>{t('sync.remove')}</button>
      </div>
      <div className="source-meta muted small">
        {t('sync.docs', { n: source.documents })} · {source.lastSyncAt ? t('sync.last', { when: when(source.lastSyncAt) }) : t('sync.never')}
        {source.kind === 'manifest' && !source.hasToken && <span className="tag warn">{t('sync.noToken')}</span>}
      </div>
      {source.lastError && <p className="error small">{source.lastError}</p>}
      {editingToken && (
        <div className="token-row">
          <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} placeholder={t('sync.field.token')} />
          <button type="button" className="primary" disabled={!token.trim()} onClick={() => void saveToken()}>{t('sync.token.save')}</button>
        </div>
      )}
      {source.history.length > 0 && (
        <details>
          <summary className="small">{t('sync.history')}</summary>
          <ol className="history small">
            {source.history.map((run) => (
              <li key={run.at}>
                <span className="muted">{when(run.at)}</span> {t('sync.history.row', { added: run.added, updated: run.updated, unchanged: run.unchanged, failed: run.failed })}
                {run.errors.map((e, i) => <div key={i} className="error">{e}</div>)}
              </li>
            ))}
          </ol>
        </details>
      )}
      {dialog}
    </li>
  );
}
