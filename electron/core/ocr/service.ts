/**
 * The OCR queue: PDFs with pages that have no text are read page by page in a worker thread
 * (`ocr-worker.ts`), in the background, one document after another. Each page read is kept
 * (`ocr-store.ts`), joined into the document's text (so search finds it as soon as the page is
 * done, and highlights anchor on it as on any PDF), and announced (`ocr.progress`). The queue can
 * be paused and resumed; one document can be asked for (read even with automatic OCR off) or
 * cancelled (what was read stays). After a restart it goes on from the pages already read.
 *
 * @example
 * const ocr = createOcrService(ctx, { entry: ocrWorkerEntry() });
 * ocr.wake();                 // looks for work (after opening, an import, a changed setting)
 * ocr.request('d_1');         // this document next, automatic OCR or not
 * ocr.pause(); ocr.resume();
 * ocr.status();               // → { state: 'running', auto: true, current: { docId, title, page: 3, done: 2, total: 12 }, queued: 1 }
 * await ocr.close();
 */
import type { OcrItem, OcrStatus } from '../../shared/types.js';
import { YanduError } from '../../shared/errors.js';
import { joinPages, splitPages } from '../../shared/pages.js';
import { reanchorDocument } from '../highlights/highlights.js';
import { isTextless } from '../import/pdf/index.js';
import type { CoreContext } from '../library/context.js';
import type { DocumentRecord } from '../store/schema.js';
import { preferencesOf } from '../topics/recommend.js';
import { createChildWorker, type ChildWorker } from '../workers/child.js';
import { pageTextOf } from './layer.js';
import { ocrStoreOf, type OcrPage } from './ocr-store.js';

export interface OcrService {
  status(): OcrStatus;
  /** Looks for documents to read (automatic OCR on) and starts if there are. */
  wake(): void;
  /** Reads this document (next), whether automatic OCR is on or not. */
  request(id: string): Promise<void>;
  /** Stops reading this document; its pages read so far stay. */
  cancel(id: string): Promise<void>;
  pause(): void;
  resume(): void;
  /** The items OCR placed on each page read (for the reader's text layer). */
  layer(id: string): Promise<Record<number, OcrItem[]>>;
  close(): Promise<void>;
}

/** A page may take this long (a huge scan on a slow machine) before its worker is stopped. */
const PAGE_TIMEOUT_MS = 5 * 60_000;


/** A stored page's text from what OCR read (a line break ends it unless it is the last page). */
function ocrPageText(items: OcrItem[], last: boolean): string {
  const text = pageTextOf(items).text;
  return text && !last ? `${text}\n` : text;
}

export function createOcrService(ctx: CoreContext, options: { entry: URL; heapMB?: number; background?: boolean }): OcrService {
  const store = ocrStoreOf(ctx.libraryDir);
  let worker: ChildWorker | undefined;
  let running: Promise<void> | undefined;
  let paused = false;
  let closed = false;
  let wakeUp: (() => void) | undefined;
  let current: OcrStatus['current'];
  /** Why the queue stopped on its own (the models would not load): shown until the next wake. */
  let broken: string | undefined;
  /** Documents asked for, first in line. */
  const asked: string[] = [];

  /** Reads without being asked: the user's setting, unless this host runs no background OCR. */
  const auto = (): boolean => options.background !== false && preferencesOf(ctx).autoOcr;
  const wanted = (doc: DocumentRecord): boolean => {
    if (doc.kind !== 'pdf') return false;
    const ocr = doc.ocr;
    if (!ocr) return Boolean(doc.scanned) && auto();
    if (ocr.state === 'cancelled' || ocr.done >= ocr.total) return false;
    return ocr.state === 'requested' || auto();
  };
  const queue = (): DocumentRecord[] => {
    const docs = ctx.store.data.documents;
    const first = asked.map((id) => docs.find((d) => d.id === id)).filter((d): d is DocumentRecord => Boolean(d && wanted(d)));
    return [...first, ...docs.filter((d) => wanted(d) && !first.includes(d))];
  };
  const status = (): OcrStatus => {
    const queued = queue().length;
    return { state: paused ? 'paused' : running && (current || queued) ? 'running' : 'idle', auto: auto(), ...(current ? { current } : {}), queued, ...(broken ? { error: broken } : {}) };
  };
  const announce = (): void => ctx.emit({ type: 'ocr.progress', status: status() });
  const alive = (doc: DocumentRecord, sha256: string): boolean => !closed && ctx.store.data.documents.includes(doc) && doc.sha256 === sha256;

  /** Reads one document's pages without text; stops between pages when paused, closed or cancelled. */
  async function readDocument(doc: DocumentRecord): Promise<void> {
    const { id, sha256 } = doc;
    const pages = splitPages(await ctx.blobs.readText(id).catch(() => ''));
    const read = await store.read(id, sha256);
    // Pages read before (a restart, the same file imported again): into the text now.
    let changed = false;
    for (const [n, page] of read) {
      if (n <= pages.length && page.items.length && isTextless(pages[n - 1]!)) {
        pages[n - 1] = ocrPageText(page.items, n === pages.length);
        changed = true;
      }
    }
    const todo = pages.map((p, i) => i + 1).filter((n) => isTextless(pages[n - 1]!) && !read.has(n));
    const total = read.size + todo.length;
    let failed = [...read.values()].filter((p) => p.error).length;
    const save = async (): Promise<void> => {
      const text = joinPages(pages);
      await ctx.blobs.writeText(id, text);
      reanchorDocument(ctx, id, text, true);
      ctx.store.stage(() => {
        doc.chars = text.length;
        doc.ocr = { ...(doc.ocr?.state === 'requested' && read.size < total ? { state: 'requested' as const } : {}), done: read.size, total, ...(failed ? { failed } : {}) };
      });
      await ctx.store.commit({ type: 'library.changed', ids: [id] });
    };
    if (changed || doc.ocr?.total !== total || doc.ocr.done !== read.size) await save();
    for (const n of todo) {
      if (closed || paused || !alive(doc, sha256) || !wanted(doc)) return;
      current = { docId: id, title: doc.title, page: n, done: read.size, total };
      announce();
      let page: OcrPage | undefined;
      // A page that fails is tried once more in a fresh process before it is given up.
      for (let attempt = 0; !page; attempt++) {
        try {
          worker ??= createChildWorker(options.entry, { heapMB: options.heapMB ?? 1024, jobTimeoutMs: PAGE_TIMEOUT_MS });
          page = await worker.run<OcrPage>({ op: 'page', key: sha256, path: ctx.blobs.originalPath(sha256, doc.ext), n });
        } catch (error) {
          if (closed) return;
          if (error instanceof YanduError && error.key === 'ocr.engine') throw error;
          await worker?.stop();
          if (attempt >= 1) {
            page = { items: [], error: (error as Error).message };
            failed++;
          }
        }
      }
      if (!alive(doc, sha256)) return;
      await store.append(id, sha256, n, page);
      read.set(n, page);
      if (page.items.length) pages[n - 1] = ocrPageText(page.items, n === pages.length);
      await save();
    }
  }

  async function loop(): Promise<void> {
    while (!closed) {
      if (paused) {
        await new Promise<void>((resolve) => (wakeUp = resolve));
        continue;
      }
      const [doc] = queue();
      if (!doc) break;
      await readDocument(doc);
      const i = asked.indexOf(doc.id);
      if (i >= 0 && !wanted(doc)) asked.splice(i, 1);
      // It could not go on (its file changed under it): look again on the next wake, not at once.
      if (!paused && !closed && queue()[0] === doc) break;
    }
    current = undefined;
    // The process holds the models (~0.5 GB): it ends while there is nothing to read.
    if (!paused) await worker?.stop();
  }

  const wake = (): void => {
    if (closed || running) return;
    if (!queue().length) return;
    broken = undefined;
    running = loop()
      .catch(async (error: Error) => {
        broken = error.message;
        current = undefined;
        await worker?.stop();
      })
      .finally(() => {
        running = undefined;
        announce();
      });
    announce();
  };

  return {
    status,
    wake,
    async request(id) {
      const doc = ctx.store.data.documents.find((d) => d.id === id);
      if (!doc || doc.kind !== 'pdf') return;
      if (!asked.includes(id)) asked.unshift(id);
      await ctx.store.change(() => (doc.ocr = { done: doc.ocr?.done ?? 0, total: Math.max(doc.ocr?.total ?? 0, doc.pages ?? 1), state: 'requested' }), { type: 'library.changed', ids: [id] }, { keysKept: true });
      wake();
    },
    async cancel(id) {
      const doc = ctx.store.data.documents.find((d) => d.id === id);
      if (!doc) return;
      const i = asked.indexOf(id);
      if (i >= 0) asked.splice(i, 1);
      await ctx.store.change(() => (doc.ocr = { done: doc.ocr?.done ?? 0, total: doc.ocr?.total ?? doc.pages ?? 0, state: 'cancelled' }), { type: 'library.changed', ids: [id] }, { keysKept: true });
      announce();
    },
    pause() {
      paused = true;
      announce();
    },
    resume() {
      paused = false;
      wakeUp?.();
      wakeUp = undefined;
      wake();
      announce();
    },
    async layer(id) {
      const doc = ctx.store.data.documents.find((d) => d.id === id);
      if (!doc) return {};
      const out: Record<number, OcrItem[]> = {};
      for (const [n, page] of await store.read(id, doc.sha256)) if (page.items.length) out[n] = page.items;
      return out;
    },
    async close() {
      closed = true;
      wakeUp?.();
      await worker?.close();
      await running;
    },
  };
}
