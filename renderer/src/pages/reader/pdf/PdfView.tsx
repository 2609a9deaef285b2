/**
 * The PDF view: pages drawn by pdf.js with their text layer, only those near the viewport, so a
 * 1,300-page document opens at page 1 at once and "go to page 1000" draws page 1000 and its
 * neighbours only. Zoom (Ctrl+= / Ctrl+- / Ctrl+0 for fit width), go to page (Ctrl+G) by its
 * printed label (a book's xii or 276) or its place, an outline and a thumbnail sidebar that follow
 * the page being read; search hits are marked in the text layer (once the page is drawn) and the
 * current one is scrolled to; the place being read is reported for saving.
 *
 * @example
 * <PdfView url={client.fileUrl(doc.original)} doc={doc} matches={matches} current={2} onPosition={save} />
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DocumentDetail, Highlight, TextMatch } from '../../../../../electron/shared/types';
import { useT } from '../../../i18n';
import { centerIn } from '../marks';
import { pageLayout, sectionAt } from './layout';
import { PdfPage, type Piece } from './PdfPage';
import { pageLabels, type PageLabels } from './page-labels';
import { Thumbnails } from './Thumbnails';
import { useOcrLayer } from './useOcrLayer';
import { usePdfDocument } from './usePdfDocument';

const GAP = 16;
const PAD = 24;
/** Where a page's top sits when it is gone to: just below the top edge, none of the page before. */
const OFFSET = PAD - GAP / 2;
const MIN = 0.25;
const MAX = 4;

type Zoom = 'fit' | number;

const NONE: { h: Highlight; start: number; end: number }[] = [];
const NO_PIECES: Piece[] = [];

interface Props {
  url: string;
  doc: DocumentDetail;
  matches: TextMatch[];
  current: number;
  highlights: Highlight[];
  /** A highlight to bring into view (opened from the 标注 page, or picked in the reader's pane). */
  focusHighlight?: string;
  /** Counts requests to show {@link focusHighlight}: the same one picked again is shown again. */
  focusSeq?: number;
  /** Where to open when there is no hit to show: the saved position. */
  start?: { page: number; fraction: number };
  onPosition(page: number, fraction: number): void;
}

export function PdfView({ url, doc, matches, current, highlights, focusHighlight, focusSeq = 0, start, onPosition }: Props) {
  const { t } = useT();
  const { pdf, sizes, setSize, error } = usePdfDocument(url);
  const ocrLayer = useOcrLayer(doc);
  const scroller = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ width: 800, height: 800 });
  const [scrollTop, setScrollTop] = useState(0);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [side, setSide] = useState<'none' | 'outline' | 'thumbs'>(doc.outline?.length ? 'outline' : 'none');
  const [pageInput, setPageInput] = useState('1');
  const anchor = useRef<{ page: number; fraction: number }>({ page: start?.page ?? 1, fraction: start?.fraction ?? 0 });
  const pendingMark = useRef<number | null>(null);
  const drawn = useRef(0);
  const pageBox = useRef<HTMLInputElement>(null);
  const outlineBox = useRef<HTMLElement>(null);
  const [labels, setLabels] = useState<PageLabels>(() => pageLabels(null));
  // The labels as they load: a page typed before they arrive is looked up once they have.
  const labelsLoaded = useRef<Promise<PageLabels>>(Promise.resolve(labels));
  // The latest labels for callbacks that run before a render has picked them up.
  const labelsNow = useRef(labels);
  useEffect(() => {
    let live = true;
    if (pdf) {
      labelsLoaded.current = pdf.getPageLabels().then(
        (list) => pageLabels(list, pdf.numPages),
        () => pageLabels(null, pdf.numPages),
      );
      void labelsLoaded.current.then((loaded) => {
        if (!live) return;
        labelsNow.current = loaded;
        setLabels(loaded);
      });
    }
    return () => {
      live = false;
    };
  }, [pdf]);
  const { labelOf } = labels;

  const widest = useMemo(() => sizes.reduce((w, s) => Math.max(w, s[0]), 1), [sizes]);
  const scale = zoom === 'fit' ? Math.min(MAX, Math.max(MIN, (box.width - 2 * PAD) / widest)) : zoom;
  const layout = useMemo(() => pageLayout(sizes, scale, GAP), [sizes, scale]);

  // What to mark on each page, and the number of the first mark there. A match over a page break
  // is marked by place: its start to the end of its page, and the next page's start to its end.
  const perPage = useMemo(() => {
    type Entry = { needles: string[]; first: number; pieces: Piece[] };
    const map = new Map<number, Entry>();
    const entry = (page: number, first: number): Entry => map.get(page) ?? (map.set(page, { needles: [], first, pieces: [] }).get(page) as Entry);
    matches.forEach((m, i) => {
      if (m.page === undefined) return;
      const here = entry(m.page, i);
      if (m.next) {
        here.pieces.push({ start: m.start, end: m.end, mark: i });
        entry(m.next.page, i + 1).pieces.push({ start: 0, end: m.next.end, mark: i });
        return;
      }
      const text = doc.pages?.[m.page - 1]?.slice(m.start, m.end);
      if (text && !here.needles.includes(text)) here.needles.push(text);
    });
    return map;
  }, [matches, doc.pages]);

  // Highlights by page, with their offsets in that page's text.
  const highlightsByPage = useMemo(() => {
    const map = new Map<number, { h: Highlight; start: number; end: number }[]>();
    for (const h of highlights) {
      if (!h.at?.page || h.at.pageStart === undefined) continue;
      const length = doc.pages?.[h.at.page - 1]?.length ?? 0;
      map.set(h.at.page, [...(map.get(h.at.page) ?? []), { h, start: h.at.pageStart, end: Math.min(h.at.pageEnd ?? length, length) }]);
    }
    return map;
  }, [highlights, doc.pages]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setBox({ width: el.clientWidth, height: el.clientHeight }));
    observer.observe(el);
    setBox({ width: el.clientWidth, height: el.clientHeight });
    return () => observer.disconnect();
  }, [pdf]);

  /** Scrolls so that `fraction` of page `n` is at the top. */
  const goTo = useCallback(
    (n: number, fraction = 0) => {
      const el = scroller.current;
      if (!el || !sizes.length) return;
      const page = Math.min(Math.max(1, Math.round(n)), sizes.length);
      anchor.current = { page, fraction };
      el.scrollTop = layout.top(page) + fraction * layout.heightOf(page) + OFFSET;
      setScrollTop(el.scrollTop);
      setPageInput(labelsNow.current.labelOf(page));
    },
    [layout, sizes.length],
  );

  // Keep the place read when the layout changes (zoom, a page of another size, the first layout).
  // Before paint: a scroll event must not read the old offset against the new layout first.
  useLayoutEffect(() => {
    if (!pdf) return;
    goTo(anchor.current.page, anchor.current.fraction);
  }, [layout, pdf]); // only a new layout moves the anchor

  const markCurrent = useCallback((): boolean => {
    const el = scroller.current;
    if (!el) return false;
    el.querySelectorAll('mark.current').forEach((m) => m.classList.remove('current'));
    const marks = el.querySelectorAll<HTMLElement>(`mark[data-mark="${current}"]`);
    marks.forEach((m) => m.classList.add('current'));
    if (pendingMark.current === current && marks[0]) {
      pendingMark.current = null;
      centerIn(el, marks[0]);
      return true;
    }
    return marks.length > 0;
  }, [current]);

  // A new current hit: go to its page; the mark is scrolled to once the page is drawn.
  useEffect(() => {
    const match = matches[current];
    if (!pdf || !match?.page) return;
    pendingMark.current = current;
    if (!markCurrent()) goTo(match.page);
  }, [pdf, matches, current, goTo, markCurrent]);

  // A highlight to show: go to its page; once drawn, it is centred.
  const pendingHighlight = useRef<string | undefined>(focusHighlight);
  // Each request is served once: a highlight added or edited later does not pull the view back.
  const served = useRef('');
  useEffect(() => {
    if (!pdf || !focusHighlight || served.current === `${focusHighlight}#${focusSeq}`) return;
    const h = highlights.find((x) => x.id === focusHighlight);
    if (h?.at?.page) {
      served.current = `${focusHighlight}#${focusSeq}`;
      pendingHighlight.current = focusHighlight;
      const drawnMark = scroller.current?.querySelector(`mark[data-hl="${focusHighlight}"]`);
      if (drawnMark) {
        pendingHighlight.current = undefined;
        centerIn(scroller.current!, drawnMark as HTMLElement);
      } else goTo(h.at.page);
    }
  }, [pdf, focusHighlight, focusSeq, highlights, goTo]);

  const onDrawn = useCallback(
    (_n: number) => {
      drawn.current += 1;
      scroller.current?.setAttribute('data-drawn', String(drawn.current));
      markCurrent();
      const wanted = pendingHighlight.current && scroller.current?.querySelector(`mark[data-hl="${pendingHighlight.current}"]`);
      if (wanted) {
        pendingHighlight.current = undefined;
        centerIn(scroller.current!, wanted);
      }
    },
    [markCurrent],
  );

  // Report the page being read (debounced by the caller) and follow it in the page box.
  const onScroll = (): void => {
    const el = scroller.current!;
    setScrollTop(el.scrollTop);
    const y = Math.max(0, el.scrollTop - OFFSET);
    const page = layout.pageAt(y + 1);
    const fraction = Math.min(1, Math.max(0, (y - layout.top(page)) / Math.max(1, layout.heightOf(page))));
    anchor.current = { page, fraction };
    if (document.activeElement !== pageBox.current) setPageInput(labelsNow.current.labelOf(page));
    onPosition(page, fraction);
  };

  const zoomBy = useCallback((factor: number) => setZoom((z) => Math.min(MAX, Math.max(MIN, Math.round((z === 'fit' ? scale : z) * factor * 100) / 100))), [scale]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey)) return;
      if (e.key === '=' || e.key === '+') zoomBy(1.2);
      else if (e.key === '-') zoomBy(1 / 1.2);
      else if (e.key === '0') setZoom('fit');
      else if (e.key.toLowerCase() === 'g') {
        pageBox.current?.focus();
        pageBox.current?.select();
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [zoomBy]);

  // The outline follows the page being read: its entry kept in view.
  const reading = layout.pageAt(Math.max(0, scrollTop - OFFSET) + 1);
  const readingSection = sectionAt(doc.outline, reading);
  useEffect(() => {
    outlineBox.current?.querySelector<HTMLElement>('[aria-current=location]')?.scrollIntoView({ block: 'nearest' });
  }, [readingSection, side]);

  if (error) return <p className="error pdf-error">{t('pdf.error', { message: error })}</p>;

  const [first, last] = pdf ? layout.visible(scrollTop, box.height) : [1, 0];
  const shown: number[] = [];
  for (let n = Math.max(1, first - 1); n <= Math.min(sizes.length, last + 1); n++) shown.push(n);
  const here = reading;
  const section = readingSection;

  return (
    <div className="pdf-view">
      <div className="pdf-toolbar" role="toolbar" aria-label={t('pdf.toolbar')}>
        <button type="button" className={side === 'outline' ? 'on' : ''} onClick={() => setSide(side === 'outline' ? 'none' : 'outline')} disabled={!doc.outline?.length} title={t('pdf.outline')}>
          {t('pdf.outline')}
        </button>
        <button type="button" className={side === 'thumbs' ? 'on' : ''} onClick={() => setSide(side === 'thumbs' ? 'none' : 'thumbs')} title={t('pdf.thumbs')} data-testid="pdf-thumbs-toggle">
          {t('pdf.thumbs')}
        </button>
        <span className="spacer" />
        <form
          className="pdf-goto"
          onSubmit={(e) => {
            e.preventDefault();
            const typed = pageInput;
            pageBox.current?.blur();
            void labelsLoaded.current.then((loaded) => {
              const wanted = loaded.pageOf(typed);
              if (wanted) goTo(wanted);
              else setPageInput(loaded.labelOf(here));
            });
          }}
        >
          <input ref={pageBox} value={pageInput} onChange={(e) => setPageInput(e.target.value.replace(/[^\p{L}\p{N}.-]/gu, '').slice(0, 12))} inputMode="numeric" aria-label={t('pdf.goto')} title={`${t('pdf.goto')} (Ctrl+G)`} data-testid="pdf-page-input" />
          <span className="muted" data-testid="pdf-page-of">
            {labels.differ && labelOf(here) !== String(here) ? `(${here} / ${sizes.length || doc.pageCount})` : `/ ${sizes.length || doc.pageCount}`}
          </span>
        </form>
        <span className="spacer" />
        <button type="button" onClick={() => zoomBy(1 / 1.2)} title={`${t('pdf.zoomOut')} (Ctrl+-)`} aria-label={t('pdf.zoomOut')}>−</button>
        <span className="pdf-zoom" data-testid="pdf-zoom">{Math.round(scale * 100)}%</span>
        <button type="button" onClick={() => zoomBy(1.2)} title={`${t('pdf.zoomIn')} (Ctrl+=)`} aria-label={t('pdf.zoomIn')}>+</button>
        <button type="button" className={zoom === 'fit' ? 'on' : ''} onClick={() => setZoom('fit')} title={`${t('pdf.fit')} (Ctrl+0)`}>{t('pdf.fit')}</button>
      </div>
      <div className="pdf-body">
        {side === 'outline' && doc.outline?.length ? (
          <nav className="pdf-side pdf-outline" aria-label={t('pdf.outline')} data-testid="pdf-outline" ref={outlineBox}>
            {doc.outline.map((entry, i) => (
              <button key={i} type="button" style={{ paddingLeft: 12 + entry.depth * 14 }} disabled={!entry.page} onClick={() => entry.page && goTo(entry.page)} className={i === section ? 'active' : ''} aria-current={i === section ? 'location' : undefined}>
                <span>{entry.title}</span>
                {entry.page && <span className="muted">{labelOf(entry.page)}</span>}
              </button>
            ))}
          </nav>
        ) : null}
        {side === 'thumbs' && pdf && (
          <div className="pdf-side pdf-thumbs">
            <Thumbnails doc={pdf} count={sizes.length} ratio={(sizes[0]?.[1] ?? 1) / (sizes[0]?.[0] ?? 1)} current={here} go={(n) => goTo(n)} labelOf={labelOf} />
          </div>
        )}
        <div className="pdf-scroller" ref={scroller} onScroll={onScroll} data-testid="pdf-scroller" data-page-now={here}>
          {!pdf && <p className="muted pdf-loading">{t('common.loading')}</p>}
          {pdf && (
            <div className="pdf-column" style={{ height: layout.height + 2 * PAD, width: Math.max(...shown.map((n) => layout.widthOf(n)), 0) + 2 * PAD }}>
              {shown.map((n) => (
                <PdfPage
                  key={n}
                  doc={pdf}
                  n={n}
                  scale={scale}
                  top={layout.top(n) + PAD}
                  width={layout.widthOf(n)}
                  height={layout.heightOf(n)}
                  text={doc.pages?.[n - 1] ?? ''}
                  highlights={highlightsByPage.get(n) ?? NONE}
                  fuzzyTitle={t('highlight.fuzzy')}
                  needles={perPage.get(n)?.needles ?? []}
                  pieces={perPage.get(n)?.pieces ?? NO_PIECES}
                  firstMark={perPage.get(n)?.first ?? 0}
                  onSize={setSize}
                  onDrawn={onDrawn}
                  label={t('reader.page', { n })}
                  deferred={n < first || n > last}
                  ocrItems={ocrLayer[n]}
                />
              ))}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
