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
import { join } from 'node:path';
import { loadPdfJs, PDFJS_DIR, type PdfJs } from './pdfjs-node.js';
import { layoutPage, type PageText, type TextItem } from './text.js';

export type { OutlineEntry };

import type { OutlineEntry } from '../../../shared/types.js';

export interface ExtractedPdf {
  pages: string[];
  outline: OutlineEntry[];
  title?: string;
  author?: string;
  created?: string;
}

export class PdfError extends Error {
  constructor(
    readonly reason: 'encrypted' | 'damaged',
    message: string,
  ) {
    super(message);
  }
}

interface RawOutline {
  title: string;
  dest: string | unknown[] | null;
  items: RawOutline[];
}

export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** Opens a PDF, runs `read` on it, and releases it. */
export async function withPdf<T>(bytes: Uint8Array, read: (doc: PdfDocument) => Promise<T>): Promise<T> {
  const doc = await openPdf(bytes);
  try {
    return await read(doc);
  } finally {
    await doc.destroy();
  }
}

export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${join(PDFJS_DIR, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(PDFJS_DIR, 'standard_fonts')}/`,
    // JPEG 2000 and JBIG2 decoders (scanned pages are drawn for OCR).
    wasmUrl: `${join(PDFJS_DIR, 'wasm')}/`,
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
async function readPages(doc: PdfDocument, from: number, to: number): Promise<PageText[]> {
  const pages: PageText[] = [];
  for (let n = from; n <= to; n++) {
    const page = await doc.getPage(n);
    // pdf.js's own normalization is off: foldCompatibility does what Yandu needs, faster.
    const content = await page.getTextContent({ disableNormalization: true });
    const items: TextItem[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      items.push({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height, hasEOL: item.hasEOL });
    }
    pages.push(layoutPage(items));
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
  const text = (key: string): string | undefined => (typeof info[key] === 'string' && (info[key] as string).trim() ? (info[key] as string).trim() : undefined);
  const title = text('Title');
  const author = text('Author');
  const created = createdDay(text('CreationDate'), `${text('Creator') ?? ''} ${text('Producer') ?? ''}`);
  return { numPages: doc.numPages, outline, ...(title ? { title } : {}), ...(author ? { author } : {}), ...(created ? { created } : {}) };
}

/** Producers that print web pages: their creation date is the day of printing, not of the text. */
const PRINTER = /chrom|skia|webkit|mozilla|firefox|safari|quartz|wkhtml|print to pdf|microsoft: print|cairo/i;

/**
 * The day a PDF was made (`D:20240903…` in its info), unless a browser or a print driver made it.
 *
 * @example
 * createdDay('D:20240903101500+08', 'Microsoft® Word 2019'); // → '2024-09-03'
 * createdDay('D:20201211141610Z', 'Chromium Skia/PDF m83');   // → undefined
 */
export function createdDay(value: string | undefined, producer: string): string | undefined {
  const m = /^(?:D:)?((?:19|20)\d{2})(\d{2})(\d{2})/.exec(value ?? '');
  if (!m || PRINTER.test(producer)) return undefined;
  return Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= 31 ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** Everything but the pages' text: page count, outline, metadata. */
export interface PdfInfo {
  numPages: number;
  outline: OutlineEntry[];
  title?: string;
  author?: string;
  /** `YYYY-MM-DD` the PDF was made, when not printed from a browser ({@link createdDay}). */
  created?: string;
}

/**
 * A page counter shared by the threads that read one PDF together: each takes the next page
 * when it is free, so a thread that meets heavy pages (or also reads the outline) simply takes
 * fewer. Fixed halves left one thread idle while the other finished.
 */
export const newPageCounter = (): Int32Array => new Int32Array(new SharedArrayBuffer(4));

/** One thread's part of a PDF read by several: `[page, text]` pairs, in the order it took them. */
export interface PdfShare {
  pages: [number, PageText][];
  info?: PdfInfo;
}

/**
 * The pages' texts as stored: a page whose last paragraph ends on it ends with a line break; a
 * page whose last line runs on into a paragraph that the next page continues (its text reaches
 * the right margin, and the next page's first line is not indented) ends without one. Search
 * reads a phrase across such a page break (`search/units.ts`).
 *
 * @example
 * pageTexts([{ text: '坚持以人民为', opensInRun: false, endsInRun: true }, { text: '中心。', opensInRun: true, endsInRun: false }]);
 * // → ['坚持以人民为', '中心。']
 */
export function pageTexts(pages: PageText[]): string[] {
  return pages.map((page, i) => {
    const next = pages[i + 1];
    const runsOn = page.endsInRun && next !== undefined && next.opensInRun;
    return next === undefined || runsOn || !page.text ? page.text : `${page.text}\n`;
  });
}

/**
 * This thread's share of a PDF's pages, taken one by one from `counter` (see
 * {@link newPageCounter}) until none is left. With `info`, it first reads the page count,
 * outline and metadata.
 *
 * @example
 * const counter = newPageCounter();
 * const shares = await Promise.all([pdfShare(bytes, counter, true), pdfShare(bytes, counter, false)]);
 * joinShares(shares).pages.length; // → every page, in order
 */
export async function pdfShare(bytes: Uint8Array, counter: Int32Array, info: boolean): Promise<PdfShare> {
  return withPdf(bytes, async (doc) => {
    const share: PdfShare = info ? { pages: [], info: await readInfo(doc) } : { pages: [] };
    for (let n = Atomics.add(counter, 0, 1) + 1; n <= doc.numPages; n = Atomics.add(counter, 0, 1) + 1) {
      share.pages.push([n, (await readPages(doc, n, n))[0]!]);
    }
    return share;
  });
}

/** The whole PDF from its shares (one of which has the info). */
export function joinShares(shares: PdfShare[]): ExtractedPdf {
  const info = shares.find((s) => s.info)?.info;
  if (!info) throw new Error('no share of the PDF read its page count and outline');
  const pages: PageText[] = Array.from({ length: info.numPages }, () => ({ text: '', opensInRun: false, endsInRun: false }));
  for (const share of shares) for (const [n, page] of share.pages) pages[n - 1] = page;
  const { numPages: _n, ...meta } = info;
  return { pages: pageTexts(pages), ...meta };
}

export async function extractPdf(bytes: Uint8Array): Promise<ExtractedPdf> {
  return withPdf(bytes, async (doc) => {
    const pages = pageTexts(await readPages(doc, 1, doc.numPages));
    const { numPages: _n, ...info } = await readInfo(doc);
    return { pages, ...info };
  });
}
