/**
 * PDF → the text of every page, the outline, the page count and a title, with pdfjs-dist. Pages
 * are read one at a time and released, so memory stays bounded on a 1,300-page PDF. Encrypted
 * and damaged files fail with a clear error.
 *
 * @example
 * const pdf = await extractPdf(bytes);
 * pdf.pages.length;  // → 251
 * pdf.outline[0];    // → { title: '第 1 章 GNU/Linux 教程', page: 12, depth: 0 }
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { joinItems, type TextItem } from './text.js';

export type { OutlineEntry };

import type { OutlineEntry } from '../../../shared/types.js';

export interface ExtractedPdf {
  pages: string[];
  outline: OutlineEntry[];
  title?: string;
  author?: string;
}

export class PdfError extends Error {
  constructor(
    readonly reason: 'encrypted' | 'damaged',
    message: string,
  ) {
    super(message);
  }
}

// Not named `require`: the bundler injects its own `require` into the built worker.
const requireHere = createRequire(import.meta.url);
const PDFJS_DIR = dirname(requireHere.resolve("pdfjs-dist/package.json"));
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
const loadPdfJs = (): Promise<PdfJs> =>
  (pdfjs ??= import(pathToFileURL(join(PDFJS_DIR, 'legacy', 'build', 'pdf.mjs')).href) as Promise<PdfJs>);

interface RawOutline {
  title: string;
  dest: string | unknown[] | null;
  items: RawOutline[];
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${join(PDFJS_DIR, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(PDFJS_DIR, 'standard_fonts')}/`,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new PdfError('encrypted', 'is encrypted (password-protected); remove the password and import it again. / PDF 已加密。');
    throw new PdfError('damaged', `is damaged or not a PDF (${(error as Error).message}). / PDF 文件已损坏。`);
  }
}

/** Text of pages `from`..`to` (1-based, inclusive), read one at a time and released. */
async function readPages(doc: PdfDocument, from: number, to: number): Promise<string[]> {
  const pages: string[] = [];
  for (let n = from; n <= to; n++) {
    const page = await doc.getPage(n);
    // pdf.js's own normalization is off: foldCompatibility does what Yandu needs, faster.
    const content = await page.getTextContent({ disableNormalization: true });
    const items: TextItem[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      items.push({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height, hasEOL: item.hasEOL });
    }
    pages.push(joinItems(items));
    page.cleanup();
  }
  return pages;
}

async function readInfo(doc: PdfDocument): Promise<PdfInfo> {
  const outline: OutlineEntry[] = [];
  const walk = async (entries: RawOutline[] | null, depth: number): Promise<void> => {
    for (const entry of entries ?? []) {
      let page: number | undefined;
      try {
        const dest = typeof entry.dest === 'string' ? await doc.getDestination(entry.dest) : entry.dest;
        const ref = Array.isArray(dest) ? dest[0] : undefined;
        if (ref && typeof ref === 'object') page = (await doc.getPageIndex(ref as never)) + 1;
        else if (typeof ref === 'number') page = ref + 1;
      } catch {
        page = undefined;
      }
      outline.push({ title: entry.title.trim(), depth, ...(page ? { page } : {}) });
      await walk(entry.items, depth + 1);
    }
  };
  await walk((await doc.getOutline()) as RawOutline[] | null, 0);
  const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
  const title = typeof info.Title === 'string' && info.Title.trim() ? info.Title.trim() : undefined;
  const author = typeof info.Author === 'string' && info.Author.trim() ? info.Author.trim() : undefined;
  return { numPages: doc.numPages, outline, ...(title ? { title } : {}), ...(author ? { author } : {}) };
}

/** Everything but the pages' text: page count, outline, metadata. */
export interface PdfInfo {
  numPages: number;
  outline: OutlineEntry[];
  title?: string;
  author?: string;
}

/** Pages that reading the outline and metadata costs, taken off share 0 to even the shares out. */
const INFO_PAGES = 10;

/** The 1-based inclusive page range of share `index` of `shares`. */
export function shareRange(numPages: number, index: number, shares: number): [number, number] {
  const head = Math.max(0, Math.ceil((numPages + INFO_PAGES) / shares) - INFO_PAGES); // share 0
  const rest = shares > 1 ? Math.ceil((numPages - head) / (shares - 1)) : 0;
  const from = index === 0 ? 1 : head + (index - 1) * rest + 1;
  const to = index === 0 ? (shares === 1 ? numPages : head) : Math.min(numPages, head + index * rest);
  return [from, to];
}

/**
 * Share `index` of `shares` of a PDF's pages, for reading one PDF in several threads at once.
 * Share 0 also reads the page count, outline and metadata.
 *
 * @example
 * await Promise.all([pdfShare(bytes, 0, 2), pdfShare(bytes, 1, 2)]); // each has half the pages
 */
export async function pdfShare(bytes: Uint8Array, index: number, shares: number): Promise<{ pages: string[]; info?: PdfInfo }> {
  const doc = await openPdf(bytes);
  try {
    const [from, to] = shareRange(doc.numPages, index, shares);
    const pages = await readPages(doc, from, to);
    return index === 0 ? { pages, info: await readInfo(doc) } : { pages };
  } finally {
    await doc.destroy();
  }
}

export async function extractPdf(bytes: Uint8Array): Promise<ExtractedPdf> {
  const doc = await openPdf(bytes);
  try {
    const pages = await readPages(doc, 1, doc.numPages);
    const { numPages: _n, ...info } = await readInfo(doc);
    return { pages, ...info };
  } finally {
    await doc.destroy();
  }
}
