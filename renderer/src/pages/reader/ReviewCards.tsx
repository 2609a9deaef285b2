/**
 * A highlight's 复习 cards, in its editor: 整句卡 (recall the whole quote from its context) and
 * 挖空卡 (the words chosen hidden: the taxonomy's 提法 found in the quote are proposed and
 * chosen to start with; others can be typed, 、-separated). Says how many cards it has.
 *
 * @example
 * <ReviewCards highlight={h} toast={toast} />
 */
import { useEffect, useState } from 'react';
import type { Highlight, ReviewCard } from '../../../../electron/shared/types';
import { useClient } from '../../app/context';
import { useAction } from '../../app/useAction';
import type { ToastMessage } from '../../components/Toast';
import { useT } from '../../i18n';
import { parseTopics } from './HighlightEditor';

export function ReviewCards({ highlight, toast }: { highlight: Highlight; toast(m: ToastMessage): void }) {
  const { t } = useT();
  const client = useClient();
  const { run, running } = useAction(toast);
  const [cards, setCards] = useState<ReviewCard[]>([]);
  const [cloze, setCloze] = useState<{ proposed: string[]; chosen: string[]; typed: string }>();
  useEffect(() => void client.listReviewCards({ highlightId: highlight.id }).then(setCards, () => undefined), [client, highlight.id]);

  const made = (card: ReviewCard): void => {
    setCards((old) => (old.some((c) => c.id === card.id) ? old : [...old, card]));
    toast({ text: t('review.card.made') });
  };
  const openCloze = (): void =>
    void run(async () => {
      const proposed = await client.proposeCloze({ highlightId: highlight.id });
      setCloze({ proposed, chosen: proposed, typed: '' });
    }, 'propose');
  const toggle = (word: string): void => setCloze((c) => c && { ...c, chosen: c.chosen.includes(word) ? c.chosen.filter((w) => w !== word) : [...c.chosen, word] });
  const hide = cloze ? [...new Set([...cloze.chosen, ...parseTopics(cloze.typed)])] : [];

  return (
    <div className="hl-review" data-testid="highlight-review">
      <span className="muted small">
        {t('review.cards')}
        {cards.length > 0 && ` · ${cards.length}`}
      </span>
      <button type="button" className="small" disabled={running !== undefined} onClick={() => void run(async () => made(await client.addReviewCard({ highlightId: highlight.id, kind: 'quote' })), 'quote')} data-testid="review-card-quote">
        {t('review.card.quote')}
      </button>
      <button type="button" className="small" disabled={running !== undefined} onClick={openCloze} data-testid="review-card-cloze">
        {t('review.card.cloze')}
      </button>
      {cloze && (
        <div className="hl-cloze" data-testid="cloze-editor">
          <span className="muted small">{t('review.cloze.hint')}</span>
          <div className="hl-cloze-words">
            {cloze.proposed.map((w) => (
              <button key={w} type="button" className={`chip${cloze.chosen.includes(w) ? ' on' : ''}`} aria-pressed={cloze.chosen.includes(w)} onClick={() => toggle(w)} data-testid="cloze-word">
                {w}
              </button>
            ))}
          </div>
          <input value={cloze.typed} onChange={(e) => setCloze({ ...cloze, typed: e.target.value })} placeholder={t('review.cloze.words')} aria-label={t('review.cloze.words')} data-testid="cloze-typed" />
          <button
            type="button"
            className="primary small"
            disabled={!hide.length || running !== undefined}
            onClick={() =>
              void run(async () => {
                made(await client.addReviewCard({ highlightId: highlight.id, kind: 'cloze', hide }));
                setCloze(undefined);
              }, 'cloze')
            }
            data-testid="cloze-make"
          >
            {t('review.cloze.make')}
          </button>
        </div>
      )}
    </div>
  );
}
