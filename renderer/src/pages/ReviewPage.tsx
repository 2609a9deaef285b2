/**
 * 复习: what is due today (overall and by topic), a session driven by the keyboard — space shows
 * the answer, 1–4 grade it (重来 / 困难 / 良好 / 容易), Z takes the last grade back — with the
 * source one click away (the reader at the highlight), and the stats: a calendar of reviews, true
 * retention, cards by state and the next 30 days' load; and 今日回顾, a few highlights a day to
 * read again, drawn toward those never reviewed. Cards are made in the reader (a
 * highlight's 复习 buttons) and on the 专题 page (a topic's 提法).
 *
 * @example
 * <ReviewPage toast={setToast} />
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Highlight, ReviewItem, ReviewQueue, ReviewStats } from '../../../electron/shared/types';
import { useClient } from '../app/context';
import { hrefOf } from '../app/router';
import { useAction } from '../app/useAction';
import { EmptyState } from '../components/EmptyState';
import type { ToastMessage } from '../components/Toast';
import { useT } from '../i18n';
import { intervalText } from './review/interval';
import { ReviewStatsView } from './review/ReviewStatsView';

const GRADES = [1, 2, 3, 4] as const;
/** 今日回顾: highlights a day to read again. */
const DAILY = 5;

/** A session: its cards (the queue when it started), how many are graded, whether the answer shows. */
interface Session {
  items: ReviewItem[];
  done: number;
  shown: boolean;
}

export function ReviewPage({ toast }: { toast: (m: ToastMessage) => void }) {
  const { t, lang } = useT();
  const client = useClient();
  const { run } = useAction(toast);
  const [topic, setTopic] = useState('');
  const [queue, setQueue] = useState<ReviewQueue>();
  const [stats, setStats] = useState<ReviewStats>();
  const [daily, setDaily] = useState<{ highlight: Highlight; title: string }[]>([]);
  useEffect(() => void client.dailyHighlights({ n: DAILY }).then(setDaily, () => undefined), [client]);
  const [session, setSessionState] = useState<Session>();
  // The session as the keys see it: updated at once, so keys pressed in quick succession (space,
  // then 1) each act on the state the one before left.
  const live = useRef<Session | undefined>(undefined);
  const setSession = useCallback((next: Session | undefined) => {
    live.current = next;
    setSessionState(next);
  }, []);

  const load = useCallback(async () => {
    const [q, s] = await Promise.all([client.reviewQueue(topic ? { topic } : {}), client.reviewStats({})]);
    setQueue(q);
    setStats(s);
    return q;
  }, [client, topic]);
  useEffect(() => void load().catch(() => undefined), [load]);

  const start = (): void => {
    if (queue?.items.length) setSession({ items: queue.items, done: 0, shown: false });
  };
  const current = session?.items[session.done];
  // With the answer shown, when each grade would bring the card back (as Anki's buttons say).
  const [intervals, setIntervals] = useState<{ id: string; due: Record<number, number> }>();
  const shownId = session?.shown ? current?.card.id : undefined;

  // Grades and undos reach core one after another, in the order of the keys.
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const serial = useCallback(<T,>(work: () => Promise<T>): Promise<T> => {
    const next = chain.current.then(work);
    chain.current = next.catch(() => undefined);
    return next;
  }, []);

  const grade = useCallback(
    async (rating: 1 | 2 | 3 | 4) => {
      const now = live.current;
      const card = now?.items[now.done];
      if (!now || !card || !now.shown) return;
      // Counted at once (a second key does not grade the same card twice); taken back if it fails.
      setSession({ ...now, done: now.done + 1, shown: false });
      const ok = await run(async () => {
        await serial(() => client.gradeCard({ id: card.card.id, rating }));
        return true;
      });
      if (!ok) setSession(now);
    },
    [client, run, serial, setSession],
  );
  const undo = useCallback(async () => {
    const now = live.current;
    if (!now || now.done === 0) return;
    await run(async () => {
      const { undone } = await serial(() => client.undoGrade({}));
      const after = live.current ?? now;
      if (undone) setSession({ ...after, done: after.done - 1, shown: true });
    });
  }, [client, run, serial, setSession]);

  // The session's keys: space shows the answer, 1–4 grade, Z undoes; Enter starts.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const now = live.current;
      if (!now) {
        if (e.key === 'Enter' && queue?.items.length) {
          e.preventDefault();
          start();
        }
        return;
      }
      if (e.key === ' ' && now.items[now.done] && !now.shown) {
        e.preventDefault();
        setSession({ ...now, shown: true });
      } else if (/^[1-4]$/.test(e.key) && now.shown) {
        e.preventDefault();
        void grade(Number(e.key) as 1 | 2 | 3 | 4);
      } else if (e.key.toLowerCase() === 'z') {
        e.preventDefault();
        void undo();
      } else if (e.key === 'Escape') setSession(undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    if (!shownId) return;
    let live = true;
    const asked = Date.now();
    void chain.current.then(() => client.previewGrades({ id: shownId })).then(
      (due) => live && setIntervals({ id: shownId, due: Object.fromEntries(Object.entries(due).map(([g, at]) => [g, at - asked])) }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, shownId]);

  // The session ran out: what is due now (learning steps come back within minutes).
  useEffect(() => {
    if (session && !current) void chain.current.then(() => load()); // once the last grade is in
  }, [session, current, load]);

  const due = queue ? queue.due.learning + queue.due.review + queue.due.new : 0;
  return (
    <section className="page review-page" data-testid="review-page">
      <header className="page-head">
        <h1>{t('review.title')}</h1>
        {queue && (
          <span className="muted" data-testid="review-due">
            {t('review.due', { n: due, learning: queue.due.learning, review: queue.due.review, fresh: queue.due.new })}
          </span>
        )}
        <span className="spacer" />
        {queue && queue.byTopic.length > 0 && !session && (
          <select value={topic} onChange={(e) => setTopic(e.target.value)} aria-label={t('review.topic')} data-testid="review-topic">
            <option value="">{t('review.allTopics')}</option>
            {queue.byTopic.map((b) => <option key={b.topic} value={b.topic}>{`${b.topic}（${b.due}）`}</option>)}
          </select>
        )}
        {!session && (
          <button type="button" className="primary" disabled={!due} onClick={start} data-testid="review-start" title="Enter">
            {t('review.start')}
          </button>
        )}
      </header>

      {session && current && (
        <div className="review-card" data-testid="review-card" aria-live="polite">
          <div className="review-meta muted small">
            {t(`review.kind.${current.card.kind}`)} · {t('review.progress', { i: session.done + 1, n: session.items.length })}
            {current.topics.length > 0 && ` · ${current.topics.map((p) => p.split('/').pop()).join('、')}`}
          </div>
          <p className="review-front" data-testid="review-front">{current.front}</p>
          {current.source && <p className="muted small">《{current.source.title}》{current.source.page ? ` ${t('reader.page', { n: current.source.page })}` : ''}</p>}
          {session.shown ? (
            <>
              <p className="review-back" data-testid="review-back">{markAnswers(current.back, current.answers)}</p>
              <div className="review-grades" role="group" aria-label={t('review.grade')}>
                {GRADES.map((g) => (
                  <button key={g} type="button" className={`grade grade-${g}`} onClick={() => void grade(g)} data-testid={`review-grade-${g}`}>
                    <kbd>{g}</kbd> {t(`review.grade.${g}`)}
                    {intervals?.id === current.card.id && intervals.due[g] !== undefined && <span className="muted small interval">{intervalText(intervals.due[g], lang)}</span>}
                  </button>
                ))}
              </div>
            </>
          ) : (
            <button type="button" className="primary review-show" onClick={() => setSession({ ...session, shown: true })} data-testid="review-show">
              {t('review.show')} <kbd>{t('review.space')}</kbd>
            </button>
          )}
          <div className="review-foot">
            {current.source?.highlightId && (
              <a href={hrefOf('reader', { id: current.source.docId, hl: current.source.highlightId })} data-testid="review-source">{t('review.source')}</a>
            )}
            <span className="spacer" />
            <button type="button" className="ghost" disabled={session.done === 0} onClick={() => void undo()} data-testid="review-undo">
              {t('review.undo')} <kbd>Z</kbd>
            </button>
            <button type="button" className="ghost" onClick={() => setSession(undefined)}>{t('review.stop')}</button>
          </div>
        </div>
      )}
      {session && !current && (
        <div className="review-card review-done" data-testid="review-done">
          <p>{t('review.done', { n: session.done })}</p>
          <button type="button" onClick={() => setSession(undefined)}>{t('review.back')}</button>
        </div>
      )}

      {!session && queue && stats && stats.cards === 0 && (
        <EmptyState icon="highlights" title={t('review.empty.title')} body={t('review.empty.body')} action={<a className="button" href={hrefOf('highlights')}>{t('review.empty.action')}</a>} />
      )}
      {!session && daily.length > 0 && (
        <section className="review-daily" data-testid="review-daily">
          <h2>{t('review.daily')}</h2>
          <p className="muted small">{t('review.daily.hint')}</p>
          <ul>
            {daily.map(({ highlight: h, title }) => (
              <li key={h.id} className={`hl-item hl-${h.color}`}>
                <span className="hl-item-quote">{h.target.selector[0].exact}</span>
                {h.note && <span className="hl-item-note">{h.note}</span>}
                <a className="muted small" href={hrefOf('reader', { id: h.docId, hl: h.id })}>《{title}》</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!session && stats && stats.cards > 0 && <ReviewStatsView stats={stats} />}
    </section>
  );
}

/** The answer with its hidden words marked. */
function markAnswers(text: string, answers: string[]): React.ReactNode {
  if (!answers.length) return text;
  const pattern = new RegExp(`(${answers.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'g');
  return text.split(pattern).map((part, i) => (answers.includes(part) ? <mark key={i} className="review-answer">{part}</mark> : <span key={i}>{part}</span>));
}
