/**
 * One article, one document: the same article saved as a web page and printed as a PDF (or kept
 * as a Word copy) is one document with several forms. The first form imported is the document's
 * own (search indexes it, the library lists it once); each other form keeps its original, its
 * text and its outline under its own id (`f_…`), and the reader switches between them.
 *
 * A file is another form of a document when their kinds differ, their titles are the same or
 * one holds the other (width, case and punctuation ignored), and their texts are near-identical
 * ({@link SAME_FORM} of bigrams shared: a PDF's text also has its title line and page furniture).
 *
 * @example
 * const holder = formHolder(ctx, placement) ?? (await findOtherForm(ctx, placement.imported));
 * if (holder) await placeForm(ctx, holder, placement); // → { kind: 'updated', id: holder.id }
 */
import { randomBytes } from 'node:crypto';
import { extname } from 'node:path';
import type { DocumentKind } from '../../shared/types.js';
import type { Imported } from '../import/types.js';
import type { DocumentRecord, FormRecord } from '../store/schema.js';
import { reanchorDocument } from '../highlights/highlights.js';
import { storeContent } from './content.js';
import type { CoreContext } from './context.js';
import type { Placement } from './place.js';
import { lookupOf } from './lookup.js';
import { similarity, titleKey } from './similar.js';

/** Bigrams shared by two forms of one article, at least. */
export const SAME_FORM = 0.85;

/** Kinds that can hold the same article in another shape. */
const FORM_KINDS = new Set<DocumentKind>(['article', 'pdf', 'docx']);

const newFormId = (): string => `f_${[...randomBytes(12)].map((b) => (b % 36).toString(36)).join('')}`;

/** The document that has the placed file (same path or address) as one of its other forms. */
export function formHolder(ctx: CoreContext, p: Placement): { doc: DocumentRecord; form: FormRecord } | undefined {
  return p.uploaded ? undefined : lookupOf(ctx).formHolder(p);
}


/** A document of another kind that holds the same article, if any. */
export async function findOtherForm(ctx: CoreContext, imported: Imported): Promise<DocumentRecord | undefined> {
  if (!FORM_KINDS.has(imported.kind) || imported.scanned) return undefined;
  // The documents whose title is the same or holds the other (found through the title maps).
  const worth = (doc: DocumentRecord): boolean => doc.kind !== imported.kind && FORM_KINDS.has(doc.kind) && !doc.scanned && !doc.forms?.some((f) => f.kind === imported.kind);
  for (const doc of lookupOf(ctx).withRelatedTitle(titleKey(imported.title), worth)) {
    const text = await ctx.blobs.readText(doc.id).catch(() => '');
    if (similarity(text, imported.text) >= SAME_FORM) return doc;
  }
  return undefined;
}

/** Stores the file as a new form of `doc`, or as a new version of its form `form`. */
export async function placeForm(ctx: CoreContext, doc: DocumentRecord, p: Placement, form?: FormRecord): Promise<{ kind: 'updated'; id: string }> {
  const id = form?.id ?? newFormId();
  await storeContent(ctx, id, p.imported, !form);
  // The highlights made in this form follow its new text.
  if (form) reanchorDocument(ctx, doc.id, p.imported.text, p.imported.kind === 'pdf', form.id);
  const next: FormRecord = {
    id,
    kind: p.imported.kind,
    addedAt: form?.addedAt ?? ctx.now(),
    format: p.imported.format,
    sha256: p.sha256,
    ext: extname(p.path).toLowerCase(),
    ...(p.imported.pages ? { pages: p.imported.pages.length } : {}),
    ...(p.url ? { url: p.url } : p.uploaded ? {} : { sourcePath: p.path }),
  };
  const before = ctx.store.revision;
  ctx.store.stage(() => {
    doc.forms = form ? (doc.forms ?? []).map((f) => (f.id === id ? next : f)) : [...(doc.forms ?? []), next];
    doc.updatedAt = ctx.now();
  });
  lookupOf(ctx).placed(doc, before);
  return { kind: 'updated', id: doc.id };
}
