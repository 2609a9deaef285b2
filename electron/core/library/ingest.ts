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
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { YanduError } from '../../shared/errors.js';
import type { ImportReport } from '../../shared/types.js';
import { importerFor, unsupportedReason } from '../import/registry.js';
import type { Imported, ImportOptions } from '../import/types.js';
import { sha256Of } from '../store/blobs.js';
import type { DocumentRecord } from '../store/schema.js';
import type { CoreContext } from './context.js';
import { newDocumentId } from './ids.js';

/** Files above this size are refused rather than read into memory. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
const FLUSH_EVERY = 25;

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
}

async function readBytes(path: string): Promise<Uint8Array> {
  const info = await stat(path);
  if (info.size > MAX_FILE_BYTES) {
    throw new YanduError('import-failed', `import: '${basename(path)}' is ${Math.round(info.size / 2 ** 20)} MB, over the 512 MB limit. / 文件过大。`);
  }
  return new Uint8Array(await readFile(path));
}

function applyImported(doc: DocumentRecord, imported: Imported): void {
  const { text, html: _html, pages, outline: _outline, scanned, ...meta } = imported;
  Object.assign(doc, meta, { chars: text.length });
  if (pages) doc.pages = pages.length;
  else delete doc.pages;
  if (scanned) doc.scanned = true;
  else delete doc.scanned;
}

async function storeContent(ctx: CoreContext, id: string, imported: Imported): Promise<void> {
  await ctx.blobs.writeText(id, imported.text);
  await ctx.blobs.writeHtml(id, imported.html);
  await ctx.blobs.writeOutline(id, imported.outline);
}

/** Runs `fn` over `items` with at most `limit` at a time, in order of start. */
async function eachLimited<T>(items: T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const index = next++;
      await fn(items[index]!, index);
    }
  });
  await Promise.all(lanes);
}

/** Imports files; flushes the database in batches and emits progress. */
export async function ingestFiles(ctx: CoreContext, items: IngestItem[], report = emptyReport()): Promise<ImportReport> {
  const { db, blobs, now, emit } = ctx;
  let pending: string[] = [];
  let done = 0;
  /** Files of this batch being imported, by sha256: a second copy waits for the first. */
  const claimed = new Map<string, Promise<string | undefined>>();
  const flush = async (): Promise<void> => {
    if (!pending.length) return;
    const ids = pending;
    pending = [];
    await db.write();
    emit({ type: 'library.changed', ids });
  };

  const one = async ({ path: file, options, url, sourceId, fallback }: IngestItem): Promise<void> => {
    const path = file;
    const shown = url ?? file; // what the report names: the address of a download
    const bytes = await readBytes(path);
    const sha256 = sha256Of(bytes);
    const inFlight = claimed.get(sha256);
    if (inFlight) {
      const id = await inFlight;
      if (id) report.unchanged.push({ id, path: shown });
      else throw new YanduError('import-failed', `import: '${basename(path)}' is a copy of a file that failed to import.`);
      return;
    }
    const same = db.data.documents.find((d) => d.sha256 === sha256);
    if (same) {
      if (!url && same.sourcePath === path && (same.sourceMissing || (sourceId && !same.sourceId))) {
        delete same.sourceMissing;
        if (sourceId) same.sourceId = sourceId; // a file imported by hand now belongs to its watched folder
        pending.push(same.id);
      }
      report.unchanged.push({ id: same.id, path: shown });
      return;
    }
    if (!importerFor(path)) throw new YanduError('import-failed', unsupportedReason(path));
    let settle: (id: string | undefined) => void = () => undefined;
    claimed.set(sha256, new Promise((resolve) => (settle = resolve)));
    let storedId: string | undefined;
    try {
      const imported = await ctx.importFile(basename(path), bytes, { ...options, ...(url ? { url } : {}) });
      if (fallback?.category && !imported.category) imported.category = fallback.category;
      if (fallback?.title && imported.kind === 'pdf' && imported.title === basename(path).replace(/\.pdf$/i, '')) imported.title = fallback.title;
      const ext = extname(path).toLowerCase();
      await blobs.putOriginal(bytes, ext);
      const existing = db.data.documents.find((d) => (url ? d.url === url : d.sourcePath === path));
      const at = now();
      const version = { sha256, importedAt: at, size: bytes.length };
      if (existing) {
        await storeContent(ctx, existing.id, imported);
        applyImported(existing, imported);
        Object.assign(existing, { sha256, ext, updatedAt: at });
        delete existing.sourceMissing;
        existing.versions.push(version);
        report.updated.push({ id: existing.id, path: shown });
        pending.push(existing.id);
        storedId = existing.id;
      } else {
        const id = newDocumentId();
        await storeContent(ctx, id, imported);
        const doc: DocumentRecord = {
          id,
          kind: imported.kind,
          title: imported.title,
          topics: [],
          ...(url ? { url } : { sourcePath: path }),
          ...(sourceId ? { sourceId } : {}),
          addedAt: at,
          format: imported.format,
          sha256,
          ext,
          versions: [version],
        };
        applyImported(doc, imported);
        db.data.documents.push(doc);
        report.added.push({ id, path: shown });
        pending.push(id);
        storedId = id;
      }
    } finally {
      settle(storedId);
    }
  };

  emit({ type: 'sync.progress', done: 0, total: items.length });
  await eachLimited(items, ctx.parallelism, async (item) => {
    try {
      await one(item);
    } catch (error) {
      const message = YanduError.from(error).message;
      report.failed.push({ path: item.url ?? item.path, error: message.startsWith('import:') ? message : `import: ${message}` });
    }
    done++;
    emit({ type: 'sync.progress', done, total: items.length, current: item.path });
    if (pending.length >= FLUSH_EVERY) await flush();
  });
  await flush();
  return report;
}
