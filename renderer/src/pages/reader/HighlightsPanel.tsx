/**
 * The reader's 标注 pane (as Zotero's annotation pane): this document's highlights and notes in the
 * order they come in the text, each with its colour, its quote, its note and topics, and its page
 * for a PDF; a click goes to it in the text. A highlight whose place may have changed is flagged.
 *
 * @example
 * <HighlightsPanel highlights={highlights} onJump={(h) => jumpTo(h)} onClose={close} />
 */
import type { Highlight } from '../../../../electron/shared/types';
import { useT } from '../../i18n';

/** Where a highlight comes in the text, as [page, offset]; one with no place (not found again) comes last. */
const placeOf = (h: Highlight): [number, number] => (h.at ? [h.at.page ?? 0, h.at.start] : [Number.MAX_SAFE_INTEGER, 0]);

/** The highlights in reading order: by page, then by place, then as made. */
export const inReadingOrder = (highlights: readonly Highlight[]): Highlight[] =>
  [...highlights].sort((a, b) => {
    const [pa, sa] = placeOf(a);
    const [pb, sb] = placeOf(b);
    return pa - pb || sa - sb || a.createdAt - b.createdAt;
  });

const EXCERPT = 90;

export function HighlightsPanel({ highlights, onJump, onClose, pageLabel }: { highlights: readonly Highlight[]; onJump(h: Highlight): void; onClose(): void; pageLabel?: (page: number) => string }) {
  const { t } = useT();
  const list = inReadingOrder(highlights);
  /** Its page (a PDF's), topics and whether its place is to confirm. */
  const meta = (h: Highlight): string[] => [
    ...(h.at?.page !== undefined ? [t('reader.page', { n: pageLabel ? pageLabel(h.at.page) : h.at.page })] : []),
    ...(h.topics.length ? [h.topics.map((p) => p.split('/').pop()).join('、')] : []),
    ...(h.status === 'fuzzy' ? [t('highlight.fuzzyShort')] : []),
  ];
  return (
    <aside className="hl-panel" aria-label={t('reader.panel')} data-testid="highlights-panel">
      <header className="hl-panel-head">
        <strong>{t('reader.panel')}</strong>
        <span className="muted small">{t('reader.panel.count', { n: list.length })}</span>
        <span className="spacer" />
        <button type="button" className="ghost" onClick={onClose} aria-label={t('reader.panel.close')} title={t('reader.panel.close')}>×</button>
      </header>
      {list.length === 0 ? (
        <p className="muted small hl-panel-empty">{t('reader.panel.empty')}</p>
      ) : (
        <ol className="hl-panel-list">
          {list.map((h) => {
            const quote = h.target.selector[0].exact.replace(/\s+/g, ' ');
            return (
              <li key={h.id}>
                <button type="button" className={`hl-item hl-${h.color}`} onClick={() => onJump(h)} data-testid="highlights-panel-item" data-hl-item={h.id}>
                  <span className="hl-item-quote">{quote.length > EXCERPT ? `${quote.slice(0, EXCERPT)}…` : quote}</span>
                  {h.note && <span className="hl-item-note" data-testid="highlights-panel-note">{h.note}</span>}
                  {meta(h).length > 0 && <span className="hl-item-meta muted small">{meta(h).join(' · ')}</span>}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </aside>
  );
}
