/**
 * The sync service of one open library: runs syncs one at a time (a second call waits for the
 * first), can cancel the running one, and — when asked to watch — keeps folder sources watched.
 *
 * @example
 * const sync = createSyncService(ctx, { watch: true });
 * await sync.run({});            // every source, then a re-check of imported files
 * await sync.run({ sourceId });  // one source
 * sync.cancel();
 */
import type { ImportReport } from '../../shared/types.js';
import type { CoreContext } from '../library/context.js';
import { emptyReport } from '../library/ingest.js';
import type { HttpOptions } from './http.js';
import { markRemovedFiles, syncImportedFiles, syncSource } from './run.js';
import { findSource } from './sources.js';
import { watchFolders, type FolderWatcher } from './watch.js';

export interface SyncService {
  run(args: { sourceId?: string }): Promise<ImportReport>;
  cancel(): boolean;
  /** Call after sources change, to watch the right folders. */
  refresh(): void;
  close(): Promise<void>;
}

export interface SyncServiceOptions {
  watch?: boolean;
  http?: Pick<HttpOptions, 'timeoutMs' | 'retries' | 'backoffMs'>;
  watchTiming?: { stabilityMs?: number; debounceMs?: number };
}

function merge(into: ImportReport, from: ImportReport): void {
  into.added.push(...from.added);
  into.updated.push(...from.updated);
  into.unchanged.push(...from.unchanged);
  into.failed.push(...from.failed);
}

export function createSyncService(ctx: CoreContext, options: SyncServiceOptions = {}): SyncService {
  let queue: Promise<unknown> = Promise.resolve();
  let controller: AbortController | undefined;
  let closed = false;

  const exclusive = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  };

  const runNow = async ({ sourceId }: { sourceId?: string }): Promise<ImportReport> => {
    controller = new AbortController();
    const syncOptions = { signal: controller.signal, ...(options.http ? { http: options.http } : {}) };
    const report = emptyReport();
    try {
      const sources = sourceId ? [findSource(ctx, sourceId)] : [...ctx.store.data.sources];
      for (const source of sources) {
        if (controller.signal.aborted) break;
        merge(report, await syncSource(ctx, source, syncOptions));
        await markRemovedFiles(ctx, source);
      }
      if (!sourceId && !controller.signal.aborted) {
        // Files imported by hand: re-read the changed ones, mark the removed ones.
        const local = await syncImportedFiles(ctx);
        const seen = new Set(report.unchanged.map((u) => u.id));
        merge(report, { ...local, unchanged: local.unchanged.filter((u) => !seen.has(u.id)) });
      }
    } finally {
      controller = undefined;
    }
    ctx.emit({ type: 'sync.finished', report });
    return report;
  };

  const watcher: FolderWatcher | undefined = options.watch
    ? watchFolders(
        ctx,
        (id, kind) => {
          if (closed) return;
          if (kind === 'removed') {
            const source = ctx.store.data.sources.find((s) => s.id === id);
            if (source) void exclusive(() => markRemovedFiles(ctx, source));
          } else void exclusive(() => runNow({ sourceId: id })).catch(() => undefined);
        },
        options.watchTiming,
      )
    : undefined;

  return {
    run: (args) => exclusive(() => runNow(args)),
    cancel() {
      if (!controller) return false;
      controller.abort();
      return true;
    },
    refresh: () => watcher?.refresh(),
    async close() {
      closed = true;
      controller?.abort();
      await watcher?.close();
      await queue.catch(() => undefined);
    },
  };
}
