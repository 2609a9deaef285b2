/**
 * 搜索: results as you type (debounced), each with its snippet and the matched words marked.
 * Ctrl/Cmd+K focuses the box from anywhere (see App).
 */
import { useEffect, useRef, useState } from 'react';
import type { SearchHit, SearchResult } from '../../../electron/shared/types';
import { useClient } from '../app/context';
import { hrefOf, navigate } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { useT } from '../i18n';

/** Splits a snippet into plain and marked parts by its ranges. */
export function markSnippet(hit: Pick<SearchHit, 'snippet' | 'ranges'>): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [start, end] of hit.ranges) {
    if (start > at) parts.push({ text: hit.snippet.slice(at, start), marked: false });
    parts.push({ text: hit.snippet.slice(start, end), marked: true });
    at = end;
  }
  if (at < hit.snippet.length) parts.push({ text: hit.snippet.slice(at), marked: false });
  return parts;
}

export function SearchPage({ initialQuery, focusSignal }: { initialQuery: string; focusSignal: number }) {
  const { t } = useT();
  const client = useClient();
  const [query, setQuery] = useState(initialQuery);
  const [result, setResult] = useState<SearchResult>();
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), [focusSignal]);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResult(undefined);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      client.search({ query: q, limit: 200 }).then(
        (r) => live && (setResult(r), setError(undefined)),
        (e: Error) => live && setError(e.message),
      );
      navigate('search', { q, replace: true });
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [client, query]);

  return (
    <section className="page">
      <div className="search-box">
        <input
          ref={input}
          type="search"
          data-testid="search-input"
          value={query}
          placeholder={t('search.placeholder')}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {error && <p className="error">{error}</p>}
      {!query.trim() && <EmptyState icon="search" title={t('search.empty.title')} body={t('search.empty.body')} />}
      {query.trim() && result && result.total === 0 && <p className="muted">{t('search.none', { q: query.trim() })}</p>}
      {result && result.total > 0 && (
        <>
          <p className="muted" data-testid="search-total">{t('search.total', { n: result.total })}</p>
          <ol className="hits" data-testid="search-hits">
            {result.hits.map((hit) => (
              <li key={`${hit.docId}:${hit.page ?? 0}`}>
                <a href={hrefOf('reader', { id: hit.docId })} className="hit-title">{hit.title}</a>
                {hit.page !== undefined && <span className="tag">{t('search.page', { n: hit.page })}</span>}
                <p className="snippet">
                  {markSnippet(hit).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
