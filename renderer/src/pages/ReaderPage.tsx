/**
 * 阅读: one document, in the article view or the PDF view. Opened from a search result
 * (`#/read/<id>?q=…&page=…`) it marks every occurrence of the query and starts at the hit that
 * was clicked; Ctrl/Cmd+F finds anything else. Where the reader is gets saved, so the document
 * opens there next time. Selecting text brings the highlight toolbar (H highlights at once);
 * clicking a highlight edits it. `?hl=<id>` opens at a highlight, `?reattach=<id>` puts an
 * orphaned highlight on the next selection.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentDetail, Highlight, HighlightColor, TextMatch } from '../../../electron/shared/types';
import { navigate } from '../app/router';
import type { ToastMessage } from '../components/Toast';
import { HighlightEditor } from './reader/HighlightEditor';
import { HighlightToolbar } from './reader/HighlightToolbar';
import { HighlightsPanel } from './reader/HighlightsPanel';
import { centerIn } from './reader/marks';
import { selectedRange } from './reader/selection';
import { useHighlights } from './reader/useHighlights';
import { useClient } from '../app/context';
import { hrefOf } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { useT } from '../i18n';
import { ArticleView } from './reader/ArticleView';
import { FindBar } from './reader/FindBar';
import { OcrBanner } from './reader/pdf/OcrBanner';
import { PdfView } from './reader/pdf/PdfView';
import { readerSettings, saveReaderSettings, type ReaderSettings } from './reader/settings';
import { FormSwitch } from './reader/FormSwitch';
import { MetaEditor } from './reader/MetaEditor';
import { SettingsMenu } from './reader/SettingsMenu';
import { TopicBar } from './reader/TopicBar';
import { useAction } from '../app/useAction';
import { errorText } from '../api/error-text';
import { citeLine } from '../../../electron/shared/cite';
import { flatQuote, joinPages, pageAt } from '../../../electron/shared/pages';
import { appIsDark } from '../app/theme';

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

/** 《title》 site · date · origin · 第 N 页: how a copied quote is cited. */
function citationOf(doc: DocumentDetail, start: number): string {
  return citeLine(doc, doc.pages ? pageAt(joinPages(doc.pages), start).page : undefined);
}

interface ReaderProps {
  id: string | undefined;
  query?: string;
  page?: number;
  focusHighlight?: string;
  reattach?: string;
  /** One of the document's other forms (its PDF, its page), shown instead of its first. */
  form?: string;
  toast?: (m: ToastMessage) => void;
}

export function ReaderPage({ id, query: initialQuery = '', page, focusHighlight, reattach, form, toast = () => undefined }: ReaderProps) {
  const { run } = useAction(toast);
  const { t, lang } = useT();
  const client = useClient();
  const [doc, setDoc] = useState<DocumentDetail>();
  const [query, setQuery] = useState(initialQuery.trim());
  const [matches, setMatches] = useState<TextMatch[]>([]);
  const [current, setCurrent] = useState(0);
  const [error, setError] = useState<string>();
  const [settings, setSettings] = useState<ReaderSettings>(() => readerSettings(localStorage));
  // The reading position is the first form's (another form's pages and scroll are not its).
  const save = usePositionSaver(form ? undefined : id);
  const all = useHighlights(id);
  const highlights = useMemo(() => all.filter((h) => h.form === form), [all, form]);
  const [selection, setSelection] = useState<{ start: number; end: number; rect: DOMRect }>();
  const [editing, setEditing] = useState<{ id: string; rect: DOMRect; focus?: 'note' | 'topics' }>();
  const [lastColor, setLastColor] = useState<HighlightColor>(() => (localStorage.getItem('yandu.highlight.color') as HighlightColor | null) ?? 'yellow');
  const area = useRef<HTMLDivElement>(null);
  const [panel, setPanel] = useState(() => localStorage.getItem('yandu.reader.panel') === 'open');
  const togglePanel = (open: boolean): void => {
    setPanel(open);
    localStorage.setItem('yandu.reader.panel', open ? 'open' : 'closed');
  };
  const [jump, setJump] = useState<{ id: string; seq: number }>();
  const isPdfDoc = doc?.kind === 'pdf';
  /** Shows a highlight picked in the pane: centred if drawn, else (a PDF page not drawn) gone to. */
  const jumpTo = (h: Highlight): void => {
    const mark = area.current?.querySelector<HTMLElement>(`mark[data-hl="${h.id}"]`);
    const scroller = mark?.closest<HTMLElement>('[data-testid=reader-scroll], [data-testid=pdf-scroller]');
    if (mark && scroller) centerIn(scroller, mark);
    if (isPdfDoc) setJump((old) => ({ id: h.id, seq: (old?.seq ?? 0) + 1 }));
    if (mark) {
      mark.classList.add('flash');
      setTimeout(() => mark.classList.remove('flash'), 1200);
    }
  };

  useEffect(() => setQuery(initialQuery.trim()), [initialQuery, id]);

  useEffect(() => {
    setDoc(undefined);
    setError(undefined);
    if (!id) return;
    client.getDocument({ id, ...(form ? { form } : {}) }).then(setDoc, (e: unknown) => setError(errorText(e, lang)));
    // Changed while open (a new version, another form, details edited elsewhere): read it again.
    return client.subscribe((event) => {
      if (event.type === 'library.changed' && !event.position && event.ids.includes(id)) void client.getDocument({ id, ...(form ? { form } : {}) }).then(setDoc, () => undefined);
    });
  }, [client, id, form]);
  /** Topics changed: fetch the document again (its tags and suggestions). */
  const reloadTopics = useCallback(() => {
    if (id) void client.getDocument({ id }).then((d) => setDoc((old) => (old && old.id === d.id ? { ...old, topics: d.topics, suggestedTopics: d.suggestedTopics } : old)));
  }, [client, id]);

  useEffect(() => {
    setMatches([]);
    setCurrent(0);
    if (!id || !query) return;
    let stale = false;
    client.locate({ id, query, ...(form ? { form } : {}) }).then(
      (found) => {
        if (stale) return;
        setMatches(found.matches);
        // Start at the hit that was clicked: the first match on its page.
        const start = query === initialQuery.trim() && page !== undefined ? found.matches.findIndex((m) => m.page === page) : 0;
        setCurrent(Math.max(0, start));
      },
      (e: unknown) => !stale && setError(errorText(e, lang)),
    );
    return () => {
      stale = true;
    };
  }, [client, id, query, initialQuery, page, form]);

  // The selection, as offsets of the stored text, whenever it settles inside the document.
  useEffect(() => {
    if (!doc) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const sel = window.getSelection();
        const range = selectedRange(sel, doc);
        if (!range || !area.current?.contains(sel!.anchorNode)) return setSelection(undefined);
        setSelection({ ...range, rect: sel!.getRangeAt(0).getBoundingClientRect() });
      }, 120);
    };
    document.addEventListener('selectionchange', update);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('selectionchange', update);
    };
  }, [doc]);

  // One highlight at a time: the selection is taken at once (its toolbar goes), so a second click
  // or H while the first is being saved, on a slow machine, does not make it twice.
  const adding = useRef(false);
  const highlight = useCallback(
    async (color: HighlightColor, then?: 'note' | 'topics') => {
      if (!doc || !selection || adding.current) return;
      adding.current = true;
      const chosen = selection;
      window.getSelection()?.removeAllRanges();
      setSelection(undefined);
      try {
        await run(async () => {
          const h = await client.addHighlight({ docId: doc.id, ...(doc.form ? { form: doc.form } : {}), start: chosen.start, end: chosen.end, color });
          setLastColor(color);
          localStorage.setItem('yandu.highlight.color', color);
          if (then) setEditing({ id: h.id, rect: chosen.rect, focus: then });
        });
      } finally {
        adding.current = false;
      }
    },
    [client, doc, selection, toast],
  );

  const copy = async (): Promise<void> => {
    if (!doc || !selection) return;
    const whole = doc.pages ? joinPages(doc.pages) : (doc.text ?? '');
    const quote = flatQuote(whole.slice(selection.start, selection.end));
    await run(async () => {
      await navigator.clipboard.writeText(`「${quote}」——${citationOf(doc, selection.start)}`);
      // Copied: the selection and its toolbar go, as after a highlight.
      window.getSelection()?.removeAllRanges();
      setSelection(undefined);
      toast({ text: t('highlight.copied') });
    });
  };

  const reattachHere = async (): Promise<void> => {
    if (!reattach || !selection) return;
    await run(async () => {
      await client.updateHighlight({ id: reattach, place: { start: selection.start, end: selection.end } });
      window.getSelection()?.removeAllRanges();
      setSelection(undefined);
      toast({ text: t('highlight.reattached') });
      navigate('reader', { id, replace: true });
    });
  };

  // H highlights the selection in the last colour used.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const typing = e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
      if (typing || e.ctrlKey || e.metaKey || e.altKey || e.key.toLowerCase() !== 'h' || !selection) return;
      e.preventDefault();
      void highlight(lastColor);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [highlight, lastColor, selection]);

  const onClick = (e: React.MouseEvent): void => {
    const mark = (e.target as HTMLElement).closest<HTMLElement>('mark.hl');
    if (mark?.dataset.hl && window.getSelection()?.isCollapsed !== false) setEditing({ id: mark.dataset.hl, rect: mark.getBoundingClientRect() });
  };

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

  const isPdf = isPdfDoc;
  const edited = editing && highlights.find((h) => h.id === editing.id);
  const reattaching = reattach ? highlights.find((h) => h.id === reattach) : undefined;
  return (
    <div className="reader-page" data-theme={isPdf ? 'light' : settings.theme === 'app' ? (appIsDark() ? 'dark' : 'light') : settings.theme} ref={area} onClick={onClick}>
      <FindBar query={query} onQuery={setQuery} current={current} total={matches.length} go={setCurrent}>
        <a className="back-link" href={hrefOf('library')} title={t('reader.back')}>‹ {t('nav.library')}</a>
        <span className="bar-title" title={doc.title}>{doc.title}</span>
        <FormSwitch doc={doc} query={query} />
        <MetaEditor doc={doc} toast={toast} onSaved={(meta) => setDoc((old) => (old && old.id === meta.id ? { ...old, ...meta } : old))} />
        {!isPdf && <SettingsMenu settings={settings} onChange={changeSettings} />}
        <button type="button" className={panel ? 'on' : ''} onClick={() => togglePanel(!panel)} aria-pressed={panel} data-testid="highlights-panel-toggle" title={t('reader.panel.hint')}>
          {t('reader.panel')} {highlights.length > 0 && <span className="count">{highlights.length}</span>}
        </button>
      </FindBar>
      <TopicBar doc={doc} onChanged={reloadTopics} />
      {isPdf && <OcrBanner doc={doc} toast={toast} />}
      <div className="reader-main">
      {isPdf ? (
        <PdfView
          key={doc.id}
          url={client.fileUrl(doc.original)}
          doc={doc}
          matches={matches}
          current={current}
          highlights={highlights}
          focusHighlight={jump?.id ?? focusHighlight}
          focusSeq={jump?.seq ?? 0}
          start={page === undefined && doc.position?.page ? { page: doc.position.page, fraction: doc.position.fraction } : page !== undefined ? { page, fraction: 0 } : undefined}
          onPosition={(p, f) => save(p, f)}
        />
      ) : (
        <ArticleView key={doc.id} doc={doc} matches={matches} current={current} settings={settings} highlights={highlights} focusHighlight={focusHighlight} onPosition={(f) => save(undefined, f)} />
      )}
      {panel && <HighlightsPanel highlights={highlights} onJump={jumpTo} onClose={() => togglePanel(false)} />}
      </div>
      {reattaching && (
        <div className="reattach-banner" role="status" data-testid="reattach-banner">
          {t('highlight.reattachHint', { quote: reattaching.target.selector[0].exact.slice(0, 40) })}
          <button type="button" className="ghost" onClick={() => navigate('reader', { id, replace: true })}>{t('library.import.cancel')}</button>
        </div>
      )}
      {selection && !editing && (
        <HighlightToolbar
          rect={selection.rect}
          reattaching={Boolean(reattaching)}
          onColor={(c) => void highlight(c)}
          onNote={() => void highlight(lastColor, 'note')}
          onTopics={() => void highlight(lastColor, 'topics')}
          onCopy={() => void copy()}
          onReattach={() => void reattachHere()}
        />
      )}
      {edited && <HighlightEditor key={edited.id} highlight={edited} at={editing.rect} focus={editing.focus} onClose={() => setEditing(undefined)} toast={toast} />}
    </div>
  );
}
