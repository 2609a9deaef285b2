/**
 * One row of the library list: a box to select it (Shift/Ctrl/⌘ as in a file manager; so does a
 * click on the row outside its links), title (opens the reader), kind, site, date, topics
 * (confirmed ones solid, 推荐 ones dashed; past two, "+N" with all of them in its tooltip), reading progress, and delete (with undo, by the page).
 *
 * @example
 * <DocRow doc={doc} selected={false} onSelect={select} onRemove={remove} />
 */
import type { DocumentSummary } from '../../../../electron/shared/types';
import { hrefOf } from '../../app/router';
import { useT } from '../../i18n';
import { addedDay } from './view';

/** Topic chips a row shows before "+N". */
export const ROW_CHIPS = 2;
const nameOf = (topic: string): string => topic.slice(topic.lastIndexOf('/') + 1);

export function DocRow({ doc, selected, onSelect, onRemove }: { doc: DocumentSummary; selected: boolean; onSelect(doc: DocumentSummary, how: { range: boolean; toggle: boolean }): void; onRemove(doc: DocumentSummary): void }) {
  const { t } = useT();
  const progress = Math.round((doc.progress ?? 0) * 100);
  const how = (e: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }) => ({ range: e.shiftKey, toggle: e.ctrlKey || e.metaKey });
  // Confirmed topics first, then 推荐 ones; those beyond the first two as "+N" (all of them in its tooltip).
  const chips = [...doc.topics.map((topic) => ({ topic, suggested: false })), ...(doc.recommendedTopics ?? []).map((topic) => ({ topic, suggested: true }))];
  return (
    <div
      className={`doc-row${selected ? ' selected' : ''}`}
      data-testid="doc-row"
      role="row"
      aria-selected={selected}
      onClick={(e) => {
        // A click on the row itself (not a link or button) selects, with the usual modifiers.
        if ((e.target as HTMLElement).closest('a, button, input, select')) return;
        if (e.shiftKey) e.preventDefault();
        onSelect(doc, how(e));
      }}
    >
      <div className="title-cell" role="cell">
        <input
          type="checkbox"
          className="row-check"
          checked={selected}
          aria-label={t('library.select')}
          onClick={(e) => {
            e.preventDefault();
            // The box toggles; Shift on it takes the range, added to what is selected.
            onSelect(doc, { range: e.shiftKey, toggle: true });
          }}
          onChange={() => undefined}
          data-testid="row-check"
        />
        <a href={hrefOf('reader', { id: doc.id })} title={doc.title}>{doc.title}</a>
        {doc.sourceMissing && <span className="tag warn">{t('library.sourceMissing')}</span>}
        {doc.ocr && doc.ocr.total > 0 && doc.ocr.done >= doc.ocr.total && doc.ocr.done > (doc.ocr.failed ?? 0) ? (
          <span className="tag" title={t('ocr.done')} data-testid="doc-ocr">{t('library.ocr.done')}</span>
        ) : doc.ocr && doc.ocr.done > 0 && doc.ocr.done < doc.ocr.total ? (
          <span className="tag warn" data-testid="doc-ocr">{t('library.ocr.reading', { done: doc.ocr.done, total: doc.ocr.total })}</span>
        ) : (
          doc.scanned && <span className="tag warn">{t('library.scanned')}</span>
        )}
        {doc.forms?.map((f) => <a key={f.id} className="tag" href={hrefOf('reader', { id: doc.id, form: f.id })} title={t('library.otherForm.hint')} data-testid="doc-form">{t('library.otherForm', { kind: t(`kind.${f.kind}`) })}</a>)}
      </div>
      <div role="cell"><span className={`kind kind-${doc.kind}`}>{t(`kind.${doc.kind}`)}</span>{doc.kind === 'pdf' && doc.pages ? <span className="muted small"> {t('library.pages', { n: doc.pages })}</span> : null}</div>
      <div role="cell" className="muted ellipsis" title={doc.site}>{doc.site ?? '—'}</div>
      {/* The publication date, none when unknown: the day it was added is another date (in the tooltip). */}
      <div role="cell" className="muted nowrap" data-testid="doc-date" title={doc.publishedAt ? t('meta.added', { date: addedDay(doc) }) : t('library.noDate', { added: addedDay(doc) })}>{doc.publishedAt ?? '—'}</div>
      <div role="cell" className="topics-cell">
        {chips.slice(0, ROW_CHIPS).map(({ topic, suggested }) => (
          <span key={topic} className={suggested ? 'topic-chip recommended' : 'topic-chip'} title={suggested ? `${t('topics.recommended')}：${topic}` : topic} data-testid={suggested ? 'row-recommended' : undefined}>
            {nameOf(topic)}
          </span>
        ))}
        {chips.length > ROW_CHIPS && (
          <span className="topic-chip more" title={chips.map((c) => (c.suggested ? `${c.topic}（${t('topics.recommended')}）` : c.topic)).join('\n')} data-testid="row-more-topics">
            +{chips.length - ROW_CHIPS}
          </span>
        )}
        {!chips.length && <span className="muted">—</span>}
      </div>
      <div role="cell" className="progress-cell" title={t('library.progress', { n: progress })} data-testid="doc-progress">
        {doc.progress !== undefined ? (
          <>
            <span className="bar"><span style={{ width: `${progress}%` }} /></span>
            <span className="muted small">{progress}%</span>
          </>
        ) : (
          <span className="muted small">{t('library.unread')}</span>
        )}
      </div>
      <div role="cell">
        <button type="button" className="ghost" onClick={() => onRemove(doc)} title={t('library.remove')}>{t('library.remove')}</button>
      </div>
    </div>
  );
}
