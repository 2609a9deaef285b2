/**
 * 阅读: one document, in the article view or the PDF view. Opened from a search result
 * (`#/read/<id>?q=…&page=…`) it marks every occurrence of the query and starts at the hit that
 * was clicked; Ctrl/Cmd+F finds anything else. Where the reader is gets saved, so the document
 * opens there next time.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentDetail, TextMatch } from '../../../electron/shared/types';
import { useClient } from '../app/context';
import { hrefOf } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { useT } from '../i18n';
import { ArticleView } from './reader/ArticleView';
import { FindBar } from './reader/FindBar';
import { PdfView } from './reader/pdf/PdfView';
import { readerSettings, saveReaderSettings, type ReaderSettings } from './reader/settings';
import { SettingsMenu } from './reader/SettingsMenu';

/** Saves the reading position at most this often while scrolling (and once on leaving). */
const SAVE_EVERY_MS = 1000;

function usePositionSaver(id: string | undefined): (page: number | undefined, fraction: number) => void {
  const client = useClient();
  const pending = useRef<{ id: string; page?: number; fraction: number }>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (pending.current) void client.savePosition(pending.current).catch(() => undefined);
    pending.current = undefined;
  }, [client]);
  useEffect(() => flush, [id, flush]);
  return useCallback(
    (page, fraction) => {
      if (!id) return;
      pending.current = { id, ...(page !== undefined ? { page } : {}), fraction: Math.round(fraction * 10_000) / 10_000 };
      timer.current ??= setTimeout(flush, SAVE_EVERY_MS);
    },
    [id, flush],
  );
}

export function ReaderPage({ id, query: initialQuery = '', page }: { id: string | undefined; query?: string; page?: number }) {
  const { t } = useT();
  const client = useClient();
  const [doc, setDoc] = useState<DocumentDetail>();
  const [query, setQuery] = useState(initialQuery.trim());
  const [matches, setMatches] = useState<TextMatch[]>([]);
  const [current, setCurrent] = useState(0);
  const [error, setError] = useState<string>();
  const [settings, setSettings] = useState<ReaderSettings>(() => readerSettings(localStorage));
  const save = usePositionSaver(id);

  useEffect(() => setQuery(initialQuery.trim()), [initialQuery, id]);

  useEffect(() => {
    setDoc(undefined);
    setError(undefined);
    if (!id) return;
    client.getDocument({ id }).then(setDoc, (e: Error) => setError(e.message));
  }, [client, id]);

  useEffect(() => {
    setMatches([]);
    setCurrent(0);
    if (!id || !query) return;
    let stale = false;
    client.locate({ id, query }).then(
      (found) => {
        if (stale) return;
        setMatches(found.matches);
        // Start at the hit that was clicked: the first match on its page.
        const start = query === initialQuery.trim() && page !== undefined ? found.matches.findIndex((m) => m.page === page) : 0;
        setCurrent(Math.max(0, start));
      },
      (e: Error) => !stale && setError(e.message),
    );
    return () => {
      stale = true;
    };
  }, [client, id, query, initialQuery, page]);

  const changeSettings = (next: ReaderSettings): void => {
    setSettings(next);
    saveReaderSettings(localStorage, next);
  };

  if (!id) return <section className="page"><EmptyState icon="reader" title={t('reader.empty.title')} body={t('reader.empty.body')} /></section>;
  if (error)
    return (
      <section className="page">
        <EmptyState icon="warning" title={t('reader.missing')} body={error} action={<a className="button" href={hrefOf('library')}>{t('reader.back')}</a>} />
      </section>
    );
  if (!doc) return <section className="page"><p className="muted">{t('common.loading')}</p></section>;

  const isPdf = doc.kind === 'pdf';
  return (
    <div className="reader-page" data-theme={isPdf ? 'light' : settings.theme}>
      <FindBar query={query} onQuery={setQuery} current={current} total={matches.length} go={setCurrent}>
        <a className="back-link" href={hrefOf('library')} title={t('reader.back')}>‹ {t('nav.library')}</a>
        <span className="bar-title" title={doc.title}>{doc.title}</span>
        {!isPdf && <SettingsMenu settings={settings} onChange={changeSettings} />}
      </FindBar>
      {isPdf ? (
        <PdfView
          key={doc.id}
          url={client.fileUrl(doc.original)}
          doc={doc}
          matches={matches}
          current={current}
          start={page === undefined && doc.position?.page ? { page: doc.position.page, fraction: doc.position.fraction } : page !== undefined ? { page, fraction: 0 } : undefined}
          onPosition={(p, f) => save(p, f)}
        />
      ) : (
        <ArticleView key={doc.id} doc={doc} matches={matches} current={current} settings={settings} onPosition={(f) => save(undefined, f)} />
      )}
    </div>
  );
}
