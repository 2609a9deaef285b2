/**
 * Which importer reads which file, by extension, and which files are never imported (partial
 * downloads, hidden and temporary files).
 *
 * @example
 * importerFor('a.md');            // → a function
 * importerFor('a.exe');           // → undefined
 * isPartialDownload('x.pdf.part'); // → true
 */
import { basename, extname } from 'node:path';
import { importHtml } from './html/index.js';
import { importText } from './text.js';
import type { Imported } from './types.js';

export type Importer = (bytes: Uint8Array, fileName: string) => Imported | Promise<Imported>;

const importers: Record<string, Importer> = {
  '.txt': (bytes, fileName) => importText(bytes, { fileName, format: 'txt' }),
  '.md': (bytes, fileName) => importText(bytes, { fileName, format: 'md' }),
  '.markdown': (bytes, fileName) => importText(bytes, { fileName, format: 'md' }),
  '.html': (bytes, fileName) => importHtml(bytes, fileName),
  '.htm': (bytes, fileName) => importHtml(bytes, fileName),
  '.shtml': (bytes, fileName) => importHtml(bytes, fileName),
};

/** Extensions that a future importer will read; until then they fail with a clear message. */
const planned = new Set(['.pdf', '.docx']);

const PARTIAL = new Set(['.crdownload', '.part', '.download', '.tmp', '.partial']);

export function importerFor(path: string): Importer | undefined {
  return importers[extname(path).toLowerCase()];
}

/** True for files Yandu can read or will read; used when walking folders. */
export function isImportable(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return ext in importers || planned.has(ext);
}

/** Why a file cannot be imported, in words for the user. */
export function unsupportedReason(path: string): string {
  const ext = extname(path).toLowerCase() || '(none)';
  return planned.has(ext)
    ? `import: ${ext} files are not supported yet in this version; .txt and .md are. / 暂不支持此格式。`
    : `import: ${ext} is not a document type Yandu reads (.txt, .md, .html). / 不支持的文件类型。`;
}

export function isPartialDownload(path: string): boolean {
  return PARTIAL.has(extname(path).toLowerCase());
}

export function isHidden(path: string): boolean {
  const name = basename(path);
  return name.startsWith('.') || name.startsWith('~$');
}
