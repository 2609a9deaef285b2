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

/**
 * A name as the file system holds it (bytes) read as UTF-8, or undefined when it is not UTF-8
 * (an archive unpacked with GBK names, say): such a file could not be opened again by its name.
 */
const nameOf = (raw: Buffer): string | undefined => {
  const name = raw.toString('utf8');
  return Buffer.from(name, 'utf8').equals(raw) ? name : undefined;
};

async function walk(dir: string, out: string[], failed: Expanded['failed']): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
  const named = entries.map((entry) => ({ entry, name: nameOf(entry.name) }));
  named.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
  for (const { entry, name } of named) {
    if (name === undefined) {
      failed.push({
        path: join(dir, entry.name.toString('utf8')),
        error: 'import: its file name is not valid UTF-8 (saved by another system, in GBK perhaps), so it cannot be opened by name; rename it and import again. / 文件名编码无效，请重命名后再导入。',
      });
      continue;
    }
    const full = join(dir, name);
    if (isHidden(full)) continue;
    if (entry.isDirectory()) await walk(full, out, failed);
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
      if (info.isDirectory()) await walk(path, files, failed);
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
