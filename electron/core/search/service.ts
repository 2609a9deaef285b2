/**
 * The search index of an open library, kept in step with it and held in its own worker thread
 * (see `search-worker.ts`): opened at start, refreshed for the documents each `library.changed`
 * names once changes pause (and always before a search), saved a while after and on close. It is derived data: deleting it loses
 * nothing.
 *
 * @example
 * const search = await createSearchService(ctx, workerEntry);
 * await search.search({ query: '基层减负', limit: 20 });
 * await search.reindex();
 */
import type { SearchResult } from '../../shared/types.js';
import type { CoreContext } from '../library/context.js';
import type { DocumentRecord } from '../store/schema.js';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE } from '../store/db.js';
import { createWorkerPool } from '../workers/pool.js';
import { savedLibraryStamp, type WorkerJob } from './index-store.js';
import type { IndexedDoc, SearchFilters } from './search-index.js';
import { anyUnder } from '../../shared/topic-path.js';

export interface SearchService {
  search(args: { query: string; limit?: number; filters?: SearchFilters }): Promise<SearchResult>;
  /** Rebuilds the index from the stored text. */
  reindex(): Promise<{ documents: number; ms: number }>;
  /** Re-reads the named documents (added, changed or removed). */
  refresh(ids: string[]): Promise<void>;
  close(): Promise<void>;
}

const SAVE_AFTER_MS = 30_000;
/** Documents are indexed once changes pause this long (or before any search): an import's
 * parsing does not compete with its indexing for the cores. */
const INDEX_AFTER_MS = 1500;

/** The worker pool's two calls, over jobs run in this thread. */
const inlineRunner = (run: (job: WorkerJob) => Promise<unknown>): { run<T>(job: Record<string, unknown>): Promise<T>; close(): Promise<void> } => ({
  run: <T>(job: Record<string, unknown>) => run(job as unknown as WorkerJob) as Promise<T>,
  close: async () => undefined,
});

/**
 * What the index depends on of a document, hashed: its file and version, its text's length and
 * OCR progress, and the fields it filters on — not its topics: a topic filter is resolved from
 * the library ({@link withTopicDocs}), so tagging a thousand documents re-reads none. A 53-bit
 * string hash (cyrb53), not a digest: it only tells a changed document from an unchanged one,
 * and is taken of every document each time the index opens.
 */
const stampOf = (doc: DocumentRecord): string => {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  // Each field hashed in turn, ended by a character no field holds (no string built for it).
  const take = (s: string | undefined): void => {
    if (s !== undefined) {
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
      }
    }
    h1 = Math.imul(h1 ^ 0xffff, 2654435761);
    h2 = Math.imul(h2 ^ 0xffff, 1597334677);
  };
  take(doc.sha256);
  take(String(doc.updatedAt ?? doc.addedAt));
  // Text that changes without a new file: read again by a newer importer, or OCR adding pages.
  take(String(doc.textVersion ?? ''));
  take(String(doc.chars ?? ''));
  take(String(doc.ocr?.done ?? ''));
  take(doc.kind);
  take(doc.title);
  take(doc.site);
  take(doc.publishedAt);
  take(doc.sourceId);
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
};

/** The library file's identity (mtime and size), or undefined when it cannot be read. */
function libraryStampOf(libraryDir: string): string | undefined {
  try {
    const info = statSync(join(libraryDir, DB_FILE));
    return `${info.mtimeMs}:${info.size}`;
  } catch {
    return undefined;
  }
}

/** A document as the index takes it; without its stamp for an index known to be in step. */
const indexed = (doc: DocumentRecord, stamped = true): IndexedDoc => ({
  id: doc.id,
  ...(stamped ? { stamp: stampOf(doc) } : {}),
  kind: doc.kind,
  title: doc.title,
  ...(doc.site ? { site: doc.site } : {}),
  ...(doc.publishedAt ? { publishedAt: doc.publishedAt } : {}),
  ...(doc.sourceId ? { sourceId: doc.sourceId } : {}),
});

/**
 * A topic filter as the documents it keeps: tagged with the topic or one under it, confirmed or
 * 推荐 (as the library's filter), read from the library now — so it never waits on the index.
 *
 * @example
 * withTopicDocs({ topics: ['民生保障'] }, docs); // → { docIds: ['a1', 'b2'] } (教育 and 推荐 医疗卫生 included)
 */
export function withTopicDocs(filters: SearchFilters, documents: readonly DocumentRecord[]): SearchFilters {
  const { topics, ...rest } = filters;
  if (!topics?.length) return filters;
  return { ...rest, docIds: documents.filter((d) => anyUnder(d.topics, topics) || anyUnder(d.recommendedTopics, topics)).map((d) => d.id) };
}

/**
 * `workerEntry`: the index lives in that worker thread; `'inline'`: in this thread (a one-shot
 * command, which would spend more on starting a thread than on its one query).
 */
export async function createSearchService(ctx: CoreContext, workerEntry: URL | 'inline'): Promise<SearchService> {
  // One worker: its jobs run one at a time, in order, so the index is never read mid-change.
  const worker = workerEntry === 'inline' ? inlineRunner((await import('./index-store.js')).jobRunner()) : createWorkerPool(workerEntry, 1, { heapMB: 2048 });
  const send = <T>(job: WorkerJob): Promise<T> => worker.run<T>(job as unknown as Record<string, unknown>);
  // The library file as the index is opened on it: the same one the saved index is in step with
  // means no document's stamp needs comparing (the stamps are not even taken).
  const libraryStamp = libraryStampOf(ctx.libraryDir);
  const inStep = libraryStamp !== undefined && savedLibraryStamp(ctx.libraryDir) === libraryStamp;
  await send({ op: 'open', libraryDir: ctx.libraryDir, docs: ctx.store.data.documents.map((d) => indexed(d, !inStep)), ...(libraryStamp ? { libraryStamp } : {}), ...(inStep ? { inStep } : {}) });
  let saveTimer: NodeJS.Timeout | undefined;
  /**
   * Saves the index; with the library file it is in step with when that is known: every change
   * sent (none pending) and the store not writing (a write under way could be one not yet sent).
   */
  const saveNow = (): Promise<void> => {
    const stamp = !pending.size && !ctx.store.busy ? libraryStampOf(ctx.libraryDir) : undefined;
    return send({ op: 'save', ...(stamp ? { libraryStamp: stamp } : {}) });
  };
  let indexTimer: NodeJS.Timeout | undefined;
  const pending = new Set<string>();

  /** Sends the changed documents to the index now (the worker runs jobs in order). */
  const flush = (): Promise<void> => {
    clearTimeout(indexTimer);
    if (!pending.size) return Promise.resolve();
    const ids = [...pending];
    pending.clear();
    const wanted = new Set(ids);
    const present = ctx.store.data.documents.filter((d) => wanted.has(d.id));
    const found = new Set(present.map((d) => d.id));
    const removed = ids.filter((id) => !found.has(id));
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void saveNow().catch(() => undefined), SAVE_AFTER_MS);
    saveTimer.unref();
    return send({ op: 'refresh', docs: present.map((d) => indexed(d)), removed });
  };

  return {
    async search({ query, limit, filters }) {
      await flush(); // a search always sees every change made before it
      const resolved = filters && withTopicDocs(filters, ctx.store.data.documents);
      return send<SearchResult>({ op: 'search', query, limit: limit ?? 50, ...(resolved ? { filters: resolved } : {}) });
    },
    reindex: () => {
      pending.clear();
      clearTimeout(indexTimer);
      return send({ op: 'reindex', docs: ctx.store.data.documents.map((d) => indexed(d)) });
    },
    async refresh(ids) {
      for (const id of ids) pending.add(id);
      clearTimeout(indexTimer);
      indexTimer = setTimeout(() => void flush().catch(() => undefined), INDEX_AFTER_MS);
      indexTimer.unref();
    },
    async close() {
      await flush().catch(() => undefined);
      clearTimeout(saveTimer);
      await saveNow().catch(() => undefined);
      await worker.close();
    },
  };
}

/**
 * A search service that does not hold up the library's opening: `eager`, it starts opening at
 * once in the background (the app: the library lists while the index loads); otherwise on the
 * first search (a one-shot command that may never search). Until it is open a refresh waits for
 * it (eager) or is skipped — the index, once opened, reads again every document out of step.
 */
export function deferredSearchService(open: () => Promise<SearchService>, eager: boolean): SearchService {
  let opened: Promise<SearchService> | undefined;
  const get = (): Promise<SearchService> => (opened ??= open());
  // A failure to open shows at the first search.
  if (eager) get().catch(() => undefined);
  return {
    search: async (args) => (await get()).search(args),
    reindex: async () => (await get()).reindex(),
    refresh: async (ids) => {
      if (opened) await (await opened).refresh(ids);
    },
    close: async () => {
      if (opened) await (await opened).close();
    },
  };
}
