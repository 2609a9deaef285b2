/**
 * Reading and removing documents. Removal moves a document to the trash (its files stay), so it
 * can be restored: the UI's undo.
 *
 * @example
 * listDocuments(ctx);                 // → DocumentSummary[] newest first
 * await removeDocument(ctx, 'd_1');   // → { removed }
 * await restoreDocument(ctx, 'd_1');  // → the summary, back in the list
 * await savePosition(ctx, { id: 'd_1', page: 12, fraction: 0.5 }); // → { progress }
 */
import { relative, sep } from 'node:path';
import type { DocumentDetail, DocumentSummary, RemoveResult } from '../../shared/types.js';
import type { CoreContext } from './context.js';
import { subjectsFor, suggestFor } from '../topics/recommend.js';
import { findDocument, formOf, toSummary } from './records.js';
import { splitPages } from '../../shared/pages.js';
import { fail } from '../../shared/error-words.js';

export function listDocuments(ctx: CoreContext): DocumentSummary[] {
  return ctx.store.data.documents.map(toSummary).sort((a, b) => b.addedAt - a.addedAt);
}

export async function getDocument(ctx: CoreContext, id: string, form?: string): Promise<DocumentDetail> {
  const doc = findDocument(ctx, id);
  const shown = formOf(ctx, doc, form);
  const text = await ctx.blobs.readText(shown.textId).catch(() => {
    throw fail('library.text-missing', { id: shown.textId, dir: `${ctx.libraryDir}/text` });
  });
  const { pages: _pages, ...rest } = toSummary(doc);
  const summary = { ...rest, kind: shown.kind, ...(form ? { form, firstKind: doc.kind } : {}), original: relative(ctx.libraryDir, ctx.blobs.originalPath(shown.sha256, shown.ext)).split(sep).join('/') };
  const ownText = form ? await ctx.blobs.readText(id).catch(() => text) : text;
  const suggestedTopics = await suggestFor(ctx, doc, ownText);
  const suggestedSubjects = subjectsFor(ctx, doc, ownText, suggestedTopics);
  if (shown.kind === 'pdf') {
    const outline = await ctx.blobs.readOutline(shown.textId);
    return { ...summary, pageCount: shown.pages ?? 0, pages: splitPages(text), ...(outline ? { outline } : {}), suggestedTopics, suggestedSubjects };
  }
  const html = await ctx.blobs.readHtml(shown.textId);
  return { ...summary, text, ...(html !== undefined ? { html } : {}), suggestedTopics, suggestedSubjects };
}

export async function removeDocument(ctx: CoreContext, id: string): Promise<RemoveResult> {
  const doc = findDocument(ctx, id);
  await ctx.store.change(
    (data) => {
      data.documents = data.documents.filter((d) => d.id !== id);
      data.trash.push({ document: doc, removedAt: ctx.now() });
    },
    { type: 'library.changed', ids: [id] },
  );
  return { removed: toSummary(doc), highlights: ctx.store.data.highlights.filter((h) => h.docId === id).length };
}

/** Removes many documents to the trash in one write (the library's bulk delete; undo restores them). */
export async function removeDocuments(ctx: CoreContext, ids: string[]): Promise<{ removed: number; highlights: number }> {
  const gone = new Set(ids.filter((id) => findDocument(ctx, id)));
  const at = ctx.now();
  await ctx.store.change(
    (data) => {
      for (const doc of data.documents) if (gone.has(doc.id)) data.trash.push({ document: doc, removedAt: at });
      data.documents = data.documents.filter((d) => !gone.has(d.id));
    },
    { type: 'library.changed', ids: [...gone] },
  );
  return { removed: gone.size, highlights: ctx.store.data.highlights.filter((h) => gone.has(h.docId)).length };
}

/** Brings many documents back from the trash in one write (those still there). */
export async function restoreDocuments(ctx: CoreContext, ids: string[]): Promise<{ restored: number }> {
  const wanted = new Set(ids);
  const back = ctx.store.data.trash.filter((t) => wanted.has(t.document.id) && !ctx.store.data.documents.some((d) => d.id === t.document.id));
  if (!back.length) return { restored: 0 };
  await ctx.store.change(
    (data) => {
      data.trash = data.trash.filter((t) => !back.includes(t));
      data.documents.push(...back.map((t) => t.document));
    },
    { type: 'library.changed', ids: back.map((t) => t.document.id) },
  );
  return { restored: back.length };
}

export async function restoreDocument(ctx: CoreContext, id: string): Promise<DocumentSummary> {
  const entry = ctx.store.data.trash.find((t) => t.document.id === id);
  if (!entry) throw fail('library.not-in-trash', { id });
  await ctx.store.change(
    (data) => {
      data.trash = data.trash.filter((t) => t !== entry);
      data.documents.push(entry.document);
    },
    { type: 'library.changed', ids: [id] },
  );
  return toSummary(entry.document);
}

/**
 * Remembers where the reader is in a document. Progress is how far through it that is: for a PDF
 * the pages before plus the part of this page, over the page count.
 */
export async function savePosition(ctx: CoreContext, args: { id: string; page?: number; fraction: number }): Promise<{ progress: number }> {
  const doc = findDocument(ctx, args.id);
  const pages = doc.kind === 'pdf' ? Math.max(1, doc.pages ?? 1) : undefined;
  const page = pages !== undefined ? Math.min(args.page ?? 1, pages) : undefined;
  const progress = pages !== undefined ? Math.min(1, (page! - 1 + args.fraction) / pages) : args.fraction;
  const rounded = Math.round(progress * 1000) / 1000;
  await ctx.store.savePosition(doc, { ...(page !== undefined ? { page } : {}), fraction: args.fraction, at: ctx.now() }, rounded);
  return { progress: rounded };
}
