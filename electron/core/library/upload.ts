/**
 * Files the user sends by content rather than by path (web mode: drag and drop and the file
 * picker in a browser, which never reveals paths). Each is written to a private folder of the
 * library under a safe name, imported like any added file, and the copy removed; the document
 * keeps no source path and the report names the file as the user did.
 *
 * @example
 * await addFiles(ctx, [{ name: '整治形式主义.html', data: base64 }]); // → ImportReport
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportReport } from '../../shared/types.js';
import type { CoreContext } from './context.js';
import { ingestFiles } from './ingest.js';

/** A file name with no folders, control characters or characters Windows refuses; never empty. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').replace(/^\.+/, '').trim().slice(-200);
  return clean || 'file';
}

export async function addFiles(ctx: CoreContext, files: { name: string; data: string }[]): Promise<ImportReport> {
  const dir = join(ctx.libraryDir, '.incoming', randomUUID());
  await mkdir(dir, { recursive: true });
  try {
    const items = await Promise.all(
      files.map(async (file, i) => {
        const path = join(dir, String(i), safeFileName(file.name));
        await mkdir(join(dir, String(i)));
        await writeFile(path, Buffer.from(file.data, 'base64'));
        return { path, explicit: true, uploaded: file.name };
      }),
    );
    return await ingestFiles(ctx, items);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
