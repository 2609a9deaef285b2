/**
 * A document's exam topics under its title: its confirmed tags (× removes); its 推荐 tags, applied
 * on import and drawn dashed until confirmed (✓) or removed (✕); the other suggested themes and
 * 科目 with the phrases that triggered them (✓ accepts, ✕ turns down — both teach the
 * suggestions); and a box to add any topic of the taxonomy.
 *
 * @example
 * <TopicBar doc={doc} onChanged={reload} />
 */
import { useEffect, useState } from 'react';
import type { DocumentDetail, TopicSummary } from '../../../../electron/shared/types';
import { useClient } from '../../app/context';
import { useT } from '../../i18n';

const label = (path: string): string => path.split('/').slice(-2).join(' › ');

export function TopicBar({ doc, onChanged }: { doc: DocumentDetail; onChanged(): void }) {
  const { t } = useT();
  const client = useClient();
  const [topics, setTopics] = useState<TopicSummary[]>([]);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    if (adding && !topics.length) void client.listTopics({}).then(setTopics);
  }, [adding, client, topics.length]);

  const run = async (work: () => Promise<unknown>): Promise<void> => {
    await work();
    onChanged();
  };
  const [more, setMore] = useState(false);
  const recommended = doc.recommendedTopics ?? [];
  // What is already a 推荐 tag is not offered again below; 科目 follow the themes.
  const all = [...(doc.suggestedTopics ?? []), ...(doc.suggestedSubjects ?? [])].filter((s) => !recommended.includes(s.path));
  const suggestions = more ? all.slice(0, 6) : all.filter((s) => s.shown).slice(0, 3);
  const review = (topic: string, accept: boolean) => () => void run(() => client.reviewSuggestion({ id: doc.id, topic, accept }));
  return (
    <div className="topic-bar" data-testid="topic-bar">
      {doc.topics.map((topic) => (
        <span key={topic} className="topic-chip" data-testid="doc-topic">
          {label(topic)}
          <button type="button" className="chip-x" aria-label={t('topics.remove')} onClick={() => void run(() => client.setDocumentTopics({ id: doc.id, topics: doc.topics.filter((x) => x !== topic) }))}>×</button>
        </span>
      ))}
      {recommended.map((topic) => (
        <span key={topic} className="topic-chip recommended" title={t('topics.recommendedHint')} data-testid="doc-recommended">
          <span className="small">{t('topics.recommended')}</span> {label(topic)}
          <button type="button" aria-label={t('topics.confirm')} title={t('topics.confirm')} onClick={review(topic, true)} data-testid="recommended-confirm">✓</button>
          <button type="button" aria-label={t('topics.reject')} title={t('topics.reject')} onClick={review(topic, false)} data-testid="recommended-remove">✕</button>
        </span>
      ))}
      {suggestions.map((s) => (
        <span key={s.path} className="topic-suggestion" title={t('topics.because', { phrases: s.phrases.join('、') })} data-testid="topic-suggestion">
          <span className="muted small">{t('topics.suggested')}</span> {label(s.path)}
          <span className="muted small">（{s.phrases.slice(0, 3).join('、')}）</span>
          <button type="button" aria-label={t('topics.accept')} title={t('topics.accept')} onClick={review(s.path, true)} data-testid="topic-accept">✓</button>
          <button type="button" aria-label={t('topics.reject')} title={t('topics.reject')} onClick={review(s.path, false)} data-testid="topic-reject">✕</button>
        </span>
      ))}
      {!more && all.length > suggestions.length && (
        <button type="button" className="ghost small" onClick={() => setMore(true)} data-testid="topic-more">{t('topics.more', { n: Math.min(6, all.length) - suggestions.length })}</button>
      )}
      {adding ? (
        <select
          autoFocus
          value=""
          onBlur={() => setAdding(false)}
          onChange={(e) => {
            setAdding(false);
            if (e.target.value) void run(() => client.setDocumentTopics({ id: doc.id, topics: [...doc.topics, e.target.value] }));
          }}
          aria-label={t('topics.add')}
        >
          <option value="">{t('topics.choose')}</option>
          {topics.map((topic) => (
            <option key={topic.path} value={topic.path} disabled={doc.topics.includes(topic.path)}>
              {'　'.repeat(topic.depth)}{topic.name}
            </option>
          ))}
        </select>
      ) : (
        <button type="button" className="ghost small" onClick={() => setAdding(true)} data-testid="topic-add">＋ {t('topics.add')}</button>
      )}
    </div>
  );
}
