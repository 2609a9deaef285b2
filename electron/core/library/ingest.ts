/**
 * The import engine shared by `add` and `sync`: reads each file, decides whether it is new, a new
 * version of a document already in the library (same source path, other bytes: the id is kept),
 * or unchanged (same bytes as a document: nothing is parsed), and stores it. Parsing runs in the
 * worker pool, a few files at a time; a file that fails is reported and leaves the library as it
 * was.
 *
 * @example
 * const report = await ingestFiles(ctx, [{ path: '/dl/a.pdf' }, { path: '/dl/b.html' }]);
 * // → { added: [{ id, path }], updated: [], unchanged: [], failed: [] }
 */
import { lookupOf } from './lookup.js';
import { backupAfterImport } from '../store/db.js';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { failureOf, YanduError } from '../../shared/errors.js';
import type { ImportReport } from '../../shared/types.js';
import { importerFor, unsupported } from '../import/registry.js';
import type { ImportOptions } from '../import/types.js';
import { sha256Of } from '../store/blobs.js';
import type { CoreContext } from './context.js';
import { eachLimited } from '../util/each-limited.js';
import { placeImported } from './place.js';
import { importTopicOptions } from '../topics/recommend.js';
import { fail } from '../../shared/error-words.js';

/** Files above this size are refused rather than read into memory. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** The library is written after at least this many documents were placed… */
const FLUSH_EVERY = 25;
/**
 * …and once at least this many times as long as its last write took has passed: a big library's
 * write (~0.1 s at 20,000 documents) then costs at most ~5 % of an import, not a write per 25
 * files. A crash loses at most the documents placed since (their originals are collected).
 */
const FLUSH_SPACING = 20;

export const emptyReport = (): ImportReport => ({ added: [], updated: [], unchanged: [], failed: [] });

/** One file to import, with what is known of where it came from. */
export interface IngestItem {
  path: string;
  options?: ImportOptions;
  /**
   * Where it was downloaded from: the document is then matched by this address instead of by
   * the (temporary) path, and keeps no `sourcePath`.
   */
  url?: string;
  sourceId?: string;
  /** Metadata from the source (a manifest's category) used when the file itself has none. */
  fallback?: { title?: string; category?: string[] };
  /** Added by the user on purpose: a document they deleted comes back (a sync leaves it deleted). */
  explicit?: boolean;
  /**
   * Sent by the user's browser (web mode) under this name: `path` is a temporary copy, so the
   * document keeps no `sourcePath` and the report names the file by this name.
   */
  uploaded?: string;
}

/**
 * A file's bytes, refusing what is not a regular file (a FIFO would block the read forever, a
 * link to /dev/zero never end) and counting the cap as it reads (`stat` says 0 for devices).
 * Opened without blocking, so a FIFO is refused rather than waited on.
 */
async function readBytes(path: string): Promise<Uint8Array> {
  const name = basename(path);
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw fail('import.gone', { name });
    throw error;
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw fail('import.not-regular', { name });
    const tooLarge = (): YanduError => fail('import.too-large', { name, mb: MAX_FILE_BYTES / 2 ** 20 });
    if (info.size > MAX_FILE_BYTES) throw tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(4 * 2 ** 20, Math.max(64 * 1024, info.size - size + 1)));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (!bytesRead) break;
      size += bytesRead;
      if (size > MAX_FILE_BYTES) throw tooLarge();
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return new Uint8Array(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
  } finally {
    await handle.close();
  }
}


/**
 * Files being imported into a library, by sha256, across every batch under way (three `add`s of
 * the same files sent at once are one import each): a second copy waits for the first, and is
 * then the same document — or, when the first failed, is read on its own (an empty .md and an
 * empty .html have the same bytes, but not the same reasons).
 */
const claimsOf = new WeakMap<object, Map<string, Promise<string | undefined>>>();

/** The placement under way in each library (all its batches): see {@link placeOneAtATime}. */
const placingOf = new WeakMap<object, Promise<unknown>>();

/**
 * Places one file at a time in a library, whatever batch it belongs to: placing looks for the
 * file's other form or twin among the documents and then adds it, so two batches placing the
 * article and its PDF at the same moment each missed the other (two documents for one article).
 */
function placeOneAtATime<T>(library: object, place: () => Promise<T>): Promise<T> {
  const next = (placingOf.get(library) ?? Promise.resolve()).then(place, place);
  placingOf.set(library, next.catch(() => undefined));
  return next;
}

/** Imports files; flushes the database in batches and emits progress. */
export async function ingestFiles(ctx: CoreContext, items: IngestItem[], report = emptyReport()): Promise<ImportReport> {
  const { store, emit } = ctx;
  let pending: string[] = [];
  let lastFlush = performance.now();
  let done = 0;
  // Files are placed one at a time and in the order given, whatever order their parsing ends
  // in: a batch gives the same library every time (which of two copies is the original, say).
  const turns = items.map(() => {
    let done: () => void = () => undefined;
    const promise = new Promise<void>((resolve) => (done = resolve));
    return { promise, done };
  });
  const turnOf = new Map(items.map((item, i) => [item, i]));
  const claimed = claimsOf.get(store) ?? claimsOf.set(store, new Map()).get(store)!;
  const flush = async (): Promise<void> => {
    if (!pending.length) return;
    const ids = pending;
    pending = [];
    lastFlush = performance.now();
    await store.commit({ type: 'library.changed', ids });
  };

  const one = async (item: IngestItem): Promise<void> => {
    const turn = turnOf.get(item)!;
    try {
      await place(item, turn);
    } finally {
      turns[turn]!.done(); // on every path, or the files after this one would wait forever
    }
  };

  const place = async (item: IngestItem, turn: number): Promise<void> => {
    const { path, options, url, sourceId, fallback, explicit, uploaded } = item;
    const shown = url ?? uploaded ?? path; // what the report names: the address of a download
    const bytes = await readBytes(path);
    const sha256 = sha256Of(bytes);
    for (let inFlight = claimed.get(sha256); inFlight; inFlight = claimed.get(sha256)) {
      // A copy of a file placed by another item (maybe a later one, maybe another batch): give up
      // the turn before waiting, or the two would wait for each other.
      turns[turn]!.done();
      const id = await inFlight;
      if (id) {
        report.unchanged.push({ id, path: shown });
        return;
      }
      // That copy failed: this one is read on its own, and fails (or not) with its own reason.
    }
    const lookup = lookupOf(ctx);
    const same = lookup.bySha(sha256);
    if (same) {
      if (!url && same.sourcePath === path && (same.sourceMissing || (sourceId && !same.sourceId))) {
        store.stage(
          () => {
            delete same.sourceMissing;
            if (sourceId) same.sourceId = sourceId; // a file imported by hand now belongs to its watched folder
          },
          { keysKept: true },
        );
        pending.push(same.id);
      }
      report.unchanged.push({ id: same.id, path: shown });
      return;
    }
    // The same bytes as one of a document's other forms: nothing new.
    const holder = lookup.byFormSha(sha256);
    if (holder) {
      report.unchanged.push({ id: holder.id, path: shown });
      return;
    }
    const trashed = store.data.trash.find((t) => t.document.sha256 === sha256);
    if (trashed) {
      // Deleted by the user: a sync must not bring it back; adding it again on purpose does.
      if (explicit) {
        store.stage((data) => {
          data.trash = data.trash.filter((t) => t !== trashed);
          data.documents.push(trashed.document);
        });
        report.added.push({ id: trashed.document.id, path: shown });
        pending.push(trashed.document.id);
      } else report.unchanged.push({ id: trashed.document.id, path: shown });
      return;
    }
    if (!importerFor(path)) throw unsupported(path);
    let settle: (id: string | undefined) => void = () => undefined;
    const claim = new Promise<string | undefined>((resolve) => (settle = resolve));
    claimed.set(sha256, claim);
    let storedId: string | undefined;
    try {
      const imported = await ctx.importFile(basename(path), bytes, { ...options, ...(url ? { url } : {}), ...importTopicOptions(ctx) });
      if (fallback?.category && !imported.category) imported.category = fallback.category;
      if (fallback?.title && imported.kind === 'pdf' && imported.title === basename(path).replace(/\.pdf$/i, '')) imported.title = fallback.title;
      // The original is stored (with fsync) before this file's turn, while earlier files are
      // placed: placing one at a time, each waiting for its own fsync, held imports to ~100/s.
      await ctx.blobs.putOriginal(bytes, extname(path), sha256);
      if (turn > 0) await turns[turn - 1]!.promise;
      const outcome = await placeOneAtATime(store, () => placeImported(ctx, { path, ...(url ? { url } : {}), ...(sourceId ? { sourceId } : {}), ...(uploaded ? { uploaded: true } : {}), bytes, sha256, imported }));
      storedId = outcome.id;
      if (outcome.kind === 'twin') report.unchanged.push({ id: outcome.id, path: shown });
      else report[outcome.kind].push({ id: outcome.id, path: shown });
      if (outcome.kind !== 'twin' || outcome.changed) pending.push(outcome.id);
    } finally {
      settle(storedId);
      // Placed (the library now has it) or failed: the next copy looks for itself.
      if (claimed.get(sha256) === claim) claimed.delete(sha256);
    }
  };

  emit({ type: 'sync.progress', done: 0, total: items.length });
  await eachLimited(items, ctx.parallelism, async (item) => {
    try {
      await one(item);
    } catch (error) {
      report.failed.push(failureOf(item.url ?? item.uploaded ?? item.path, error, 'import'));
    }
    done++;
    emit({ type: 'sync.progress', done, total: items.length, current: item.path });
    if (pending.length >= FLUSH_EVERY && performance.now() - lastFlush >= FLUSH_SPACING * store.lastWriteMs) await flush();
  });
  await flush();
  // A restore point once the batch is in (recover then loses at most the batch under way).
  if (report.added.length || report.updated.length) await backupAfterImport(ctx.libraryDir, ctx.now()).catch(() => undefined);
  return report;
}
