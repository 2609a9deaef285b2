/**
 * Watches the folder sources while the app runs: new or changed files are imported once they
 * stop growing (partial downloads such as `.crdownload` are ignored until renamed), deleted files
 * are marked "source file removed" and stay in the library.
 *
 * @example
 * const watcher = watchFolders(ctx, (sourceId) => runFolderSync(sourceId));
 * watcher.refresh(); // after sources change
 * await watcher.close();
 */
import { watch, type FSWatcher } from 'chokidar';
import { isHidden, isImportable, isPartialDownload } from '../import/registry.js';
import type { CoreContext } from '../library/context.js';

export interface FolderWatcher {
  refresh(): void;
  close(): Promise<void>;
}

export function watchFolders(
  ctx: CoreContext,
  onChange: (sourceId: string, kind: 'changed' | 'removed') => void,
  options: { stabilityMs?: number; debounceMs?: number } = {},
): FolderWatcher {
  const watchers = new Map<string, FSWatcher>();
  const timers = new Map<string, NodeJS.Timeout>();
  const debounce = (id: string, kind: 'changed' | 'removed'): void => {
    clearTimeout(timers.get(`${id}:${kind}`));
    timers.set(
      `${id}:${kind}`,
      setTimeout(() => onChange(id, kind), options.debounceMs ?? 800),
    );
  };
  const refresh = (): void => {
    const folders = new Map(ctx.store.data.sources.filter((s) => s.kind === 'folder' && s.path).map((s) => [s.id, s.path!]));
    for (const [id, watcher] of watchers) {
      if (!folders.has(id)) {
        void watcher.close();
        watchers.delete(id);
      }
    }
    for (const [id, path] of folders) {
      if (watchers.has(id)) continue;
      const watcher = watch(path, {
        ignoreInitial: true,
        ignored: (p, stats) => Boolean(stats?.isFile() && (isHidden(p) || isPartialDownload(p) || !isImportable(p))),
        awaitWriteFinish: { stabilityThreshold: options.stabilityMs ?? 1500, pollInterval: 200 },
      });
      watcher.on('add', () => debounce(id, 'changed'));
      watcher.on('change', () => debounce(id, 'changed'));
      watcher.on('unlink', () => debounce(id, 'removed'));
      watcher.on('error', () => undefined);
      watchers.set(id, watcher);
    }
  };
  refresh();
  return {
    refresh,
    async close() {
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.all([...watchers.values()].map((w) => w.close()));
      watchers.clear();
    },
  };
}
