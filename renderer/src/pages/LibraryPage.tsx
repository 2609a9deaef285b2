/**
 * 资料库: every document in a virtualized list (ten thousand rows scroll like ten), sorted and
 * filtered by kind, site, topic, source and title words; the reading progress of each. Import by
 * dropping files or folders on the window, by the file and folder pickers, or by path; delete
 * with undo. Rows are selected as in a file manager (Shift, Ctrl/⌘, Ctrl/⌘+A for the filter's
 * rows, Esc) for bulk actions: confirm 推荐 topics, add or remove a topic, delete (with undo).
 * Updated live when core says the library changed.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentSummary, SourceSummary } from '../../../electron/shared/types';
import type { Picked } from '../app/import/dropped';
import { useClient } from '../app/context';
import { hrefOf } from '../app/router';
import { useLibrary } from '../app/useLibrary';
import { EmptyState } from '../components/EmptyState';
import type { ToastMessage } from '../components/Toast';
import { VirtualList } from '../components/VirtualList';
import { useT } from '../i18n';
import { ImportDialog } from './ImportDialog';
import { BulkBar } from './library/BulkBar';
import { DocRow } from './library/DocRow';
import { ContinueReading } from './library/ContinueReading';
import { clickRow, EMPTY_SELECTION, keepListed, selectAll, type Selection } from './library/selection';
import { Filters } from './library/Filters';
import { arrange, DEFAULT_VIEW, facets, type LibraryView } from './library/view';
import { useAction } from '../app/useAction';
import { useConfirm } from '../components/useConfirm';

const ROW = 52;
const VIEW_KEY = 'yandu.library.view';

function savedView(): LibraryView {
  try {
    return { ...DEFAULT_VIEW, ...(JSON.parse(localStorage.getItem(VIEW_KEY) ?? '{}') as Partial<LibraryView>) };
  } catch {
    return DEFAULT_VIEW;
  }
}

export function LibraryPage({ toast, importFiles }: { toast: (m: ToastMessage) => void; importFiles: (files: Picked[]) => Promise<void> }) {
  const { run, running, busy } = useAction(toast);
  const { confirm, dialog } = useConfirm();
  const { t } = useT();
  const client = useClient();
  const { docs, error } = useLibrary();
  const [importing, setImporting] = useState(false);
  const [downloadsDir, setDownloadsDir] = useState<string>();
  const [sources, setSources] = useState<SourceSummary[]>([]);
  const [view, setView] = useState<LibraryView>(savedView);
  const filePicker = useRef<HTMLInputElement>(null);
  const folderPicker = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void client.listSources({}).then(setSources, () => undefined);
  }, [client, docs?.length]);

  // First run: offer to watch the download folder, where candidates' materials arrive.
  useEffect(() => {
    if (!docs || docs.length) return;
    void Promise.all([client.libraryInfo({}), client.listSources({})]).then(([info, list]) => {
      if (info.downloadsDir && !list.some((s) => s.kind === 'folder')) setDownloadsDir(info.downloadsDir);
    });
  }, [client, docs]);

  const changeView = (next: LibraryView): void => {
    setView(next);
    localStorage.setItem(VIEW_KEY, JSON.stringify({ sort: next.sort, desc: next.desc }));
  };
  const shown = useMemo(() => (docs ? arrange(docs, view) : []), [docs, view]);
  const { sites, topics } = useMemo(() => facets(docs ?? []), [docs]);
  const filtered = Boolean(view.kind || view.site || view.topic || view.source || view.text);
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const order = useMemo(() => shown.map((d) => d.id), [shown]);
  useEffect(() => setSelection((s) => keepListed(s, order)), [order]);
  const select = useCallback((doc: DocumentSummary, how: { range: boolean; toggle: boolean }) => setSelection((s) => clickRow(s, order, doc.id, how)), [order]);
  // Ctrl/⌘+A selects every row the filter shows; Esc clears (not while typing in a field).
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"], [role="alertdialog"]')) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a' && order.length) {
        e.preventDefault();
        setSelection(selectAll(order));
      } else if (e.key === 'Escape') setSelection(EMPTY_SELECTION);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [order]);

  const watchDownloads = async (): Promise<void> => {
    await run(async () => {
      // Core imports what the folder already holds at once (progress in the import corner).
      await client.addSource({ kind: 'folder', path: downloadsDir! });
      setDownloadsDir(undefined);
      toast({ text: t('library.watching', { path: downloadsDir! }) });
    });
  };

  const loadSample = async (): Promise<void> => {
    await run(async () => {
      const r = await client.addSample({});
      toast({ text: t('welcome.sampleLoaded', { n: r.added.length }) });
    }, 'sample');
  };
  const removeSample = async (): Promise<void> => {
    await run(async () => {
      const ids = docs?.filter((d) => d.sample).map((d) => d.id) ?? [];
      const { removed } = await client.removeSample({});
      toast({ text: t('welcome.sampleRemoved', { n: removed }), action: { label: t('library.undo'), run: () => void client.restoreDocuments({ ids }) } });
    });
  };

  const remove = async (doc: DocumentSummary): Promise<void> => {
    await run(async () => {
      // A document with highlights: say how many go with it, and ask.
      const marked = (await client.listHighlights({ docId: doc.id })).length;
      if (marked && !(await confirm({ text: t('library.removeConfirm', { title: doc.title, n: marked }), confirmLabel: t('library.remove'), danger: true }))) return;
      await client.removeDocument({ id: doc.id });
      toast({
        text: t('library.removed', { title: doc.title }),
        action: { label: t('library.undo'), run: () => void client.restoreDocument({ id: doc.id }) },
      });
    });
  };

  const picked = (input: HTMLInputElement): void => {
    const files = Array.from(input.files ?? []).map((file) => ({ file, name: file.webkitRelativePath || file.name }));
    input.value = '';
    void importFiles(files);
  };

  const header = (
    <header className="page-head">
      <h1>{t('library.title')}</h1>
      {docs && docs.length > 0 && (
        <span className="muted" data-testid="doc-count">
          {filtered ? t('library.countFiltered', { shown: shown.length, n: docs.length }) : t('library.count', { n: docs.length })}
        </span>
      )}
      <span className="spacer" />
      <span className="muted small drop-hint">{t('library.dropHint')}</span>
      <button type="button" className="primary" onClick={() => filePicker.current?.click()} data-testid="pick-files">{t('library.pickFiles')}</button>
      <button type="button" onClick={() => folderPicker.current?.click()}>{t('library.pickFolder')}</button>
      <button type="button" className="ghost" onClick={() => setImporting(true)}>{t('library.byPath')}</button>
      <input ref={filePicker} type="file" multiple hidden accept=".pdf,.html,.htm,.mhtml,.docx,.txt,.md" onChange={(e) => picked(e.currentTarget)} data-testid="file-input" />
      <input ref={folderPicker} type="file" hidden {...{ webkitdirectory: '' }} onChange={(e) => picked(e.currentTarget)} />
    </header>
  );

  let body;
  if (error) body = <p className="error">{error}</p>;
  else if (!docs) body = <p className="muted">{t('common.loading')}</p>;
  else if (!docs.length)
    body = (
      <EmptyState
        icon="library"
        title={t('welcome.title')}
        body={t('library.empty.body')}
        action={
          <div className="welcome" data-testid="welcome">
            <ol className="welcome-steps">
              <li>
                <strong>{t('welcome.step1')}</strong>
                <span className="muted small">{downloadsDir ? t('library.empty.watchHint', { path: downloadsDir }) : t('welcome.step1.none')}</span>
                {downloadsDir ? (
                  <button type="button" className="primary" onClick={() => void watchDownloads()} data-testid="watch-downloads">{t('library.empty.watch')}</button>
                ) : (
                  <a className="button" href={hrefOf('sync')}>{t('welcome.step2.action')}</a>
                )}
              </li>
              <li>
                <strong>{t('welcome.step2')}</strong>
                <span className="muted small">{t('welcome.step2.body')}</span>
                <a className="button" href={hrefOf('sync')}>{t('welcome.step2.action')}</a>
              </li>
              <li>
                <strong>{t('welcome.step3')}</strong>
                <span className="muted small">{t('welcome.step3.body')}</span>
              </li>
            </ol>
            <div className="empty-actions">
              <button type="button" onClick={() => filePicker.current?.click()}>{t('library.empty.action')}</button>
              <button type="button" onClick={() => void loadSample()} disabled={running === 'sample'} aria-busy={running === 'sample'} data-testid="load-sample">
                {busy === 'sample' ? t('welcome.sampleLoading') : t('welcome.sample')}
              </button>
            </div>
            <p className="muted small">{t('library.dropHint')}</p>
          </div>
        }
      />
    );
  else
    body = (
      <>
        {docs.some((d) => d.sample) && (
          <div className="sample-banner" data-testid="sample-banner">
            {t('welcome.sampleBanner')}
            <button type="button" className="ghost" onClick={() => void removeSample()} data-testid="remove-sample">{t('welcome.removeSample')}</button>
          </div>
        )}
        <ContinueReading docs={docs} />
        <Filters view={view} onChange={changeView} sites={sites} topics={topics} sources={sources} />
        {selection.ids.size > 0 && <BulkBar ids={[...selection.ids]} listed={order.length} onSelectAll={() => setSelection(selectAll(order))} onClear={() => setSelection(EMPTY_SELECTION)} toast={toast} />}
        <div className="doc-list" role="table" data-testid="library-list">
          <div className="doc-row head" role="row">
            <div role="columnheader">{t('library.col.title')}</div>
            <div role="columnheader">{t('library.col.kind')}</div>
            <div role="columnheader">{t('library.col.site')}</div>
            <div role="columnheader">{t('library.col.date')}</div>
            <div role="columnheader">{t('library.col.topics')}</div>
            <div role="columnheader">{t('library.col.progress')}</div>
            <div role="columnheader" aria-label="actions" />
          </div>
          {shown.length ? (
            <VirtualList items={shown} rowHeight={ROW} resetKey={JSON.stringify(view)} testId="library-rows" render={(doc) => <DocRow doc={doc} selected={selection.ids.has(doc.id)} onSelect={select} onRemove={(d) => void remove(d)} />} />
          ) : (
            <EmptyState icon="search" title={t('library.noMatch.title')} body={t('library.noMatch.body')} action={<button type="button" onClick={() => changeView({ sort: view.sort, desc: view.desc })}>{t('library.noMatch.clear')}</button>} />
          )}
        </div>
      </>
    );

  return (
    <section className="page library-page">
      {header}
      {body}
      {importing && <ImportDialog onClose={() => setImporting(false)} toast={toast} />}
      {dialog}
    </section>
  );
}
