/**
 * The user's own metadata for a document: title, publication date, author, source (site) and
 * origin, set by hand in the reader's header. Each field set is remembered in `edited`, and a
 * new version of the document (re-sync, re-import) keeps it (`place.ts`), so citations,
 * exports and the 金句本, which read these fields, use what the user wrote. An empty value clears
 * the field (and still counts as the user's: an importer's guess does not come back).
 *
 * @example
 * await updateDocument(ctx, { id: 'd_1', publishedAt: '2018-05-02', author: '吴秋余' });
 * // → the summary, with edited: ['publishedAt', 'author']
 */
import { EDITABLE_FIELDS, type DocumentSummary, type EditableField } from '../../shared/types.js';
import type { CoreContext } from './context.js';
import { findDocument, toSummary } from './records.js';

export type DocumentEdit = { id: string } & Partial<Record<EditableField, string>>;

export async function updateDocument(ctx: CoreContext, edit: DocumentEdit): Promise<DocumentSummary> {
  const doc = findDocument(ctx, edit.id);
  await ctx.store.change(
    () => {
      const edited = new Set(doc.edited ?? []);
      for (const field of EDITABLE_FIELDS) {
        const value = edit[field];
        if (value === undefined) continue;
        if (value) doc[field] = value;
        else if (field !== 'title') delete doc[field];
        edited.add(field);
      }
      doc.edited = EDITABLE_FIELDS.filter((f) => edited.has(f));
    },
    { type: 'library.changed', ids: [doc.id] },
  );
  return toSummary(doc);
}
