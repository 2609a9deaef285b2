/**
 * 继续阅读: the documents read last and not finished, as cards at the top of the library — a click
 * opens the reader where it was left (the reader restores the saved position), with how far and
 * when.
 *
 * @example
 * <ContinueReading docs={docs} />
 */
import type { DocumentSummary } from '../../../../electron/shared/types';
import { hrefOf } from '../../app/router';
import { useT } from '../../i18n';
import { recentlyRead } from './recent';

const CARDS = 4;

/** "刚刚", "5 分钟前", "昨天"… in the UI's language. */
function ago(at: number, lang: string): string {
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const minutes = Math.round((at - Date.now()) / 60_000);
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return format.format(hours, 'hour');
  return format.format(Math.round(hours / 24), 'day');
}

export function ContinueReading({ docs }: { docs: readonly DocumentSummary[] }) {
  const { t, lang } = useT();
  const recent = recentlyRead(docs, CARDS);
  if (!recent.length) return null;
  return (
    <section className="continue" aria-label={t('library.continue')} data-testid="continue-reading">
      <h2 className="continue-head">{t('library.continue')}</h2>
      <div className="continue-cards">
        {recent.map((doc) => {
          const percent = Math.round((doc.progress ?? 0) * 100);
          return (
            <a key={doc.id} className="continue-card" href={hrefOf('reader', { id: doc.id })} data-testid="continue-card">
              <span className="continue-title">{doc.title}</span>
              <span className="muted small">
                {doc.position?.page ? `${t('library.continue.page', { page: doc.position.page })} · ` : ''}
                {ago(doc.position!.at, lang)} · {percent}%
              </span>
              <span className="continue-bar" aria-label={t('library.continue.progress', { percent })}>
                <span style={{ width: `${Math.max(2, percent)}%` }} />
              </span>
            </a>
          );
        })}
      </div>
    </section>
  );
}
