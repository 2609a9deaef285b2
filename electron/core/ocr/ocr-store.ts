/**
 * What OCR read of a document, kept beside the library: `ocr/<docId>.jsonl`, one line per page
 * read (`{ n, items }`), appended as pages finish, after a first line naming the original it was
 * read from (`{ sha256 }`). A restart goes on from the pages already there; a new version of the
 * file (another sha256) starts over; a torn last line (the app stopped mid-write) is ignored.
 *
 * @example
 * const store = ocrStoreOf(libraryDir);
 * await store.append('d_1', 'ab12…', 3, items);
 * (await store.read('d_1', 'ab12…')).get(3); // → items
 */
import { appendFile, mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { OcrItem } from '../../shared/types.js';

export interface OcrPage {
  items: OcrItem[];
  /** Why the page could not be read, when it could not. */
  error?: string;
}

export interface OcrStore {
  /** The pages read from this original so far, by page number. */
  read(docId: string, sha256: string): Promise<Map<number, OcrPage>>;
  append(docId: string, sha256: string, n: number, page: OcrPage): Promise<void>;
  remove(docId: string): Promise<void>;
}

export const ocrPathOf = (libraryDir: string, docId: string): string => join(libraryDir, 'ocr', `${docId}.jsonl`);

/** The first line: which original the pages were read from. */
const headerOf = (sha256: string): string => JSON.stringify({ sha256 });

/** The file's first line (its header is short), or '' when there is no file. */
async function firstLine(file: string): Promise<string> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return '';
  try {
    const buffer = Buffer.alloc(256);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.toString('utf8', 0, bytesRead).split('\n', 1)[0] ?? '';
  } finally {
    await handle.close();
  }
}

export function ocrStoreOf(libraryDir: string): OcrStore {
  const path = (docId: string): string => ocrPathOf(libraryDir, docId);
  const read = async (docId: string, sha256: string): Promise<Map<number, OcrPage>> => {
    const pages = new Map<number, OcrPage>();
    const text = await readFile(path(docId), 'utf8').catch(() => '');
    const lines = text.split('\n');
    if (lines[0] !== headerOf(sha256)) return pages;
    for (const line of lines.slice(1)) {
      try {
        const entry = JSON.parse(line) as { n: number } & OcrPage;
        if (Number.isInteger(entry.n) && Array.isArray(entry.items)) pages.set(entry.n, entry.error ? { items: entry.items, error: entry.error } : { items: entry.items });
      } catch {
        // a torn last line: that page is read again
      }
    }
    return pages;
  };
  return {
    read,
    async append(docId, sha256, n, page) {
      const file = path(docId);
      const header = (await firstLine(file)) === headerOf(sha256);
      await mkdir(join(libraryDir, 'ocr'), { recursive: true });
      const line = `${JSON.stringify({ n, ...page })}\n`;
      if (header) await appendFile(file, line);
      else {
        await rm(file, { force: true });
        await appendFile(file, `${headerOf(sha256)}\n${line}`);
      }
    },
    remove: (docId) => rm(path(docId), { force: true }),
  };
}
