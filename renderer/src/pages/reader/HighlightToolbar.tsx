/**
 * The toolbar over a selection in the reader: five colours (one click highlights), 笔记 (highlight
 * and write a note), 专题 (highlight and tag), 复制 (the quote with its citation). H highlights the
 * selection in the last colour used. When re-attaching a highlight, it offers 放到这里 instead.
 *
 * @example
 * <HighlightToolbar rect={rect} onColor={…} onNote={…} onCopy={…} />
 */
import type { HighlightColor } from '../../../../electron/shared/types';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import { HIGHLIGHT_COLORS } from '../../../../electron/shared/colors';

export const COLORS: readonly HighlightColor[] = HIGHLIGHT_COLORS;

interface Props {
  rect: DOMRect;
  reattaching?: boolean;
  onColor(color: HighlightColor): void;
  onNote(): void;
  onTopics(): void;
  onCopy(): void;
  onReattach(): void;
}

export function HighlightToolbar({ rect, reattaching, onColor, onNote, onTopics, onCopy, onReattach }: Props) {
  const { t } = useT();
  const top = Math.max(8, rect.top - 48);
  const left = Math.min(window.innerWidth - 340, Math.max(8, rect.left + rect.width / 2 - 160));
  // Buttons must not take the selection away: act on mousedown, keep focus where it is.
  const keep = (e: React.MouseEvent): void => e.preventDefault();
  return (
    <div className="hl-toolbar" style={{ top, left }} role="toolbar" aria-label={t('highlight.toolbar')} data-testid="highlight-toolbar" onMouseDown={keep}>
      {reattaching ? (
        <button type="button" className="primary" onClick={onReattach} data-testid="highlight-reattach">{t('highlight.reattachHere')}</button>
      ) : (
        <>
          {COLORS.map((c) => (
            <button key={c} type="button" className={`swatch hl-${c}`} onClick={() => onColor(c)} title={`${t(`highlight.color.${c}` as MessageKey)} (H)`} aria-label={t(`highlight.color.${c}` as MessageKey)} data-testid={`highlight-${c}`} />
          ))}
          <span className="sep" />
          <button type="button" onClick={onNote} data-testid="highlight-note">{t('highlight.note')}</button>
          <button type="button" onClick={onTopics}>{t('highlight.topics')}</button>
          <button type="button" onClick={onCopy} data-testid="highlight-copy">{t('highlight.copy')}</button>
        </>
      )}
    </div>
  );
}
