/**
 * The folders inside a folder, for choosing one to watch where the host has no folder dialog
 * (the web host: a browser cannot give a folder's path): its sub-folders (hidden ones left out,
 * at most {@link MAX_FOLDERS}), how many documents Yandu could import right in it, its parent, and
 * places to start from (home, the download folder, the file system's root).
 *
 * @example
 * await browseFolders('/home/me', { downloadsDir: '/home/me/Downloads' });
 * // → { path: '/home/me', parent: '/home', folders: [{ name: 'Downloads', path: '/home/me/Downloads' }, …], documents: 2, places: […] }
 */
import { readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import { fail } from '../../shared/error-words.js';
import type { FolderListing } from '../../shared/types.js';
import { isImportable } from '../import/registry.js';

export const MAX_FOLDERS = 1000;

export async function browseFolders(path: string | undefined, options: { downloadsDir?: string; home?: string } = {}): Promise<FolderListing> {
  const home = options.home ?? homedir();
  const at = resolve(path?.trim() || home);
  const info = await stat(at).catch(() => undefined);
  if (!info?.isDirectory()) throw fail('files.not-folder', { path: at });
  const entries = await readdir(at, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw fail('files.unreadable', { path: at, reason: error.code ?? error.message });
  });
  const folders = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !e.name.startsWith('$'))
    .map((e) => ({ name: e.name, path: join(at, e.name) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const documents = entries.filter((e) => e.isFile() && !e.name.startsWith('.') && isImportable(e.name)).length;
  const root = parse(at).root;
  return {
    path: at,
    ...(dirname(at) !== at ? { parent: dirname(at) } : {}),
    folders: folders.slice(0, MAX_FOLDERS),
    ...(folders.length > MAX_FOLDERS ? { more: folders.length - MAX_FOLDERS } : {}),
    documents,
    places: [
      { kind: 'home', path: home },
      ...(options.downloadsDir ? [{ kind: 'downloads' as const, path: options.downloadsDir }] : []),
      { kind: 'root', path: root },
    ],
  };
}
