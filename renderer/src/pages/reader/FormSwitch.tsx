/**
 * 文章 | PDF: the forms of one article (saved as a page and printed as a PDF), one click apart.
 * Shown only for a document with other forms; the current form is pressed. The query being
 * found goes along.
 *
 * @example
 * <FormSwitch doc={doc} query="基层减负" />
 */
import type { DocumentDetail } from '../../../../electron/shared/types';
import { hrefOf } from '../../app/router';
import { useT } from '../../i18n';

export function FormSwitch({ doc, query }: { doc: DocumentDetail; query: string }) {
  const { t } = useT();
  if (!doc.forms?.length) return null;
  // The document's first form, then its others (`forms` lists them all, the one shown included).
  const forms: { id?: string; kind: DocumentDetail['kind'] }[] = [{ kind: doc.form ? (doc.firstKind ?? doc.kind) : doc.kind }, ...doc.forms];
  return (
    <div className="segmented form-switch" role="radiogroup" aria-label={t('reader.forms')} data-testid="form-switch">
      {forms.map((f) => {
        const on = f.id === doc.form;
        return (
          <a key={f.id ?? 'first'} role="radio" aria-checked={on} className={`button${on ? ' on' : ''}`} href={hrefOf('reader', { id: doc.id, ...(f.id ? { form: f.id } : {}), ...(query ? { q: query } : {}) })} data-testid={`form-${f.kind}`}>
            {t(`kind.${f.kind}`)}
          </a>
        );
      })}
    </div>
  );
}
