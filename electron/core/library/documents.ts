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
import { access } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { YanduError } from '../../shared/errors.js';
import type { DocumentDetail, DocumentSummary, ImportReport, RemoveResult } from '../../shared/types.js';
import type { DocumentRecord } from '../store/schema.js';
import type { CoreContext } from './context.js';
import { subjectsFor, suggestFor } from '../topics/recommend.js';
import { emptyReport, ingestFiles } from './ingest.js';

/** The public part of a stored record. */
export function toSummary(record: DocumentRecord): DocumentSummary {
  const { format: _format, sha256: _sha, ext: _ext, versions: _versions, textVersion: _text, forms, ...summary } = record;
  if (!forms?.length) return summary;
  return { ...summary, forms: forms.map(({ format: _f, sha256: _s, ext: _e, ...form }) => form) };
}

export function findDocument(ctx: CoreContext, id: string): DocumentRecord {
  const doc = ctx.store.data.documents.find((d) => d.id === id);
  if (!doc) throw new YanduError('not-found', `library: no document ${id}; it may have been removed. / 找不到该文档。`);
  return doc;
}

export function listDocuments(ctx: CoreContext): DocumentSummary[] {
  return ctx.store.data.documents.map(toSummary).sort((a, b) => b.addedAt - a.addedAt);
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
  if (!found) throw new YanduError('not-found', `library: ${doc.id} has no form ${form}; it may have been re-imported. / 找不到该资料的这种格式。`);
  return { textId: found.id, kind: found.kind, sha256: found.sha256, ext: found.ext, ...(found.pages ? { pages: found.pages } : {}) };
}

export async function getDocument(ctx: CoreContext, id: string, form?: string): Promise<DocumentDetail> {
  const doc = findDocument(ctx, id);
  const shown = formOf(ctx, doc, form);
  const text = await ctx.blobs.readText(shown.textId).catch(() => {
    throw new YanduError('not-found', `library: the text of ${shown.textId} is missing from ${ctx.libraryDir}/text; re-import the file. / 文档正文缺失。`);
  });
  const { pages: _pages, ...rest } = toSummary(doc);
  const summary = { ...rest, kind: shown.kind, ...(form ? { form, firstKind: doc.kind } : {}), original: relative(ctx.libraryDir, ctx.blobs.originalPath(shown.sha256, shown.ext)).split(sep).join('/') };
  const ownText = form ? await ctx.blobs.readText(id).catch(() => text) : text;
  const suggestedTopics = await suggestFor(ctx, doc, ownText);
  const suggestedSubjects = subjectsFor(ctx, doc, ownText);
  if (shown.kind === 'pdf') {
    const outline = await ctx.blobs.readOutline(shown.textId);
    return { ...summary, pageCount: shown.pages ?? 0, pages: text.split('\f'), ...(outline ? { outline } : {}), suggestedTopics, suggestedSubjects };
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
  if (!entry) throw new YanduError('not-found', `library: ${id} is not in the trash; nothing to restore. / 回收站中没有该文档。`);
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
  await ctx.store.savePosition(doc.id, { ...(page !== undefined ? { page } : {}), fraction: args.fraction, at: ctx.now() }, rounded);
  return { progress: rounded };
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * Re-reads every document's source file: changed files become new versions, vanished ones are
 * marked `sourceMissing` (the library keeps its copy).
 */
export async function syncSources(ctx: CoreContext): Promise<ImportReport> {
  const report = emptyReport();
  const present: string[] = [];
  const missing: string[] = [];
  for (const doc of ctx.store.data.documents) {
    // The files of its other forms (its PDF, its page) are re-read too.
    for (const form of doc.forms ?? []) if (form.sourcePath && !doc.sourceId && (await exists(form.sourcePath))) present.push(form.sourcePath);
    if (!doc.sourcePath || doc.sourceId) continue; // files of a watched folder are that source's
    if (await exists(doc.sourcePath)) present.push(doc.sourcePath);
    else if (!doc.sourceMissing) missing.push(doc.id);
  }
  if (missing.length) {
    const gone = new Set(missing);
    await ctx.store.change(
      (data) => {
        for (const doc of data.documents) if (gone.has(doc.id)) doc.sourceMissing = true;
      },
      { type: 'library.changed', ids: missing },
    );
  }
  await ingestFiles(ctx, [...new Set(present)].map((path) => ({ path })), report);
  return report;
}
