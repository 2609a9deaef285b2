/**
 * The reader's bar for search hits: 「query」 3 / 17 with previous / next; Enter and F3 go to the
 * next hit, Shift+Enter and Shift+F3 to the previous one (from anywhere but a text field).
 *
 * @example
 * <HitBar query="基层减负" current={2} total={17} go={setCurrent} />
 */
import { useEffect } from 'react';
import { useT } from '../../i18n';

export function HitBar({ query, current, total, go }: { query: string; current: number; total: number; go: (index: number) => void }) {
  const { t } = useT();
  const step = (by: number): void => {
    if (total) go((current + by + total) % total);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const typing = e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
      if (e.key === 'F3' || (e.key === 'Enter' && !typing)) {
        e.preventDefault();
        step(e.shiftKey ? -1 : 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return (
    <div className="hitbar" data-testid="hitbar" role="navigation" aria-label={t('reader.hits.label')}>
      <span className="hitbar-query">「{query}」</span>
      {total ? (
        <span data-testid="hitbar-count">{t('reader.hits.count', { i: current + 1, n: total })}</span>
      ) : (
        <span className="muted">{t('reader.hits.none')}</span>
      )}
      <button type="button" onClick={() => step(-1)} disabled={!total} title="Shift+Enter / Shift+F3" aria-label={t('reader.hits.prev')}>↑</button>
      <button type="button" onClick={() => step(1)} disabled={!total} title="Enter / F3" aria-label={t('reader.hits.next')}>↓</button>
    </div>
  );
}
