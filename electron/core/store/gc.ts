/**
 * Collects what a crash can leave behind: originals in `files/`, text files in `text/` and OCR
 * results in `ocr/` that no
 * document, other form, earlier version or trashed document names (an import stores the
 * original first, then places it; a kill in between leaves it unreferenced). Only files older
 * than {@link GRACE_MS} go (and the temporary files of a write a crash cut short), so nothing an
 * import under way has just written is touched; the
 * caller holds the library's lock. Derived and temporary files only: never `yandu.json`, never
 * backups.
 *
 * @example
 * await collectGarbage(libraryDir, store.data, Date.now()); // → { files: 2, texts: 3, bytes: 81234 }
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_PREFIX } from './atomic.js';
import type { DocumentRecord, LibraryData } from './schema.js';

/** Files younger than this are left alone. */
export const GRACE_MS = 60 * 60_000;

export interface Collected {
  files: number;
  texts: number;
  bytes: number;
}

export async function collectGarbage(libraryDir: string, data: LibraryData, now: number): Promise<Collected> {
  const originals = new Set<string>();
  const texts = new Set<string>();
  const keep = (doc: DocumentRecord): void => {
    originals.add(`${doc.sha256}${doc.ext.toLowerCase()}`);
    for (const v of doc.versions) originals.add(`${v.sha256}${doc.ext.toLowerCase()}`);
    texts.add(doc.id);
    for (const form of doc.forms ?? []) {
      originals.add(`${form.sha256}${form.ext.toLowerCase()}`);
      texts.add(form.id);
    }
  };
  for (const doc of data.documents) keep(doc);
  for (const { document } of data.trash) keep(document);
  const collected: Collected = { files: 0, texts: 0, bytes: 0 };
  const drop = async (path: string, kind: 'files' | 'texts'): Promise<void> => {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile() || now - info.mtimeMs < GRACE_MS) return;
    await rm(path, { force: true });
    collected[kind]++;
    collected.bytes += info.size;
  };
  const filesDir = join(libraryDir, 'files');
  for (const prefix of await readdir(filesDir).catch(() => [] as string[])) {
    for (const name of await readdir(join(filesDir, prefix)).catch(() => [] as string[])) {
      // Only what the store names itself (sha256 + extension, or a write cut short): anything else is not ours to judge.
      if ((/^[0-9a-f]{64}\.[a-z0-9]+$/.test(name) && !originals.has(name)) || name.startsWith(TEMP_PREFIX)) await drop(join(filesDir, prefix, name), 'files');
    }
  }
  for (const name of await readdir(join(libraryDir, 'text')).catch(() => [] as string[])) {
    const id = /^([df]_[0-9a-z]+)\.(?:txt|html|outline\.json)$/.exec(name)?.[1];
    if ((id && !texts.has(id)) || name.startsWith(TEMP_PREFIX)) await drop(join(libraryDir, 'text', name), 'texts');
  }
  // What OCR read of documents that are gone (counted with the texts).
  for (const name of await readdir(join(libraryDir, 'ocr')).catch(() => [] as string[])) {
    const id = /^(d_[0-9a-z]+)\.jsonl$/.exec(name)?.[1];
    if (id && !texts.has(id)) await drop(join(libraryDir, 'ocr', name), 'texts');
  }
  return collected;
}
