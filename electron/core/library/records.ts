/**
 * A document's record, found and shown: the lookups every part of core shares (highlights,
 * topics, the reader), kept apart from what changes documents so that nothing imports in a loop.
 *
 * @example
 * const doc = findDocument(ctx, 'd_1');  // → the record, or a not-found error
 * toSummary(doc);                        // → what the API shows of it
 * formOf(ctx, doc, 'f_x');               // → { textId: 'f_x', kind: 'pdf', sha256, ext, pages: 2 }
 */
import type { DocumentSummary } from '../../shared/types.js';
import type { DocumentRecord } from '../store/schema.js';
import type { CoreContext } from './context.js';
import { lookupOf } from './lookup.js';
import { fail } from '../../shared/error-words.js';

/** The public part of a stored record. */
export function toSummary(record: DocumentRecord): DocumentSummary {
  const { format: _format, sha256: _sha, ext: _ext, versions: _versions, textVersion: _text, forms, ...summary } = record;
  if (!forms?.length) return summary;
  return { ...summary, forms: forms.map(({ format: _f, sha256: _s, ext: _e, ...form }) => form) };
}

export function findDocument(ctx: CoreContext, id: string): DocumentRecord {
  const doc = lookupOf(ctx).byId(id);
  if (!doc) throw fail('library.no-document', { id });
  return doc;
}

/**
 * Which stored text a form of a document is: the document's own (no `form`), or one of its other
 * forms' (`forms[].id`), with that form's kind, file and page count.
 *
 * @example
 * formOf(ctx, doc, 'f_x'); // → { textId: 'f_x', kind: 'pdf', sha256, ext, pages: 2 }
 */
export function formOf(ctx: CoreContext, doc: DocumentRecord, form?: string): { textId: string; kind: DocumentRecord['kind']; sha256: string; ext: string; pages?: number } {
  if (!form) return { textId: doc.id, kind: doc.kind, sha256: doc.sha256, ext: doc.ext, ...(doc.pages ? { pages: doc.pages } : {}) };
  const found = doc.forms?.find((f) => f.id === form);
  if (!found) throw fail('library.no-form', { id: doc.id, form });
  return { textId: found.id, kind: found.kind, sha256: found.sha256, ext: found.ext, ...(found.pages ? { pages: found.pages } : {}) };
}
