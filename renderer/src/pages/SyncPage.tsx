/** 同步: runs a sync with a progress bar and shows what it did. Sources are set up here later. */
import { useEffect, useState } from 'react';
import type { ImportReport } from '../../../electron/shared/types';
import { useClient } from '../app/context';
import { useT } from '../i18n';

export function SyncPage() {
  const { t } = useT();
  const client = useClient();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState<string>();

  useEffect(
    () =>
      client.subscribe((event) => {
        if (event.type === 'sync.progress') setProgress({ done: event.done, total: event.total });
      }),
    [client],
  );

  const run = async (): Promise<void> => {
    setReport(undefined);
    setError(undefined);
    setProgress({ done: 0, total: 0 });
    try {
      setReport(await client.sync({}));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <section className="page narrow">
      <header className="page-head"><h1>{t('sync.title')}</h1></header>
      <p>{t('sync.body')}</p>
      <p className="muted">{t('sync.later')}</p>
      <button type="button" className="primary" disabled={Boolean(progress)} onClick={() => void run()}>
        {progress ? t('sync.running', progress) : t('sync.run')}
      </button>
      {progress && progress.total > 0 && <progress max={progress.total} value={progress.done} />}
      {error && <p className="error">{error}</p>}
      {report && (
        <div className="report" data-testid="sync-report">
          <p>{t('sync.done', { added: report.added.length, updated: report.updated.length, unchanged: report.unchanged.length, failed: report.failed.length })}</p>
          {report.failed.length > 0 && (
            <ul className="failures">
              {report.failed.map((f) => <li key={f.path}><code>{f.path}</code> — {f.error}</li>)}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
