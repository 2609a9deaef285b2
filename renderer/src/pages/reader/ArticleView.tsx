/**
 * The article view: the stored, sanitized article (or a text's paragraphs) set for long Chinese
 * reading in the user's typography, with a header of title, site, date, author, origin and
 * category. Search hits are marked in place and the current one scrolled to; otherwise it opens
 * where the reader left off, and reports how far down they are.
 *
 * @example
 * <ArticleView doc={doc} matches={matches} current={0} settings={settings} onPosition={save} />
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { DocumentDetail, Highlight, TextMatch } from '../../../../electron/shared/types';
import { useT } from '../../i18n';
import { buildArticle } from './article-dom';
import { drawHighlights } from './highlight-marks';
import { centerIn, markText, textNodesOf } from './marks';
import { WIDTHS, type ReaderSettings } from './settings';

interface Props {
  doc: DocumentDetail;
  matches: TextMatch[];
  current: number;
  settings: ReaderSettings;
  highlights: Highlight[];
  /** A highlight to bring into view (opened from the 标注 page). */
  focusHighlight?: string;
  onPosition(fraction: number): void;
}

export function ArticleView({ doc, matches, current, settings, highlights, focusHighlight, onPosition }: Props) {
  const { t } = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const needles = useMemo(() => [...new Set(matches.map((m) => (doc.text ?? '').slice(m.start, m.end)))], [doc, matches]);
  const restored = useRef(false);

  const fuzzyTitle = t('highlight.fuzzy');
  useLayoutEffect(() => {
    const built = buildArticle(document, doc, doc.title);
    const placed = highlights.filter((h) => h.at).map((h) => ({ h, start: h.at!.start, end: h.at!.end }));
    drawHighlights(textNodesOf(built), doc.text ?? '', placed, fuzzyTitle);
    if (needles.length) markText(textNodesOf(built), needles, 0);
    body.current!.replaceChildren(...Array.from(built.childNodes));
  }, [doc, needles, highlights, fuzzyTitle]);

  // Opened at a highlight (from the 标注 page): centre it once.
  const focused = useRef(false);
  useEffect(() => {
    if (!focusHighlight || focused.current) return;
    const mark = scroller.current?.querySelector(`mark[data-hl="${focusHighlight}"]`);
    if (mark) {
      focused.current = true;
      restored.current = true;
      centerIn(scroller.current!, mark);
    }
  }, [focusHighlight, highlights]);

  // The current hit, marked and in view; with no hits, the saved position.
  useEffect(() => {
    const el = scroller.current!;
    el.querySelectorAll('mark.current').forEach((m) => m.classList.remove('current'));
    const marks = el.querySelectorAll<HTMLElement>(`mark[data-mark="${current}"]`);
    marks.forEach((m) => m.classList.add('current'));
    if (marks[0]) centerIn(el, marks[0]);
    else if (!restored.current && !focusHighlight && doc.position) el.scrollTop = doc.position.fraction * (el.scrollHeight - el.clientHeight);
    restored.current = true;
  }, [current, needles, doc, focusHighlight]);

  // The publication date only: the day a document was added is not when it was written.
  const meta = [doc.site, doc.publishedAt, doc.author, doc.origin].filter(Boolean);
  return (
    <div
      className="reader-scroll"
      ref={scroller}
      data-testid="reader-scroll"
      onScroll={(e) => {
        const el = e.currentTarget;
        onPosition(Math.min(1, Math.max(0, el.scrollTop / Math.max(1, el.scrollHeight - el.clientHeight))));
      }}
    >
      <article
        className={`reader font-${settings.font}`}
        data-testid="reader"
        style={{ fontSize: settings.size, lineHeight: settings.lineHeight, maxWidth: WIDTHS[settings.width] + 64 }}
      >
        <header>
          {doc.category?.length ? <div className="crumbs">{doc.category.join(' › ')}</div> : null}
          <h1>{doc.title}</h1>
          {meta.length > 0 && <div className="meta">{meta.join(' · ')}</div>}
        </header>
        <div ref={body} className="reader-body" />
      </article>
    </div>
  );
}
