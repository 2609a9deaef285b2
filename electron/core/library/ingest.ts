/**
 * The import engine shared by `add` and `sync`: reads each file, decides whether it is new, a new
 * version of a document already in the library (same source path, other bytes: the id is kept),
 * or unchanged (same bytes as a document: nothing happens), and stores it. A file that fails is
 * reported and leaves the library as it was.
 *
 * @example
 * const report = await ingestFiles(ctx, ['/dl/a.md', '/dl/b.txt']);
 * // → { added: [{ id, path }], updated: [], unchanged: [], failed: [] }
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { YanduError } from '../../shared/errors.js';
import type { ImportReport } from '../../shared/types.js';
import { importerFor, unsupportedReason } from '../import/registry.js';
import type { Imported } from '../import/types.js';
import { sha256Of } from '../store/blobs.js';
import type { DocumentRecord } from '../store/schema.js';
import type { CoreContext } from './context.js';
import { newDocumentId } from './ids.js';

/** Files above this size are refused rather than read into memory. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
const FLUSH_EVERY = 25;

export const emptyReport = (): ImportReport => ({ added: [], updated: [], unchanged: [], failed: [] });

async function readBytes(path: string): Promise<Uint8Array> {
  const info = await stat(path);
  if (info.size > MAX_FILE_BYTES) {
    throw new YanduError('import-failed', `import: '${basename(path)}' is ${Math.round(info.size / 2 ** 20)} MB, over the 512 MB limit. / 文件过大。`);
  }
  return new Uint8Array(await readFile(path));
}

async function runImporter(path: string, bytes: Uint8Array): Promise<Imported> {
  const importer = importerFor(path);
  if (!importer) throw new YanduError('import-failed', unsupportedReason(path));
  try {
    return await importer(bytes, basename(path));
  } catch (error) {
    throw new YanduError('import-failed', `import: '${basename(path)}' could not be read: ${(error as Error).message}`);
  }
}

function applyImported(doc: DocumentRecord, imported: Imported): void {
  const { text, html: _html, ...meta } = imported;
  Object.assign(doc, meta, { chars: text.length });
}

async function storeContent(ctx: CoreContext, id: string, imported: Imported): Promise<void> {
  await ctx.blobs.writeText(id, imported.text);
  await ctx.blobs.writeHtml(id, imported.html);
}

/** Imports files one by one; flushes the database in batches and emits progress. */
export async function ingestFiles(ctx: CoreContext, files: string[], report = emptyReport()): Promise<ImportReport> {
  const { db, blobs, now, emit } = ctx;
  let pending: string[] = [];
  const flush = async (): Promise<void> => {
    if (!pending.length) return;
    await db.write();
    emit({ type: 'library.changed', ids: pending });
    pending = [];
  };

  for (const [index, path] of files.entries()) {
    emit({ type: 'sync.progress', done: index, total: files.length, current: path });
    try {
      const bytes = await readBytes(path);
      const sha256 = sha256Of(bytes);
      const same = db.data.documents.find((d) => d.sha256 === sha256);
      if (same) {
        if (same.sourcePath === path && same.sourceMissing) {
          delete same.sourceMissing;
          pending.push(same.id);
        }
        report.unchanged.push({ id: same.id, path });
        continue;
      }
      const imported = await runImporter(path, bytes);
      const ext = extname(path).toLowerCase();
      await blobs.putOriginal(bytes, ext);
      const existing = db.data.documents.find((d) => d.sourcePath === path);
      const at = now();
      const version = { sha256, importedAt: at, size: bytes.length };
      if (existing) {
        await storeContent(ctx, existing.id, imported);
        applyImported(existing, imported);
        Object.assign(existing, { sha256, ext, updatedAt: at });
        delete existing.sourceMissing;
        existing.versions.push(version);
        report.updated.push({ id: existing.id, path });
        pending.push(existing.id);
      } else {
        const id = newDocumentId();
        await storeContent(ctx, id, imported);
        const doc: DocumentRecord = {
          id,
          kind: imported.kind,
          title: imported.title,
          topics: [],
          sourcePath: path,
          addedAt: at,
          format: imported.format,
          sha256,
          ext,
          versions: [version],
        };
        applyImported(doc, imported);
        db.data.documents.push(doc);
        report.added.push({ id, path });
        pending.push(id);
      }
      if (pending.length >= FLUSH_EVERY) await flush();
    } catch (error) {
      report.failed.push({ path, error: YanduError.from(error).message });
    }
  }
  await flush();
  emit({ type: 'sync.progress', done: files.length, total: files.length });
  return report;
}
