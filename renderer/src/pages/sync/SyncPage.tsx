/**
 * 同步: the sources (watched folders, feeds, member manifests) with their history, a sync of all
 * or one with progress bars, cancel, and — on first use — the offer to watch the download folder.
 */
import { useEffect, useState } from 'react';
import { useClient } from '../../app/context';
import { EmptyState } from '../../components/EmptyState';
import type { ToastMessage } from '../../components/Toast';
import { useT } from '../../i18n';
import { AddSourceForm } from './AddSourceForm';
import { SourceCard } from './SourceCard';
import { useSync } from './useSync';
import { errorText, failureText } from '../../api/error-text';

export function SyncPage({ toast }: { toast: (m: ToastMessage) => void }) {
  const { t, lang } = useT();
  const client = useClient();
  const { sources, progress, report, error, setError, run, cancel } = useSync();
  const [downloadsDir, setDownloadsDir] = useState<string>();

  useEffect(() => {
    client.libraryInfo({}).then((info) => setDownloadsDir(info.downloadsDir), () => undefined);
  }, [client]);

  const busy = Boolean(progress);
  const watchingDownloads = sources?.some((s) => s.kind === 'folder' && s.path === downloadsDir);
  const watchDownloads = async (): Promise<void> => {
    try {
      await client.addSource({ kind: 'folder', path: downloadsDir! });
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  return (
    <section className="page narrow">
      <header className="page-head">
        <h1>{t('sync.title')}</h1>
        <span className="spacer" />
        {busy ? (
          <button type="button" onClick={() => void cancel()}>{t('sync.cancel')}</button>
        ) : (
          <button type="button" className="primary" onClick={() => void run()}>{t("sync.all")}</button>
        )}
      </header>
      <p className="muted">{t('sync.intro')}</p>

      {downloadsDir && sources && !watchingDownloads && (
        <div className="banner" data-testid="suggest-downloads">
          <span>{t('sync.suggest', { path: downloadsDir })}</span>
          <button type="button" className="primary" onClick={() => void watchDownloads()}>{t('sync.suggest.action')}</button>
        </div>
      )}

      {progress && (
        <div className="progress-box" data-testid="sync-progress">
          <div>{t('sync.running', { done: progress.done, total: progress.total || '…' })} <span className="muted small">{progress.current}</span></div>
          <progress max={progress.total || 1} value={progress.total ? progress.done : undefined} />
          {progress.bytes?.total ? <progress className="thin" max={progress.bytes.total} value={progress.bytes.received} /> : null}
        </div>
      )}
      {error && <p className="error">{error}</p>}
      {report && !progress && (
        <div className="report" data-testid="sync-report">
          <p>{t('sync.done', { added: report.added.length, updated: report.updated.length, unchanged: report.unchanged.length, failed: report.failed.length })}</p>
          {report.failed.length > 0 && (
            <details open={report.failed.length <= 5}>
              <summary>{t('sync.failures')}</summary>
              <ul className="failures">{report.failed.map((f, i) => <li key={i}><code>{f.path}</code> — {failureText(f, lang)}</li>)}</ul>
            </details>
          )}
        </div>
      )}

      {sources && sources.length === 0 && <EmptyState icon="sync" title={t('sync.empty.title')} body={t('sync.empty.body')} />}
      {sources && sources.length > 0 && (
        <ul className="sources" data-testid="sources">
          {sources.map((source) => <SourceCard key={source.id} source={source} busy={busy} onSync={() => void run(source.id)} toast={toast} />)}
        </ul>
      )}
      <AddSourceForm onError={setError} />
    </section>
  );
}
