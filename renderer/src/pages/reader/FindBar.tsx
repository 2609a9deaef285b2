/**
 * The reader's find bar, for search hits and find-in-document alike: the query (from the search
 * that opened the document, or typed here after Ctrl/Cmd+F), "第 3 / 17 处", previous and next.
 * Enter / F3 go to the next hit and Shift+Enter / Shift+F3 to the previous one, in the box or
 * anywhere in the reader; Escape leaves the box.
 *
 * @example
 * <FindBar query={query} onQuery={setQuery} current={2} total={17} go={setCurrent} />
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../../i18n';

interface Props {
  query: string;
  onQuery(query: string): void;
  current: number;
  total: number;
  go(index: number): void;
  children?: ReactNode;
}

export function FindBar({ query, onQuery, current, total, go, children }: Props) {
  const { t } = useT();
  const box = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(query);
  useEffect(() => setDraft(query), [query]);
  // Typing searches after a pause.
  useEffect(() => {
    if (draft === query) return;
    const timer = setTimeout(() => onQuery(draft), 250);
    return () => clearTimeout(timer);
  }, [draft, query, onQuery]);

  const step = (by: number): void => {
    if (total) go((current + by + total) % total);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const target = e.target instanceof HTMLElement ? e.target : undefined;
      const inBox = target === box.current;
      const typing = !inBox && target !== undefined && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        box.current?.focus();
        box.current?.select();
      } else if (e.key === 'F3' || (e.key === 'Enter' && !typing && !(target instanceof HTMLButtonElement))) {
        e.preventDefault();
        if (inBox && draft !== query) onQuery(draft);
        else step(e.shiftKey ? -1 : 1);
      } else if (e.key === 'Escape' && inBox) box.current?.blur();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="hitbar" data-testid="hitbar" role="search" aria-label={t('reader.hits.label')}>
      {children}
      <span className="spacer" />
      <input
        ref={box}
        className="find-box"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        placeholder={t('reader.find.placeholder')}
        aria-label={t('reader.find.placeholder')}
        data-testid="find-input"
      />
      {query.trim() &&
        (total ? (
          <span data-testid="hitbar-count" className="nowrap">{t('reader.hits.count', { i: current + 1, n: total })}</span>
        ) : (
          <span className="muted nowrap" data-testid="hitbar-none">{t('reader.hits.none')}</span>
        ))}
      <button type="button" className="icon" onClick={() => step(-1)} disabled={!total} title="Shift+Enter / Shift+F3" aria-label={t('reader.hits.prev')}>↑</button>
      <button type="button" className="icon" onClick={() => step(1)} disabled={!total} title="Enter / F3" aria-label={t('reader.hits.next')}>↓</button>
    </div>
  );
}
