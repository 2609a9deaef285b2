/**
 * `createCore` opens a library and returns the Yandu API over it. Plain Node: everything it needs
 * is passed in. It takes the library's lock (a second process is refused), opens or migrates
 * `yandu.json`, and validates every call's arguments against the shared contract.
 *
 * @example
 * const core = await createCore({ libraryDir: '/tmp/lib' });
 * const off = core.on((event) => console.log(event.type));
 * await core.api.addPaths({ paths: ['/tmp/notes'] });
 * await core.close();
 */
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { ApiArgs, ApiResult, EventListener, YanduApi } from '../shared/contract.js';
import type { YanduEvent } from '../shared/types.js';
import type { CoreContext } from './library/context.js';
import { makeBackup, restoreBackup } from './highlights/backup.js';
import { exportHighlights } from './highlights/export-file.js';
import { addHighlight, listHighlights, removeHighlight, restoreHighlight, updateHighlight } from './highlights/highlights.js';
import { addSample, removeSample } from './library/sample.js';
import { addFiles } from './library/upload.js';
import { withSuggestions } from './search/did-you-mean.js';
import { addTopic, deleteTopic, listTopics, mergeTopic, moveTopic, renameTopic, reviewSuggestion, setDocumentTopics, topicsOf, upgradeTaxonomy } from './topics/topics.js';
import { getDocument, listDocuments, removeDocument, removeDocuments, restoreDocument, restoreDocuments, savePosition } from './library/documents.js';
import { findDocument, formOf } from './library/records.js';
import { importTopicOptions, preferencesOf, setPreferences, suggestForText, tagDocuments } from './topics/recommend.js';
import { updateDocument } from './library/edit.js';
import { browseFolders } from './files/browse.js';
import { createReview, type Review, type ReviewBackup } from './review/review.js';
import { ingestFiles, MAX_FILE_BYTES } from './library/ingest.js';
import { MAX_DOWNLOAD_BYTES, MAX_FETCH_BYTES } from './sync/http.js';
import { expandPaths } from './library/walk.js';
import { runImporter } from './import/registry.js';
import { locate } from './search/locate.js';
import { createSearchService, deferredSearchService, type SearchService } from './search/service.js';
import { createBlobStore } from './store/blobs.js';
import { openStore, type Store } from './store/store.js';
import { collectGarbage } from './store/gc.js';
import { rereadOutdated } from './library/reread.js';
import { acquireLock, type LibraryLock } from './store/lock.js';
import { SCHEMA_VERSION } from './store/schema.js';
import { checkedApi, type Handlers } from './checked-api.js';
import { createSyncService, type SyncService, type SyncServiceOptions } from './sync/index.js';
import { createFileSecretStore, type SecretStore } from './sync/secrets.js';
import { addSource, listSources, removeSource, setSourceToken } from './sync/sources.js';
import { APP_VERSION } from './version.js';
import { importWorkerEntry, ocrWorkerEntry, searchWorkerEntry } from './workers/entry.js';
import { createOcrService, type OcrService } from './ocr/service.js';
import { fail } from '../shared/error-words.js';
import { createPoolImporter, type ImportFile } from './workers/importer.js';
import { createWorkerPool, type WorkerPool } from './workers/pool.js';
import { splitPages } from '../shared/pages.js';

/** How long reading one file may take before it fails (its worker is stopped): `YANDU_FILE_TIMEOUT_MS`, else 2 minutes. */
export const FILE_TIMEOUT_MS = Number(process.env.YANDU_FILE_TIMEOUT_MS) || 120_000;

export interface CoreOptions {
  libraryDir: string;
  /** Worker threads for parsing (default: up to 2); 0 parses in this thread (tests, tools). */
  workers?: number;
  /** The import worker's script (the built app passes its bundled file). */
  workerEntry?: URL;
  /** How long one file may take to read before it fails (default {@link FILE_TIMEOUT_MS}). */
  fileTimeoutMs?: number;
  /** The search worker's script (the built app passes its bundled file). */
  searchWorkerEntry?: URL;
  /** Where member tokens are kept (default: an encrypted file in the library). */
  secrets?: SecretStore;
  /** The user's download folder (the desktop app's `downloads` path), offered as a source. */
  downloadsDir?: string;
  /** Watch folder sources while open (the app and `serve` do; one-shot CLI commands do not). */
  watch?: boolean;
  /** Test hooks for sync: HTTP timeouts and backoff, watcher timing. */
  sync?: Omit<SyncServiceOptions, 'watch'>;
  /**
   * The app's `resources/` folder (topic taxonomy, sample library). Hosts pass it; without it,
   * core looks for `resources/` above its own code (the source tree, `out/main`).
   */
  resourcesDir?: string;
  /**
   * Start only what is used (one-shot CLI commands): the import workers on the first import, the
   * search index on the first search; no clean-up, re-reading or warming at open.
   */
  lazy?: boolean;
  /** Who holds the lock, shown to a second process that is refused (e.g. 'cli', 'desktop'). */
  owner?: string;
  /**
   * Read scanned pages with OCR in the background (default: when not lazy and `YANDU_OCR` is not
   * `0`). Off, OCR reads only the documents asked for.
   */
  ocr?: boolean;
  /** The OCR worker's script (the built app passes its bundled file). */
  ocrWorkerEntry?: URL;
  now?: () => number;
}

export interface Core {
  readonly libraryDir: string;
  readonly api: YanduApi;
  readonly lock: LibraryLock;
  /** Subscribes to events; returns the unsubscribe function. */
  on(listener: EventListener): () => void;
  close(): Promise<void>;
}


function handlers(ctx: CoreContext, sync: SyncService, search: SearchService, review: Review, ocr: OcrService, downloadsDir: string | undefined, watching: boolean): Handlers {
  return {
    libraryInfo: async () => ({
      libraryDir: ctx.libraryDir,
      schemaVersion: SCHEMA_VERSION,
      documents: ctx.store.data.documents.length,
      trashed: ctx.store.data.trash.length,
      version: APP_VERSION,
      ...(downloadsDir ? { downloadsDir } : {}),
      limits: { fileMB: MAX_FILE_BYTES / 2 ** 20, downloadMB: MAX_DOWNLOAD_BYTES / 2 ** 20, pageMB: MAX_FETCH_BYTES / 2 ** 20 },
    }),
    listDocuments: async () => listDocuments(ctx),
    getDocument: ({ id, form }) => getDocument(ctx, id, form),
    addPaths: async ({ paths }) => {
      const { files, failed } = await expandPaths(paths);
      const report = await ingestFiles(ctx, files.map((path) => ({ path, explicit: true })));
      report.failed.unshift(...failed);
      ctx.emit({ type: 'sync.finished', report });
      return report;
    },
    addFiles: async ({ files }) => {
      const report = await addFiles(ctx, files);
      ctx.emit({ type: 'sync.finished', report });
      return report;
    },
    addSample: () => addSample(ctx),
    removeSample: () => removeSample(ctx),
    removeDocument: ({ id }) => removeDocument(ctx, id),
    updateDocument: (edit) => updateDocument(ctx, edit),
    restoreDocument: ({ id }) => restoreDocument(ctx, id),
    // With no hits: 你是不是要找, the 提法 one character away that the library does have.
    search: async (args) => withSuggestions(await search.search(args), args, topicsOf(ctx).flatMap((t) => [...t.phrases, t.path.split('/').pop()!]), (a) => search.search(a)),
    locate: async ({ id, query, form }) => {
      const shown = formOf(ctx, findDocument(ctx, id), form);
      const text = await ctx.blobs.readText(shown.textId).catch(() => '');
      return { matches: locate(shown.kind === 'pdf' ? splitPages(text) : text, query) };
    },
    savePosition: (args) => savePosition(ctx, args),
    listHighlights: async ({ docId }) => listHighlights(ctx, docId),
    addHighlight: (args) => addHighlight(ctx, args),
    updateHighlight: (args) => updateHighlight(ctx, args),
    removeHighlight: ({ id }) => removeHighlight(ctx, id),
    restoreHighlight: ({ id }) => restoreHighlight(ctx, id),
    exportHighlights: (args) => exportHighlights(ctx, args),
    backup: async () => {
      const stamp = new Date(ctx.now()).toISOString().slice(0, 10);
      return { filename: `研读备份-${stamp}.json`, mime: 'application/json', encoding: 'utf8', content: JSON.stringify({ ...makeBackup(ctx), review: await review.backup() }, null, 1) };
    },
    restore: async ({ content }) => {
      const report = await restoreBackup(ctx, content);
      // 复习's cards after the highlights they are made of (a backup of an older Yandu has none).
      const cards = await review.restore((JSON.parse(content) as { review?: ReviewBackup }).review ?? { cards: [], events: [] });
      return { ...report, ...(cards ? { cards } : {}) };
    },
    listTopics: async () => listTopics(ctx),
    addTopic: (args) => addTopic(ctx, args),
    renameTopic: ({ path, name }) => renameTopic(ctx, path, name),
    moveTopic: ({ path, parent }) => moveTopic(ctx, path, parent),
    mergeTopic: ({ from, into }) => mergeTopic(ctx, from, into),
    deleteTopic: ({ path }) => deleteTopic(ctx, path),
    setDocumentTopics: ({ id, topics }) => setDocumentTopics(ctx, id, topics),
    reviewSuggestion: (args) => reviewSuggestion(ctx, args),
    tagDocuments: (args) => tagDocuments(ctx, args),
    suggestTopics: (args) => suggestForText(ctx, args),
    removeDocuments: ({ ids }) => removeDocuments(ctx, ids),
    restoreDocuments: ({ ids }) => restoreDocuments(ctx, ids),
    getPreferences: async () => preferencesOf(ctx),
    setPreferences: async (change) => {
      const preferences = await setPreferences(ctx, change);
      if (change.autoOcr !== undefined) ocr.wake();
      return preferences;
    },
    reindex: () => search.reindex(),
    sync: (args) => sync.run(args),
    cancelSync: async () => ({ cancelled: sync.cancel() }),
    listSources: () => listSources(ctx),
    browseFolders: ({ path }) => browseFolders(path, downloadsDir ? { downloadsDir } : {}),
    reviewQueue: (args) => review.queue(args),
    addReviewCard: (args) => review.addCards(args),
    addTopicCards: (args) => review.addTopicCards(args),
    removeReviewCard: (args) => review.removeCard(args),
    listReviewCards: (args) => review.listCards(args),
    gradeCard: (args) => review.grade(args),
    undoGrade: async () => {
      const undone = await review.undo();
      return undone ? { undone } : {};
    },
    reviewStats: () => review.stats(),
    proposeCloze: (args) => review.propose(args),
    exportAnki: (args) => review.exportAnki(args),
    dailyHighlights: (args) => review.daily(args),
    previewGrades: (args) => review.preview(args),
    ocrStatus: async () => ocr.status(),
    async ocrControl({ action }) {
      if (action === 'pause') ocr.pause();
      else ocr.resume();
      return ocr.status();
    },
    async ocrDocument({ id, action }) {
      const doc = findDocument(ctx, id);
      if (doc.kind !== 'pdf') throw fail('ocr.not-pdf', { id });
      if (action === 'start') await ocr.request(id);
      else await ocr.cancel(id);
      return ocr.status();
    },
    ocrLayer: async ({ id }) => ocr.layer(findDocument(ctx, id).id),
    addSource: async (args) => {
      const source = await addSource(ctx, args);
      sync.refresh();
      // A watched folder's files already there come in at once (with progress events), not when
      // the next file arrives; one-shot commands leave that to `sync`.
      if (watching && source.kind === 'folder') void sync.run({ sourceId: source.id }).catch(() => undefined);
      return source;
    },
    removeSource: async ({ id }) => {
      const removed = await removeSource(ctx, id);
      sync.refresh();
      return removed;
    },
    setSourceToken: ({ id, token }) => setSourceToken(ctx, id, token),
  };
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const libraryDir = resolve(options.libraryDir);
  await mkdir(libraryDir, { recursive: true });
  const lock = await acquireLock(libraryDir, { owner: options.owner ?? 'core' });
  const now = options.now ?? Date.now;
  const listeners = new Set<EventListener>();
  const emit = (event: YanduEvent): void => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // a failing listener must not break the operation that emitted
      }
    }
  };
  let store: Store;
  try {
    store = await openStore(libraryDir, { now, emit, checkOnOpen: !(options.lazy ?? false) });
  } catch (error) {
    await lock.release();
    throw error;
  }
  const lazy = options.lazy ?? false;
  // What a crash left unreferenced (an original stored, the process killed before placing it).
  if (!lazy) await collectGarbage(libraryDir, store.data, now()).catch(() => undefined);
  // Two import workers where there are two cores: while importing, the main thread mostly waits
  // on the disk, and one worker left the second core idle (HTML through core: ~85 → ~100 files/s here).
  const workers = options.workers ?? Math.max(1, Math.min(2, availableParallelism()));
  let pool: WorkerPool | undefined;
  const startPool = (): WorkerPool => (pool ??= createWorkerPool(options.workerEntry ?? importWorkerEntry(), workers, { jobTimeoutMs: options.fileTimeoutMs ?? FILE_TIMEOUT_MS }));
  if (workers > 0 && !lazy) startPool();
  let poolImporter: ImportFile | undefined;
  const importFile: ImportFile =
    workers > 0 ? (fileName, bytes, importOptions) => (poolImporter ??= createPoolImporter(startPool(), workers))(fileName, bytes, importOptions) : (fileName, bytes, importOptions) => runImporter(fileName, bytes, importOptions);
  const ctx: CoreContext = {
    libraryDir,
    store,
    blobs: createBlobStore(libraryDir),
    now,
    emit,
    importFile,
    // Four files per worker in flight: while one is parsed, the others are read, stored (its
    // original with fsync) or wait for their turn to be placed; with two, the workers sat idle.
    parallelism: Math.max(1, workers) * 4,
    secrets: options.secrets ?? createFileSecretStore(libraryDir),
    ...(options.resourcesDir ? { resourcesDir: options.resourcesDir } : {}),
  };
  // A library made with an older built-in taxonomy gets its new themes (and renamed ones) now.
  await upgradeTaxonomy(ctx);
  // The import workers read the theme classifier now, while idle, not on the first import.
  const warm = importTopicOptions(ctx).topicModel;
  if (pool && warm) for (let i = 0; i < workers; i++) void pool.run({ op: 'warm', topicModel: warm }).catch(() => undefined);
  const sync = createSyncService(ctx, { ...options.sync, watch: options.watch ?? false });
  const openSearch = (): Promise<SearchService> => createSearchService(ctx, lazy ? 'inline' : (options.searchWorkerEntry ?? searchWorkerEntry()));
  const search = deferredSearchService(openSearch, !lazy);
  listeners.add((event) => {
    if (event.type === 'library.changed') void search.refresh(event.ids);
  });
  // Documents an earlier Yandu read are read again from their originals, in the background.
  const reread = lazy ? { done: Promise.resolve(0), stop: () => undefined } : rereadOutdated(ctx);
  const review = createReview(ctx);
  // OCR of scanned pages, in its own worker thread; in the background unless turned off here.
  const ocr = createOcrService(ctx, { entry: options.ocrWorkerEntry ?? ocrWorkerEntry(), background: options.ocr ?? (!lazy && process.env.YANDU_OCR !== '0') });
  listeners.add((event) => {
    if (event.type === 'library.changed' && !event.position) ocr.wake();
  });
  ocr.wake();
  const impl = handlers(ctx, sync, search, review, ocr, options.downloadsDir, options.watch ?? false);
  const api = checkedApi(impl);

  return {
    libraryDir,
    api,
    lock,
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      try {
        reread.stop();
        await reread.done.catch(() => 0);
        await ocr.close();
        await sync.close();
        // The reading positions journal folded into the library, then the index saved in step
        // with the library file as it is left (the next open need not compare every document).
        await store.close();
        await search.close();
        await review.close();
        listeners.clear();
        await pool?.close();
      } finally {
        await lock.release();
      }
    },
  };
}

export type { ApiArgs, ApiResult, YanduApi };

// What hosts use besides the API. Hosts (main, web) import core only through this entry
// (lint: yandu/layers), so core's own layout can change without touching them.
export { resolveLibraryDir } from './paths.js';
export { listRestorePoints, recoverFromBackup, type RestorePoint } from './store/db.js';
export { acquireLock, readLock } from './store/lock.js';
export { createLogFile, type LogFile } from './util/log-file.js';
export { createFileSecretStore, createSealedStore, type SecretStore } from './sync/secrets.js';
export { gateCall, navigationDecision } from './security/gate.js';
export { appContentType } from './files/app-types.js';
export { resolveInside } from './files/inside.js';
export { libraryFile } from './files/library-file.js';
