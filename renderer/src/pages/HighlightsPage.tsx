/**
 * 标注: every highlight and note, grouped by document or by exam topic; filtered by colour, topic,
 * date and words; a click opens the reader at the highlight. Highlights whose place may have
 * changed say so; those that could not be placed (未能定位) are listed with 重新定位. Exports:
 * Markdown, CSV, a Word 金句本, and the JSON backup of all user data (and its restore).
 */
import { useMemo, useRef, useState } from 'react';
import type { DocumentSummary, Highlight, HighlightColor } from '../../../electron/shared/types';
import { useClient } from '../app/context';
import { hrefOf } from '../app/router';
import { useLibrary } from '../app/useLibrary';
import { EmptyState } from '../components/EmptyState';
import type { ToastMessage } from '../components/Toast';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import { filterHighlights, groupBy, NO_TOPIC, type HighlightFilter } from './highlights/filter';
import { saveFile } from './highlights/save-file';
import { COLORS } from './reader/HighlightToolbar';
import { useHighlights } from './reader/useHighlights';
import { parseDateInput } from './search/date-input';
import { useAction } from '../app/useAction';
import { flatQuote } from '../../../electron/shared/pages';

function Item({ h, doc }: { h: Highlight; doc?: DocumentSummary }) {
  const { t } = useT();
  const page = h.at?.page ?? h.target.page;
  const cite = [doc ? `《${doc.title}》` : t('highlights.gone'), doc?.site, doc?.publishedAt, page ? t('reader.page', { n: page }) : undefined].filter(Boolean).join(' · ');
  return (
    <li className={`hl-item hl-${h.color}`} data-testid="highlight-item">
      <a className="hl-quote" href={h.status === 'orphan' ? undefined : hrefOf('reader', { id: h.docId, hl: h.id, ...(h.form ? { form: h.form } : {}) })}>
        {flatQuote(h.target.selector[0].exact)}
      </a>
      {h.note && <p className="hl-note">{h.note}</p>}
      <div className="hl-meta">
        <span className="muted small">{cite}</span>
        {h.topics.map((topic) => <span key={topic} className="topic-chip">{topic.replaceAll('/', ' › ')}</span>)}
        {h.status === 'fuzzy' && <span className="tag warn">{t('highlight.fuzzy')}</span>}
        {h.status === 'orphan' && (
          <>
            <span className="tag warn">{t('highlights.orphan')}</span>
            <a className="small" href={hrefOf('reader', { id: h.docId, reattach: h.id })} data-testid="highlight-reattach-link">{t('highlights.reattach')}</a>
          </>
        )}
      </div>
    </li>
  );
}

export function HighlightsPage({ toast }: { toast: (m: ToastMessage) => void }) {
  const { run } = useAction(toast);
  const { t } = useT();
  const client = useClient();
  const all = useHighlights(undefined, true);
  const { docs } = useLibrary();
  const [by, setBy] = useState<'document' | 'topic'>('document');
  const [filter, setFilter] = useState<HighlightFilter>({});
  const [from, setFrom] = useState('');
  const restoreInput = useRef<HTMLInputElement>(null);
  const byId = useMemo(() => new Map((docs ?? []).map((d) => [d.id, d])), [docs]);
  const topics = useMemo(() => [...new Set(all.flatMap((h) => h.topics))].sort((a, b) => a.localeCompare(b, 'zh-CN')), [all]);
  const fromDate = parseDateInput(from);
  const shown = useMemo(() => filterHighlights(all, byId, { ...filter, ...(fromDate ? { from: fromDate } : {}) }), [all, byId, filter, fromDate]);
  const groups = useMemo(() => groupBy(shown, byId, by), [shown, byId, by]);

  const exportTo = async (make: () => Promise<Parameters<typeof saveFile>[0]>): Promise<void> => {
    await run(async () => {
      const file = await make();
      saveFile(file);
      toast({ text: t('highlights.saved', { name: file.filename }) });
    });
  };
  const restore = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await run(async () => {
      const r = await client.restore({ content: await file.text() });
      toast({ text: t('highlights.restored', { n: r.highlights, docs: r.documents, missing: r.unmatched }) });
    });
  };

  const set = (patch: Partial<HighlightFilter>): void => setFilter((f) => ({ ...f, ...patch }));
  return (
    <section className="page highlights-page">
      <header className="page-head">
        <h1>{t('nav.highlights')}</h1>
        {all.length > 0 && <span className="muted" data-testid="highlight-count">{t('highlights.count', { n: shown.length, total: all.length })}</span>}
        <span className="spacer" />
        <button type="button" onClick={() => void exportTo(() => client.exportHighlights({ format: 'markdown', by, ...(filter.topic ? { topic: filter.topic } : {}) }))} disabled={!all.length} data-testid="export-markdown">{t('highlights.export.markdown')}</button>
        <button type="button" onClick={() => void exportTo(() => client.exportHighlights({ format: 'csv', ...(filter.topic ? { topic: filter.topic } : {}) }))} disabled={!all.length}>CSV</button>
        <button type="button" onClick={() => void exportTo(() => client.exportHighlights({ format: 'docx', ...(filter.topic ? { topic: filter.topic } : {}) }))} disabled={!all.length} title={t('highlights.export.docxHint')}>{t('highlights.export.docx')}</button>
        <button type="button" className="ghost" onClick={() => void exportTo(() => client.backup({}))} data-testid="backup">{t('highlights.backup')}</button>
        <button type="button" className="ghost" onClick={() => restoreInput.current?.click()}>{t('highlights.restore')}</button>
        <input ref={restoreInput} type="file" accept=".json,application/json" hidden onChange={(e) => void restore(e.currentTarget)} data-testid="restore-input" />
      </header>
      {!all.length ? (
        <EmptyState icon="highlights" title={t('highlights.empty.title')} body={t('highlights.empty.body')} />
      ) : (
        <>
          <div className="filters">
            <div className="seg-tabs" role="tablist">
              {(['document', 'topic'] as const).map((b) => (
                <button key={b} type="button" role="tab" aria-selected={by === b} className={by === b ? 'on' : ''} onClick={() => setBy(b)} data-testid={`group-${b}`}>{t(`highlights.by.${b}`)}</button>
              ))}
            </div>
            <div className="hl-colors" role="radiogroup" aria-label={t('highlights.filter.color')}>
              {COLORS.map((c: HighlightColor) => (
                <button key={c} type="button" className={`swatch hl-${c}${filter.color === c ? ' on' : ''}`} onClick={() => set({ color: filter.color === c ? undefined : c })} aria-pressed={filter.color === c} aria-label={t(`highlight.color.${c}` as MessageKey)} data-testid={`filter-color-${c}`} />
              ))}
            </div>
            <select value={filter.topic ?? ''} onChange={(e) => set({ topic: e.target.value || undefined })} disabled={!topics.length} aria-label={t('library.col.topics')}>
              <option value="">{topics.length ? t('library.filter.allTopics') : t('library.filter.noTopics')}</option>
              {topics.map((topic) => <option key={topic} value={topic}>{topic.replaceAll('/', ' › ')}</option>)}
            </select>
            <label className="date-filter">
              {t('highlights.filter.from')} <input value={from} onChange={(e) => setFrom(e.target.value)} placeholder={t('search.filter.datePlaceholder')} aria-invalid={fromDate === null} />
            </label>
            <input className="filter-text" value={filter.text ?? ''} onChange={(e) => set({ text: e.target.value })} placeholder={t('highlights.filter.text')} data-testid="highlight-search" />
          </div>
          {groups.length ? (
            groups.map((g) => (
              <section key={g.key} className="hl-group" data-testid="highlight-group">
                <h2>
                  {by === 'document' ? (byId.get(g.key)?.title ?? t('highlights.gone')) : g.key === NO_TOPIC ? t('highlights.noTopic') : g.key.replaceAll('/', ' › ')}
                  <span className="muted small"> {g.items.length}</span>
                </h2>
                <ul>{g.items.map((h) => <Item key={`${g.key}-${h.id}`} h={h} doc={byId.get(h.docId)} />)}</ul>
              </section>
            ))
          ) : (
            <EmptyState icon="search" title={t('highlights.noMatch')} body={t('library.noMatch.body')} />
          )}
        </>
      )}
    </section>
  );
}
