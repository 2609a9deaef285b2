/**
 * Where a parsed file goes in the library: a new version of the document it updates (same path
 * or address: the id is kept), another form of a document already there (its page printed as a
 * PDF: `forms.ts`), the twin of an article already there (same title, near-identical text: one
 * document that knows both places), or a new document. Stores its text; the caller
 * has stored its original (and it is removed again for a twin); what changes is staged in the
 * store, which the caller commits.
 *
 * @example
 * const outcome = await placeImported(ctx, { path, bytes, sha256, imported });
 * // → { kind: 'added', id: 'd_…' } | { kind: 'updated', id } | { kind: 'twin', id, changed }
 */
import { extname } from 'node:path';
import type { Imported } from '../import/types.js';
import type { DocumentRecord } from '../store/schema.js';
import type { CoreContext } from './context.js';
import { reanchorDocument } from '../highlights/highlights.js';
import { recommendOnImport } from '../topics/recommend.js';
import { recordPhrases } from '../topics/topics.js';
import { storeContent } from './content.js';
import { findOtherForm, formHolder, placeForm } from './forms.js';
import { newDocumentId } from './ids.js';
import { lookupOf } from './lookup.js';
import { SAME_ARTICLE, similarity, titleKey } from './similar.js';

export interface Placement {
  path: string;
  url?: string;
  sourceId?: string;
  /** A temporary copy of a file the user sent: no source path to keep or match. */
  uploaded?: boolean;
  bytes: Uint8Array;
  sha256: string;
  imported: Imported;
}

export type Outcome = { kind: 'added' | 'updated'; id: string } | { kind: 'twin'; id: string; changed: boolean };

/**
 * Bump when the importers read the same bytes into different text (PDF lines joined, pages
 * without `<html>` read, dates from file names): documents read by an earlier version are read
 * again from their stored originals when the library opens (`reread.ts`).
 */
export const TEXT_VERSION = 2;

/** A document's fields from what its importer read (the user's own fields stay). */
export function applyImported(doc: DocumentRecord, imported: Imported): void {
  const { text, html: _html, pages, outline: _outline, scanned, textless, themeScores: _scores, ...meta } = imported;
  // What a new version's importer no longer says is not kept from the old one.
  if (!meta.extraction) delete doc.extraction;
  // What the user set by hand (`edit.ts`) stays, whatever the new version says.
  for (const field of doc.edited ?? []) delete meta[field];
  Object.assign(doc, meta, { chars: text.length, textVersion: TEXT_VERSION });
  if (pages) doc.pages = pages.length;
  else delete doc.pages;
  if (scanned) doc.scanned = true;
  else delete doc.scanned;
  // Pages without text are read by OCR (again from the start for a new version of the file).
  if (textless) doc.ocr = { done: 0, total: textless };
  else delete doc.ocr;
}

/** An article already in the library with the same title and near-identical text. */
async function findTwin(ctx: CoreContext, imported: Imported): Promise<DocumentRecord | undefined> {
  if (imported.kind !== 'article' && imported.kind !== 'text') return undefined;
  for (const doc of lookupOf(ctx).withTitle(titleKey(imported.title))) {
    if (doc.kind !== imported.kind) continue;
    const text = await ctx.blobs.readText(doc.id).catch(() => '');
    if (similarity(text, imported.text) >= SAME_ARTICLE) return doc;
  }
  return undefined;
}

export async function placeImported(ctx: CoreContext, p: Placement): Promise<Outcome> {
  const { store, blobs } = ctx;
  const lookup = lookupOf(ctx);
  const existing = p.uploaded ? undefined : lookup.bySource(p);
  // Another form of a document already there (its PDF, its page): kept with it (`forms.ts`).
  const held = existing ? undefined : formHolder(ctx, p);
  if (held) return placeForm(ctx, held.doc, p, held.form);
  const other = existing ? undefined : await findOtherForm(ctx, p.imported);
  if (other) return placeForm(ctx, other, p);
  const twin = existing ? undefined : await findTwin(ctx, p.imported);
  const ext = extname(p.path).toLowerCase();
  if (twin) {
    // Its bytes are not kept: the twin's own original stands for the article.
    await blobs.removeOriginal(p.sha256, ext);
    const place = p.url ?? p.path;
    const known = p.uploaded || twin.sourcePath === place || twin.url === place || Boolean(twin.alsoAt?.includes(place));
    if (!known) store.stage(() => (twin.alsoAt = [...(twin.alsoAt ?? []), place]), { keysKept: true });
    return { kind: 'twin', id: twin.id, changed: !known };
  }
  const at = ctx.now();
  const version = { sha256: p.sha256, importedAt: at, size: p.bytes.length };
  if (existing) {
    await storeContent(ctx, existing.id, p.imported);
    // The text changed: its highlights follow it (or wait to be confirmed or re-attached).
    reanchorDocument(ctx, existing.id, p.imported.text, p.imported.kind === 'pdf');
    const before = store.revision;
    store.stage(() => {
      applyImported(existing, p.imported);
      Object.assign(existing, { sha256: p.sha256, ext, updatedAt: at });
      delete existing.sourceMissing;
      existing.versions.push(version);
    });
    lookup.placed(existing, before);
    return { kind: 'updated', id: existing.id };
  }
  const id = newDocumentId();
  await storeContent(ctx, id, p.imported, true);
  const doc: DocumentRecord = {
    id,
    kind: p.imported.kind,
    title: p.imported.title,
    topics: [],
    ...(p.url ? { url: p.url } : p.uploaded ? {} : { sourcePath: p.path }),
    ...(p.sourceId ? { sourceId: p.sourceId } : {}),
    addedAt: at,
    format: p.imported.format,
    sha256: p.sha256,
    ext,
    versions: [version],
  };
  applyImported(doc, p.imported);
  const before = store.revision;
  store.stage((data) => data.documents.push(doc));
  lookup.placed(doc, before);
  recordPhrases(ctx, doc.title, p.imported.text);
  await recommendOnImport(ctx, doc, p.imported.text, p.imported.themeScores);
  return { kind: 'added', id };
}
