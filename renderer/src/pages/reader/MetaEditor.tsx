/**
 * 资料信息: the document's title, publication date, author, source and origin, editable in a
 * small panel from the reader's bar. What the user saves is kept over re-sync and re-import
 * (`updateDocument`) and used by quotes, exports and the 金句本. Enter saves, Escape closes; the
 * date accepts 2024, 2024-03, 2024-03-05 or 2024年3月5日; an empty field clears it.
 *
 * @example
 * <MetaEditor doc={doc} onSaved={(meta) => setDoc({ ...doc, ...meta })} toast={toast} />
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentSummary, EditableField } from '../../../../electron/shared/types';
import { useClient } from '../../app/context';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import { parseDateInput } from '../search/date-input';
import { addedDay } from '../library/view';
import { useDismiss } from './useDismiss';
import { useAction } from '../../app/useAction';

const FIELDS: EditableField[] = ['title', 'publishedAt', 'author', 'site', 'origin'];

/** What the panel reads and changes of a document. */
export type EditableMeta = Pick<DocumentSummary, 'id' | 'addedAt' | 'edited' | EditableField>;

export function MetaEditor({ doc, onSaved, toast }: { doc: EditableMeta; onSaved(meta: Omit<EditableMeta, 'addedAt'>): void; toast(m: { text: string }): void }) {
  const { run } = useAction(toast);
  const { t } = useT();
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<EditableField, string>>(() => valuesOf(doc));
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  // Opened: the fields show the document as it is now. A click anywhere else closes it.
  useEffect(() => {
    if (open) setValues(valuesOf(doc));
  }, [open, doc]);
  useDismiss(root, open, useCallback(() => setOpen(false), []));

  const date = values.publishedAt.trim() ? parseDateInput(values.publishedAt) : '';
  const save = async (): Promise<void> => {
    if (date === null || !values.title.trim()) return;
    const changes: Partial<Record<EditableField, string>> = {};
    for (const field of FIELDS) {
      const value = field === 'publishedAt' ? (date ?? '') : values[field].trim();
      if (value !== (doc[field] ?? '')) changes[field] = value;
    }
    if (!Object.keys(changes).length) return setOpen(false);
    setBusy(true);
    await run(async () => {
      const saved = await client.updateDocument({ id: doc.id, ...changes });
      onSaved({ id: saved.id, edited: saved.edited, title: saved.title, publishedAt: saved.publishedAt, author: saved.author, site: saved.site, origin: saved.origin });
      setOpen(false);
      toast({ text: t('meta.saved') });
    });
    setBusy(false);
  };

  return (
    <div className="meta-menu" ref={root}>
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} title={t('meta.heading')} data-testid="meta-edit">{t('meta.button')}</button>
      {open && (
        <form
          className="meta-panel"
          role="dialog"
          aria-label={t('meta.heading')}
          data-testid="meta-panel"
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {FIELDS.map((field) => (
            <label key={field}>
              <span>
                {t(`meta.${field}` as MessageKey)}
                {doc.edited?.includes(field) && <em className="muted small"> {t('meta.edited')}</em>}
              </span>
              <input
                value={values[field]}
                autoFocus={field === 'title'}
                onChange={(e) => setValues({ ...values, [field]: e.target.value })}
                placeholder={field === 'publishedAt' ? t('meta.datePlaceholder') : ''}
                aria-invalid={(field === 'publishedAt' && date === null) || (field === 'title' && !values.title.trim())}
                data-testid={`meta-${field}`}
              />
            </label>
          ))}
          {date === null && <p className="error small">{t('search.filter.dateHint')}</p>}
          <p className="muted small">{t('meta.added', { date: addedDay(doc) })}</p>
          <div className="row-end">
            <button type="button" className="ghost" onClick={() => setOpen(false)}>{t('library.import.cancel')}</button>
            <button type="submit" disabled={busy || date === null || !values.title.trim()} data-testid="meta-save">{busy ? t('common.saving') : t('meta.save')}</button>
          </div>
        </form>
      )}
    </div>
  );
}

const valuesOf = (doc: EditableMeta): Record<EditableField, string> => ({
  title: doc.title,
  publishedAt: doc.publishedAt ?? '',
  author: doc.author ?? '',
  site: doc.site ?? '',
  origin: doc.origin ?? '',
});
