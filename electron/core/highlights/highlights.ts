/**
 * Highlights and notes: made on a document's stored text, kept as W3C selectors, re-placed
 * whenever the text changes (see `anchor.ts`). None is ever dropped by a change of its document:
 * one that cannot be placed becomes `orphan` and waits to be re-attached; one placed only
 * approximately is `fuzzy` until the user confirms it. Deleting one moves it to a trash (undo).
 *
 * @example
 * const h = await addHighlight(ctx, { docId: 'd_1', start: 10, end: 18, color: 'yellow' });
 * await updateHighlight(ctx, { id: h.id, note: '申论可用' });
 * await removeHighlight(ctx, h.id); await restoreHighlight(ctx, h.id);
 */
import { randomBytes } from 'node:crypto';
import type { Highlight, HighlightColor, TextPlace } from '../../shared/types.js';
import { findDocument, formOf } from '../library/records.js';
import type { CoreContext } from '../library/context.js';
import { anchor, quoteAt } from './anchor.js';
import { pageAt, pageBegin } from '../../shared/pages.js';
import { fail } from '../../shared/error-words.js';

/** Page and page offsets of whole-text offsets (`shared/pages.ts`). */
export function placeOf(text: string, start: number, end: number, paged: boolean): TextPlace {
  if (!paged) return { start, end };
  const { page, begin } = pageAt(text, start);
  return { start, end, page, pageStart: start - begin, pageEnd: end - begin };
}

/** Whole-text offset of an offset in page `page` (1-based). */
export function wholeOffset(text: string, page: number, offset: number): number {
  const begin = pageBegin(text, page);
  if (begin === undefined) throw fail('highlights.no-page', { page });
  return begin + offset;
}

const newId = (): string => `h_${randomBytes(6).toString('hex')}`;

async function textOf(ctx: CoreContext, docId: string): Promise<string> {
  return ctx.blobs.readText(docId).catch(() => {
    throw fail('highlights.text-missing', { id: docId });
  });
}

function findHighlight(ctx: CoreContext, id: string): Highlight {
  const h = ctx.store.data.highlights.find((x) => x.id === id);
  if (!h) throw fail('highlights.no-highlight', { id });
  return h;
}

/** Sets the highlight's target to `[start, end)` of `text` (new or re-attached), placed exactly. */
function target(h: Highlight, text: string, start: number, end: number, paged: boolean): void {
  const place = placeOf(text, start, end, paged);
  h.target = {
    source: h.docId,
    selector: [{ type: 'TextQuoteSelector', ...quoteAt(text, start, end) }, { type: 'TextPositionSelector', start, end }],
    ...(place.page !== undefined ? { page: place.page, pagePosition: { start: place.pageStart!, end: place.pageEnd! } } : {}),
  };
  h.status = 'exact';
  h.at = place;
  delete h.found;
}

export interface NewHighlight {
  docId: string;
  /** One of the document's other forms (`forms[].id`), when made there. */
  form?: string;
  /** Offsets in the whole text, or in page `page`'s text when `page` is given. */
  start: number;
  end: number;
  page?: number;
  color: HighlightColor;
  note?: string;
  topics?: string[];
}

export async function addHighlight(ctx: CoreContext, args: NewHighlight): Promise<Highlight> {
  const doc = findDocument(ctx, args.docId);
  // Made in another form of the document (its PDF, say): anchored in that form's text.
  const shown = formOf(ctx, doc, args.form);
  const text = await textOf(ctx, shown.textId);
  const paged = shown.kind === 'pdf';
  const start = args.page !== undefined ? wholeOffset(text, args.page, args.start) : args.start;
  const end = args.page !== undefined ? wholeOffset(text, args.page, args.end) : args.end;
  if (!(start >= 0 && end > start && end <= text.length) || !text.slice(start, end).trim())
    throw fail('highlights.bad-range', { start, end, id: doc.id, length: text.length });
  const now = ctx.now();
  const h = { id: newId(), docId: doc.id, ...(args.form ? { form: args.form } : {}), color: args.color, topics: args.topics ?? [], createdAt: now, updatedAt: now, ...(args.note ? { note: args.note } : {}) } as Highlight;
  target(h, text, start, end, paged);
  await ctx.store.change((data) => data.highlights.push(h), { type: 'highlights.changed', docIds: [doc.id] }, { keysKept: true });
  return h;
}

export interface HighlightChange {
  id: string;
  color?: HighlightColor;
  /** An empty note removes it. */
  note?: string;
  topics?: string[];
  /** Accept a `fuzzy` placement as the highlight's new place. */
  confirm?: boolean;
  /** Re-attach (an orphan, or any highlight) to this stretch of text. */
  place?: { start: number; end: number; page?: number };
}

export async function updateHighlight(ctx: CoreContext, change: HighlightChange): Promise<Highlight> {
  const h = findHighlight(ctx, change.id);
  // Where it goes, read before anything changes (a place that is not in the text changes nothing).
  let moveTo: { text: string; start: number; end: number; paged: boolean } | undefined;
  if (change.confirm || change.place) {
    const shown = formOf(ctx, findDocument(ctx, h.docId), h.form);
    const text = await textOf(ctx, shown.textId);
    const paged = shown.kind === 'pdf';
    if (change.place) {
      const { page } = change.place;
      const start = page !== undefined ? wholeOffset(text, page, change.place.start) : change.place.start;
      const end = page !== undefined ? wholeOffset(text, page, change.place.end) : change.place.end;
      if (!(start >= 0 && end > start && end <= text.length)) throw fail('highlights.bad-new-range');
      moveTo = { text, start, end, paged };
    } else if (h.status === 'fuzzy' && h.at) moveTo = { text, start: h.at.start, end: h.at.end, paged };
  }
  await ctx.store.change(
    () => {
      if (change.color) h.color = change.color;
      if (change.note !== undefined) {
        if (change.note.trim()) h.note = change.note;
        else delete h.note;
      }
      if (change.topics) h.topics = [...new Set(change.topics.map((t) => t.trim()).filter(Boolean))];
      if (moveTo) target(h, moveTo.text, moveTo.start, moveTo.end, moveTo.paged);
      h.updatedAt = ctx.now();
    },
    { type: 'highlights.changed', docIds: [h.docId] },
    { keysKept: true },
  );
  return h;
}

export async function removeHighlight(ctx: CoreContext, id: string): Promise<{ removed: Highlight }> {
  const h = findHighlight(ctx, id);
  await ctx.store.change(
    (data) => {
      data.highlights = data.highlights.filter((x) => x !== h);
      data.highlightTrash.push({ highlight: h, removedAt: ctx.now() });
    },
    { type: 'highlights.changed', docIds: [h.docId] },
    { keysKept: true },
  );
  return { removed: h };
}

export async function restoreHighlight(ctx: CoreContext, id: string): Promise<Highlight> {
  const entry = ctx.store.data.highlightTrash.find((t) => t.highlight.id === id);
  if (!entry) throw fail('highlights.not-in-trash', { id });
  await ctx.store.change(
    (data) => {
      data.highlightTrash = data.highlightTrash.filter((t) => t !== entry);
      data.highlights.push(entry.highlight);
    },
    { type: 'highlights.changed', docIds: [entry.highlight.docId] },
    { keysKept: true },
  );
  return entry.highlight;
}

/** Highlights of one document, or of every document in the library (not those in the trash). */
export function listHighlights(ctx: CoreContext, docId?: string): Highlight[] {
  const live = new Set(ctx.store.data.documents.map((d) => d.id));
  return ctx.store.data.highlights.filter((h) => (docId ? h.docId === docId : live.has(h.docId))).sort((a, b) => (a.at?.start ?? Infinity) - (b.at?.start ?? Infinity) || a.createdAt - b.createdAt);
}

/**
 * Re-places a document's highlights in its new text. Exact ones follow their quote; the others
 * become fuzzy or orphan, their original selectors kept until the user confirms or re-attaches.
 * Returns how many are no longer exact. Staged in the store: the caller commits.
 */
export function reanchorDocument(ctx: CoreContext, docId: string, text: string, paged: boolean, form?: string): number {
  return ctx.store.stage((data) => reanchor(data.highlights, docId, text, paged, form), { keysKept: true });
}

function reanchor(highlights: Highlight[], docId: string, text: string, paged: boolean, form?: string): number {
  let unsure = 0;
  for (const h of highlights) {
    if (h.docId !== docId || h.form !== form) continue;
    const [quote, position] = h.target.selector;
    const found = anchor(text, quote, position);
    if (found.status === 'exact') target(h, text, found.start!, found.end!, paged);
    else {
      unsure++;
      h.status = found.status;
      if (found.status === 'fuzzy') {
        h.at = placeOf(text, found.start!, found.end!, paged);
        h.found = text.slice(found.start, found.end);
      } else {
        delete h.at;
        delete h.found;
      }
    }
  }
  return unsure;
}
