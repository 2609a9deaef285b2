/**
 * 资料库: every document, newest first, updated live. Import by path (the desktop app adds drag
 * and drop and a file picker), delete with undo.
 */
import { useEffect, useState } from 'react';
import type { DocumentSummary } from '../../../electron/shared/types';
import { useClient } from '../app/context';
import { hrefOf } from '../app/router';
import { useLibrary } from '../app/useLibrary';
import { EmptyState } from '../components/EmptyState';
import type { ToastMessage } from '../components/Toast';
import { useT } from '../i18n';
import { ImportDialog } from './ImportDialog';

const day = (ms: number): string => new Date(ms).toLocaleDateString('zh-CN');

export function LibraryPage({ toast }: { toast: (m: ToastMessage) => void }) {
  const { t } = useT();
  const client = useClient();
  const { docs, error } = useLibrary();
  const [importing, setImporting] = useState(false);
  const [downloadsDir, setDownloadsDir] = useState<string>();

  // First run: offer to watch the download folder, where candidates' materials arrive.
  useEffect(() => {
    if (!docs || docs.length) return;
    void Promise.all([client.libraryInfo({}), client.listSources({})]).then(([info, sources]) => {
      if (info.downloadsDir && !sources.some((s) => s.kind === 'folder')) setDownloadsDir(info.downloadsDir);
    });
  }, [client, docs]);

  const watchDownloads = async (): Promise<void> => {
    try {
      await client.addSource({ kind: 'folder', path: downloadsDir! });
      setDownloadsDir(undefined);
      toast({ text: t('library.watching', { path: downloadsDir! }) });
      await client.sync({});
    } catch (e) {
      toast({ text: (e as Error).message });
    }
  };

  const remove = async (doc: DocumentSummary): Promise<void> => {
    try {
      await client.removeDocument({ id: doc.id });
      toast({
        text: t('library.removed', { title: doc.title }),
        action: { label: t('library.undo'), run: () => void client.restoreDocument({ id: doc.id }) },
      });
    } catch (e) {
      toast({ text: (e as Error).message });
    }
  };

  const header = (
    <header className="page-head">
      <h1>{t('library.title')}</h1>
      {docs && docs.length > 0 && <span className="muted" data-testid="doc-count">{t('library.count', { n: docs.length })}</span>}
      <span className="spacer" />
      <button type="button" className="primary" onClick={() => setImporting(true)}>{t('library.import')}</button>
    </header>
  );

  let body;
  if (error) body = <p className="error">{error}</p>;
  else if (!docs) body = <p className="muted">{t('common.loading')}</p>;
  else if (!docs.length)
    body = (
      <EmptyState
        icon="library"
        title={t('library.empty.title')}
        body={t('library.empty.body')}
        action={
          <div className="empty-actions">
            {downloadsDir && (
              <button type="button" className="primary" onClick={() => void watchDownloads()} data-testid="watch-downloads">
                {t('library.empty.watch')}
              </button>
            )}
            <button type="button" className={downloadsDir ? '' : 'primary'} onClick={() => setImporting(true)}>{t('library.empty.action')}</button>
            {downloadsDir && <p className="muted small">{t('library.empty.watchHint', { path: downloadsDir })}</p>}
          </div>
        }
      />
    );
  else
    body = (
      <table className="doc-table" data-testid="library-list">
        <thead>
          <tr>
            <th>{t('library.col.title')}</th>
            <th>{t('library.col.kind')}</th>
            <th>{t('library.col.site')}</th>
            <th>{t('library.col.date')}</th>
            <th aria-label="actions" />
          </tr>
        </thead>
        <tbody>
          {docs.map((doc) => (
            <tr key={doc.id} data-testid="doc-row">
              <td className="title-cell">
                <a href={hrefOf('reader', { id: doc.id })}>{doc.title}</a>
                {doc.sourceMissing && <span className="tag warn">{t('library.sourceMissing')}</span>}
              </td>
              <td><span className={`kind kind-${doc.kind}`}>{t(`kind.${doc.kind}`)}</span></td>
              <td className="muted">{doc.site ?? '—'}</td>
              <td className="muted nowrap">{doc.publishedAt ?? day(doc.addedAt)}</td>
              <td>
                <button type="button" className="ghost" onClick={() => void remove(doc)} title={t('library.remove')}>
                  {t('library.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );

  return (
    <section className="page">
      {header}
      {body}
      {importing && <ImportDialog onClose={() => setImporting(false)} toast={toast} />}
    </section>
  );
}
