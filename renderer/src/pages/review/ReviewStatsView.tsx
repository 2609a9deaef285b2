/**
 * 复习's stats: a calendar of reviews (the last half year), true retention (the last 30 days),
 * cards by state, and the next 30 days' load as bars.
 *
 * @example
 * <ReviewStatsView stats={stats} />
 */
import type { ReviewStats } from '../../../../electron/shared/types';
import { useT } from '../../i18n';
import { heatmap } from './heatmap';

const WEEKS = 26;

export function ReviewStatsView({ stats }: { stats: ReviewStats }) {
  const { t } = useT();
  const columns = heatmap(stats.days, new Date(), WEEKS);
  const total = stats.days.reduce((n, d) => n + d.reviews, 0);
  const most = Math.max(1, ...stats.load.map((l) => l.due));
  return (
    <section className="review-stats" data-testid="review-stats">
      <div className="review-numbers">
        <div>
          <strong data-testid="review-retention">{stats.retention === undefined ? '—' : `${Math.round(stats.retention * 1000) / 10}%`}</strong>
          <span className="muted small">{t('review.stats.retention')}</span>
        </div>
        <div>
          <strong>{stats.cards}</strong>
          <span className="muted small">{t('review.stats.cards')}</span>
        </div>
        <div>
          <strong>{total}</strong>
          <span className="muted small">{t('review.stats.reviews')}</span>
        </div>
      </div>
      <h2>{t('review.stats.calendar')}</h2>
      <div className="heatmap" role="img" aria-label={t('review.stats.calendar')} data-testid="review-heatmap">
        {columns.map((column, i) => (
          <div key={i} className="heat-col">
            {column.map((d) => (
              <span key={d.day} className={`heat heat-${d.level}`} title={`${d.day}：${d.count}`} data-count={d.count} />
            ))}
          </div>
        ))}
      </div>
      <h2>{t('review.stats.states')}</h2>
      <ul className="review-states" data-testid="review-states">
        {(['new', 'learning', 'review', 'relearning', 'suspended'] as const).map((s) => (
          <li key={s}>
            <span className={`state-dot state-${s}`} /> {t(`review.state.${s}`)} <strong>{stats.states[s]}</strong>
          </li>
        ))}
      </ul>
      <h2>{t('review.stats.load')}</h2>
      <div className="review-load" data-testid="review-load">
        {stats.load.map((l) => (
          <span key={l.day} className="load-bar" style={{ height: `${Math.round((l.due / most) * 100)}%` }} title={`${l.day}：${l.due}`} />
        ))}
      </div>
    </section>
  );
}
