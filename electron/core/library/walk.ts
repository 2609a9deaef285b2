/**
 * Expands the paths given to `add` into the files to import: folders are walked recursively
 * (hidden files, partial downloads and unknown types skipped), files are taken as given, and a
 * path that cannot be used becomes a failure naming it.
 *
 * @example
 * await expandPaths(['/downloads']); // → { files: ['/downloads/a.md', …], failed: [] }
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isHidden, isImportable, isPartialDownload } from '../import/registry.js';

export interface Expanded {
  files: string[];
  failed: { path: string; error: string }[];
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (isHidden(full)) continue;
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile() && !isPartialDownload(full) && isImportable(full)) out.push(full);
  }
}

export async function expandPaths(paths: string[]): Promise<Expanded> {
  const files: string[] = [];
  const failed: Expanded['failed'] = [];
  for (const given of paths) {
    const path = resolve(given);
    try {
      const info = await stat(path);
      if (info.isDirectory()) await walk(path, files);
      else if (isPartialDownload(path))
        failed.push({ path, error: 'import: this file is still downloading; it will be imported when complete. / 文件仍在下载中。' });
      else files.push(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      failed.push({
        path,
        error:
          code === 'ENOENT'
            ? 'import: no such file or folder. / 文件不存在。'
            : `import: cannot read it (${code ?? (error as Error).message}). / 无法读取。`,
      });
    }
  }
  return { files: [...new Set(files)], failed };
}
