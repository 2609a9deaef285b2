/**
 * Content-addressed storage of originals and per-document extracted text.
 * Originals live at `files/ab/<sha256><ext>`; the same bytes are stored once. Extracted text
 * lives at `text/<docId>.txt`, an article's sanitized HTML at `text/<docId>.html`. All are written
 * atomically.
 *
 * @example
 * const blobs = createBlobStore('/lib');
 * const { sha256, path } = await blobs.putOriginal(bytes, '.md');
 * await blobs.writeText('d_1', '正文');
 */
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { OutlineEntry } from '../../shared/types.js';
import { writeFileAtomic } from './atomic.js';

/** Extracted text can be made again from the original: written atomically, without fsync. */
const DERIVED = { durable: false };

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Where a document's extracted text is (also read by the search worker, which has no store). */
export const textPathOf = (libraryDir: string, docId: string): string => join(libraryDir, 'text', `${docId}.txt`);

export interface BlobStore {
  /** Stores an original under its hash (`sha256`, when the caller has it already, saves hashing it again). */
  putOriginal(bytes: Uint8Array, ext: string, sha256?: string): Promise<{ sha256: string; path: string }>;
  originalPath(sha256: string, ext: string): string;
  /** Removes an original that no document came to use (a file that turned out to be a twin). */
  removeOriginal(sha256: string, ext: string): Promise<void>;
  writeText(docId: string, text: string): Promise<void>;
  readText(docId: string): Promise<string>;
  /** Sanitized article HTML, or removes it when `html` is undefined. */
  writeHtml(docId: string, html: string | undefined): Promise<void>;
  /** The stored article HTML, or undefined when the document has none. */
  readHtml(docId: string): Promise<string | undefined>;
  /** A PDF's outline, or removes it when undefined. */
  writeOutline(docId: string, outline: OutlineEntry[] | undefined): Promise<void>;
  readOutline(docId: string): Promise<OutlineEntry[] | undefined>;
  removeText(docId: string): Promise<void>;
}

export function createBlobStore(libraryDir: string): BlobStore {
  const originalPath = (sha256: string, ext: string): string =>
    join(libraryDir, 'files', sha256.slice(0, 2), `${sha256}${ext.toLowerCase()}`);
  const textPath = (docId: string): string => textPathOf(libraryDir, docId);
  const htmlPath = (docId: string): string => join(libraryDir, 'text', `${docId}.html`);
  const outlinePath = (docId: string): string => join(libraryDir, 'text', `${docId}.outline.json`);

  /**
   * Folders known to exist: a `mkdir` before every write was a fifth of the main thread's time
   * while importing. A folder removed behind Yandu's back is made again on the failed write.
   */
  const made = new Set<string>();
  const writeInto = async (path: string, data: string | Uint8Array, options?: { durable?: boolean }): Promise<void> => {
    const dir = dirname(path);
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    try {
      await writeFileAtomic(path, data, options);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(dir, { recursive: true });
      await writeFileAtomic(path, data, options);
    }
  };

  return {
    originalPath,
    async putOriginal(bytes, ext, sha256 = sha256Of(bytes)) {
      const path = originalPath(sha256, ext);
      const exists = await access(path).then(
        () => true,
        () => false,
      );
      if (!exists) await writeInto(path, bytes);
      return { sha256, path };
    },
    removeOriginal: (sha256, ext) => rm(originalPath(sha256, ext), { force: true }),
    writeText: (docId, text) => writeInto(textPath(docId), text, DERIVED),
    readText: (docId) => readFile(textPath(docId), 'utf8'),
    async writeHtml(docId, html) {
      if (html === undefined) return rm(htmlPath(docId), { force: true });
      await writeInto(htmlPath(docId), html, DERIVED);
    },
    readHtml: (docId) => readFile(htmlPath(docId), 'utf8').catch(() => undefined),
    async writeOutline(docId, outline) {
      if (!outline?.length) return rm(outlinePath(docId), { force: true });
      await writeInto(outlinePath(docId), JSON.stringify(outline), DERIVED);
    },
    readOutline: (docId) =>
      readFile(outlinePath(docId), 'utf8').then(
        (t) => JSON.parse(t) as OutlineEntry[],
        () => undefined,
      ),
    removeText: (docId) => rm(textPath(docId), { force: true }),
  };
}
