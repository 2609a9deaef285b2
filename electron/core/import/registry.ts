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
import { importText } from './text.js';
import { fillFromFileName } from './file-name.js';
import { assertReadable, assertTextBytes } from './readable.js';
import type { Imported, ImportOptions } from './types.js';
import { fail } from '../../shared/error-words.js';
import type { YanduError } from '../../shared/errors.js';

export type Importer = (bytes: Uint8Array, fileName: string, options: ImportOptions) => Imported | Promise<Imported>;

// The HTML, PDF and Word readers (jsdom, linkedom, pdf.js, mammoth: ~0.6 s to load) are loaded
// when a file of theirs is first read — in the import workers, not in a command that reads none.
const html: Importer = async (bytes, fileName, options) => (await import('./html/index.js')).importHtml(bytes, fileName, options);

const importers: Record<string, Importer> = {
  '.txt': (bytes, fileName) => importText(bytes, { fileName, format: 'txt' }),
  '.md': (bytes, fileName) => importText(bytes, { fileName, format: 'md' }),
  '.markdown': (bytes, fileName) => importText(bytes, { fileName, format: 'md' }),
  '.html': html,
  '.htm': html,
  '.shtml': html,
  '.xhtml': html,
  '.pdf': async (bytes, fileName) => (await import('./pdf/index.js')).importPdf(bytes, fileName),
  '.docx': async (bytes, fileName) => (await import('./docx/index.js')).importDocx(bytes, fileName),
};


const PARTIAL = new Set(['.crdownload', '.part', '.download', '.tmp', '.partial']);

export function importerFor(path: string): Importer | undefined {
  return importers[extname(path).toLowerCase()];
}

/** True for files Yandu can read; used when walking folders. */
export function isImportable(path: string): boolean {
  return extname(path).toLowerCase() in importers;
}

/** The error for a file Yandu cannot read (by its name). */
export function unsupported(path: string): YanduError {
  return fail('import.unsupported', { ext: extname(path).toLowerCase() || '(none)' });
}

/** Formats read as text: binary bytes given one of these names are refused before reading. */
const TEXTUAL = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.shtml', '.xhtml']);

/**
 * Runs the importer for a file name; throws the unsupported reason when there is none, and a
 * clear reason for binary bytes under a text name or a result with no readable text (`readable.ts`).
 * What the document does not say of itself is filled from its file name (`file-name.ts`).
 */
export async function runImporter(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<Imported> {
  const importer = importerFor(fileName);
  if (!importer) throw unsupported(fileName);
  if (TEXTUAL.has(extname(fileName).toLowerCase())) assertTextBytes(bytes, fileName);
  const imported = fillFromFileName(await importer(bytes, fileName, options), fileName);
  assertReadable(imported, fileName);
  return imported;
}

export function isPartialDownload(path: string): boolean {
  return PARTIAL.has(extname(path).toLowerCase());
}

export function isHidden(path: string): boolean {
  const name = basename(path);
  return name.startsWith('.') || name.startsWith('~$');
}
