/**
 * Editing one highlight, opened by clicking it — beside the passage, not over it: colour, note, topics (suggested from the
 * highlight's own words and note — one click adds one —, picked from the library's taxonomy, or
 * typed, 、-separated), 确认位置 for a highlight whose place may have changed, and
 * delete (undone from the toast).
 *
 * @example
 * <HighlightEditor highlight={h} at={rect} onClose={close} toast={toast} focus="note" />
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Highlight, SuggestedTopic, TopicSummary } from '../../../../electron/shared/types';
import { useClient } from '../../app/context';
import type { ToastMessage } from '../../components/Toast';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import { COLORS } from './HighlightToolbar';
import { placeBeside } from './place-beside';
import { ReviewCards } from './ReviewCards';
import { useAction } from '../../app/useAction';

/** A passage's suggestion is offered from this score (a highlight has few words: lower than a document's). */
const SUGGEST_MIN = 0.08;

/** Topics as typed: separated by commas, 、, ， or ；. */
export const parseTopics = (s: string): string[] => [...new Set(s.split(/[,，、;；\n]/).map((x) => x.trim()).filter(Boolean))];

export function HighlightEditor({ highlight, at, focus, onClose, toast }: { highlight: Highlight; at: DOMRect; focus?: 'note' | 'topics'; onClose(): void; toast(m: ToastMessage): void }) {
  const { run } = useAction(toast);
  const { t } = useT();
  const client = useClient();
  const [note, setNote] = useState(highlight.note ?? '');
  const [topics, setTopics] = useState(highlight.topics.join('、'));
  const [taxonomy, setTaxonomy] = useState<TopicSummary[]>([]);
  useEffect(() => void client.listTopics({}).then(setTaxonomy, () => undefined), [client]);
  const [suggested, setSuggested] = useState<SuggestedTopic[]>([]);
  const words = `${highlight.target.selector[0].exact}\n${highlight.note ?? ''}`.trim();
  useEffect(() => void client.suggestTopics({ text: words.slice(0, 100_000) }).then(setSuggested, () => undefined), [client, words]);
  const offered = suggested.filter((s) => s.score >= SUGGEST_MIN && !parseTopics(topics).includes(s.path)).slice(0, 3);
  const noteBox = useRef<HTMLTextAreaElement>(null);
  const topicBox = useRef<HTMLInputElement>(null);
  useEffect(() => (focus === 'topics' ? topicBox : noteBox).current?.focus(), [focus]);

  const save = async (patch: Parameters<typeof client.updateHighlight>[0]): Promise<void> => {
    await run(async () => {
      await client.updateHighlight(patch);
    });
  };
  const saveText = async (): Promise<void> => {
    const nextTopics = parseTopics(topics);
    if (note !== (highlight.note ?? '') || nextTopics.join('、') !== highlight.topics.join('、')) await save({ id: highlight.id, note, topics: nextTopics });
  };
  const close = async (): Promise<void> => {
    await saveText();
    onClose();
  };
  const remove = async (): Promise<void> => {
    await run(async () => {
      await client.removeHighlight({ id: highlight.id });
      onClose();
      toast({ text: t('highlight.removed'), action: { label: t('library.undo'), run: () => void client.restoreHighlight({ id: highlight.id }) } });
    });
  };
  // Beside the passage, never over it: placed by its measured size.
  const boxRef = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(320);
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    // Measured again whenever it grows (the cloze words open in it).
    const observer = new ResizeObserver(() => setHeight(box.offsetHeight));
    observer.observe(box);
    setHeight(box.offsetHeight);
    return () => observer.disconnect();
  }, []);
  const { top, left } = placeBeside(at, { width: 320, height }, { width: window.innerWidth, height: window.innerHeight });
  return (
    <div
      ref={boxRef}
      className="hl-editor"
      style={{ top, left }}
      role="dialog"
      aria-label={t('highlight.edit')}
      data-testid="highlight-editor"
      onKeyDown={(e) => {
        if (e.key === 'Escape') void close();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void close();
        e.stopPropagation();
      }}
    >
      {highlight.status === 'fuzzy' && (
        <div className="hl-warn">
          {t('highlight.fuzzy')}
          <button type="button" onClick={() => void save({ id: highlight.id, confirm: true })} data-testid="highlight-confirm">{t('highlight.confirm')}</button>
        </div>
      )}
      <div className="hl-colors">
        {COLORS.map((c) => (
          <button key={c} type="button" className={`swatch hl-${c}${highlight.color === c ? ' on' : ''}`} onClick={() => void save({ id: highlight.id, color: c })} aria-label={t(`highlight.color.${c}` as MessageKey)} aria-pressed={highlight.color === c} />
        ))}
      </div>
      <textarea ref={noteBox} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('highlight.notePlaceholder')} rows={3} data-testid="highlight-note-input" />
      {offered.length > 0 && (
        <div className="hl-suggested" data-testid="highlight-suggested">
          <span className="muted small">{t('highlight.suggested')}</span>
          {offered.map((x) => (
            <button key={x.path} type="button" className="topic-suggestion small" title={x.path} onClick={() => setTopics(parseTopics(`${topics}、${x.path}`).join('、'))} data-testid="highlight-suggestion">
              ＋ {x.path.split('/').pop()}
            </button>
          ))}
        </div>
      )}
      <input ref={topicBox} value={topics} onChange={(e) => setTopics(e.target.value)} placeholder={t('highlight.topicsPlaceholder')} data-testid="highlight-topics-input" />
      <select
        value=""
        onChange={(e) => e.target.value && setTopics(parseTopics(`${topics}、${e.target.value}`).join('、'))}
        aria-label={t('topics.add')}
        data-testid="highlight-topic-pick"
      >
        <option value="">{t('topics.choose')}</option>
        {taxonomy.map((x) => <option key={x.path} value={x.path}>{'　'.repeat(x.depth)}{x.name}</option>)}
      </select>
      <ReviewCards highlight={highlight} toast={toast} />
      <div className="hl-actions">
        <button type="button" className="ghost danger" onClick={() => void remove()} data-testid="highlight-delete">{t('highlight.delete')}</button>
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => void close()} data-testid="highlight-save">{t('highlight.done')}</button>
      </div>
    </div>
  );
}
