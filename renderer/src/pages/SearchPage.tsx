/**
 * 搜索: results as you type (debounced), filters by kind, exam topic (sub-topics included) and date, snippets with the matched
 * text marked, one result per document (a PDF by its best page, 共 N 页命中 opens the others), in a
 * virtualized list. Ctrl/Cmd+K focuses the box from
 * anywhere (see App).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ApiArgs } from '../../../electron/shared/contract';
import type { DocumentKind, TopicSummary, SearchHit, SearchResult } from '../../../electron/shared/types';
import { useClient } from '../app/context';
import { hrefOf, navigate } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { VirtualList } from '../components/VirtualList';
import { parseDateInput } from './search/date-input';
import { groupHits, rowsOf } from './search/group-hits';
import { loadHistory, remembered, saveHistory } from './search/history';
import { useT } from '../i18n';
import { errorText } from '../api/error-text';

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

const KINDS: (DocumentKind | 'all')[] = ['all', 'article', 'pdf', 'docx', 'text'];
/** How long a query's results stay on screen before it goes into the history. */
const REMEMBER_AFTER_MS = 1200;
const ROW = 112;

/** One result: a document by its best hit (its other pages behind a toggle), or one of those pages. */
function HitCard({ hit, query, more, open, onToggle }: { hit: SearchHit; query: string; more?: number; open?: boolean; onToggle?: () => void }) {
  const { t } = useT();
  const sub = more === undefined;
  return (
    <div className={sub ? 'hit sub' : 'hit'} data-testid={sub ? 'search-hit-more' : 'search-hit'}>
      <div className="hit-head">
        <a href={hrefOf('reader', { id: hit.docId, q: query, ...(hit.page !== undefined ? { page: hit.page } : {}) })} className="hit-title">{sub ? '↳' : hit.title}</a>
        {hit.page !== undefined && <span className="tag">{t('search.page', { n: hit.page })}</span>}
        {more ? (
          <button type="button" className="ghost hit-more" aria-expanded={open} onClick={onToggle} data-testid="hit-more">
            {t(open ? 'search.morePages.hide' : 'search.morePages', { n: more + 1 })}
          </button>
        ) : null}
      </div>
      <p className="snippet">
        {markSnippet(hit).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
      </p>
    </div>
  );
}

export function SearchPage({ initialQuery, focusSignal }: { initialQuery: string; focusSignal: number }) {
  const { t, lang } = useT();
  const client = useClient();
  const [query, setQuery] = useState(initialQuery);
  const [kind, setKind] = useState<DocumentKind | 'all'>('all');
  const [topic, setTopic] = useState('');
  const [topics, setTopics] = useState<TopicSummary[]>([]);
  // Topics with documents, confirmed or 推荐 (the filter keeps both, as the library's does).
  useEffect(() => void client.listTopics({}).then((all) => setTopics(all.filter((x) => x.documents + x.recommended > 0)), () => undefined), [client]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  /** With a date filter, also documents whose publication date is unknown. */
  const [undated, setUndated] = useState(false);
  /** The last answer, with the query it answers (hits open the reader at that query). */
  const [result, setResult] = useState<SearchResult & { query: string }>();
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), [focusSignal]);

  // 搜索历史: a query is remembered once its results have been on screen a moment.
  const [history, setHistory] = useState(loadHistory);
  useEffect(() => {
    if (!result?.total || result.query !== query.trim()) return;
    const timer = window.setTimeout(() => {
      const next = remembered(loadHistory(), result.query);
      saveHistory(next);
      setHistory(next);
    }, REMEMBER_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [result, query]);

  // Results by document: a PDF is one result, its other pages shown on request.
  const groups = useMemo(() => groupHits(result?.hits ?? []), [result]);
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setOpened(new Set()), [result]);
  const rows = useMemo(() => rowsOf(groups, opened), [groups, opened]);
  const toggle = (docId: string): void =>
    setOpened((was) => {
      const next = new Set(was);
      if (!next.delete(docId)) next.add(docId);
      return next;
    });

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResult(undefined);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      const filters: NonNullable<ApiArgs<'search'>['filters']> = {};
      if (kind !== 'all') filters.kinds = [kind];
      if (topic) filters.topics = [topic];
      const fromDate = parseDateInput(from);
      const toDate = parseDateInput(to);
      if (fromDate) filters.from = fromDate;
      if (toDate) filters.to = toDate;
      if ((fromDate || toDate) && undated) filters.undated = true;
      client.search({ query: q, limit: 10_000, ...(Object.keys(filters).length ? { filters } : {}) }).then(
        (r) => live && (setResult({ ...r, query: q }), setError(undefined)),
        (e: unknown) => live && setError(errorText(e, lang)),
      );
      navigate('search', { q, replace: true });
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [client, query, kind, topic, from, to, undated]);
  const dated = Boolean(parseDateInput(from) || parseDateInput(to));

  return (
    <section className="page search-page">
      <div className="search-box">
        <input ref={input} type="search" data-testid="search-input" value={query} placeholder={t('search.placeholder')} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <div className="filters" data-testid="search-filters">
        <div className="segmented" role="radiogroup" aria-label={t('search.filter.kind')}>
          {KINDS.map((k) => (
            <button key={k} type="button" role="radio" aria-checked={kind === k} className={kind === k ? 'on' : ''} onClick={() => setKind(k)}>
              {k === 'all' ? t('search.filter.all') : t(`kind.${k}`)}
            </button>
          ))}
        </div>
        <select value={topic} onChange={(e) => setTopic(e.target.value)} aria-label={t('library.col.topics')} disabled={!topics.length} data-testid="search-topic">
          <option value="">{topics.length ? t('library.filter.allTopics') : t('library.filter.noTopics')}</option>
          {topics.map((x) => <option key={x.path} value={x.path}>{'　'.repeat(x.depth)}{x.name}（{x.recommended ? t('search.topicCount', { docs: x.documents, rec: x.recommended }) : x.documents}）</option>)}
        </select>
        <label className="date-filter">
          {t('search.filter.from')}{' '}
          <input value={from} onChange={(e) => setFrom(e.target.value)} placeholder={t('search.filter.datePlaceholder')} aria-invalid={parseDateInput(from) === null} title={t('search.filter.dateHint')} data-testid="filter-from" />
        </label>
        <label className="date-filter">
          {t('search.filter.to')}{' '}
          <input value={to} onChange={(e) => setTo(e.target.value)} placeholder={t('search.filter.datePlaceholder')} aria-invalid={parseDateInput(to) === null} title={t('search.filter.dateHint')} data-testid="filter-to" />
        </label>
      </div>
      {error && <p className="error">{error}</p>}
      {!query.trim() && history.length > 0 && (
        <div className="search-history" data-testid="search-history">
          <span className="muted">{t('search.history')}</span>
          {history.map((h) => (
            <button key={h} type="button" className="chip" onClick={() => setQuery(h)} data-testid="search-history-item">
              {h}
            </button>
          ))}
          <button type="button" className="ghost" onClick={() => (saveHistory([]), setHistory([]))} data-testid="search-history-clear">
            {t('search.history.clear')}
          </button>
        </div>
      )}
      {!query.trim() && <EmptyState icon="search" title={t('search.empty.title')} body={t('search.empty.body')} />}
      {query.trim() && result && result.total === 0 && <p className="muted">{t(dated ? 'search.noneDated' : 'search.none', { q: query.trim() })}</p>}
      {query.trim() && result && result.total === 0 && result.suggestions?.length ? (
        <p className="did-you-mean" data-testid="did-you-mean">
          {t('search.didYouMean')}
          {result.suggestions.map((s) => (
            <button key={s} type="button" className="ghost" onClick={() => setQuery(s)} data-testid="did-you-mean-option">
              {s}
            </button>
          ))}
        </p>
      ) : null}
      {dated && result && (result.undated || undated) ? (
        <p className="muted undated-note" data-testid="search-undated">
          {undated ? t('search.undated.included') : t('search.undated', { n: result.undated ?? 0 })}{' '}
          <label>
            <input type="checkbox" checked={undated} onChange={(e) => setUndated(e.target.checked)} data-testid="search-undated-toggle" /> {t('search.undated.include')}
          </label>
        </p>
      ) : null}
      {result && result.total > 0 && (
        <>
          <p className="muted" data-testid="search-total">{groups.length < result.hits.length ? t('search.totalGrouped', { docs: groups.length, n: result.total }) : t('search.total', { n: result.total })}</p>
          <VirtualList
            items={rows}
            rowHeight={ROW}
            testId="search-hits"
            render={(row) =>
              row.kind === 'doc' ? (
                <HitCard hit={row.group.hits[0]!} query={result.query} more={row.group.hits.length - 1} open={opened.has(row.group.docId)} onToggle={() => toggle(row.group.docId)} />
              ) : (
                <HitCard hit={row.hit} query={result.query} />
              )
            }
          />
        </>
      )}
    </section>
  );
}
