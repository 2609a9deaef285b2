/**
 * PDF importer: the text of every page, the outline, the page count, a title (the document's own
 * metadata title, else its first line, else the file name), and the date, source and author from
 * its opening lines (`header.ts`) and its info dictionary. A PDF without a text layer is
 * imported and flagged as scanned rather than stored as an empty document.
 *
 * @example
 * const doc = await importPdf(bytes, 'debian-reference.zh-cn.pdf');
 * doc.pages?.length; // → 251
 */
import type { Imported } from '../types.js';
import { extractPdf, PdfError, type ExtractedPdf } from './extract.js';
import { fillFromFileName, metaFromFileName, withoutSites } from '../file-name.js';
import { datedLine, pdfTextMeta } from './header.js';
import { isGenericTitle, withoutConverter } from '../generic-title.js';
import { joinPages } from '../../../shared/pages.js';

/** A metadata title that is a file name, as converters write it (`Microsoft Word - 标题.docx`). */
const FILE_NAME = /\.(pdf|docx?|wps|txt|html?)$/i;
/** Report templates' field names left on page 1 (`[Table_Main]`, `[Table_Title]`). */
const PLACEHOLDER = /\[Table_\w*\]/g;

/**
 * The title a descriptive file name gives (its extension, a converter's prefix and a trailing
 * date code taken off), when it has at least six Chinese characters and is no generic name.
 *
 * @example
 * titleFromFileName('德邦证券-高测股份扩产4000万公里金刚线-220719.pdf'); // → '德邦证券-高测股份扩产4000万公里金刚线'
 * titleFromFileName('Microsoft Word - 文档1.docx');                      // → undefined
 */
export function titleFromFileName(name: string): string | undefined {
  const base = withoutConverter(name)
    .replace(FILE_NAME, '')
    .replace(/[-_\s]+\d{6,8}$/, '')
    .trim();
  const title = metaFromFileName(`${base}.pdf`).title ?? base;
  return (title.match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 6 && !isGenericTitle(title) && !/副本/.test(title) ? title : undefined;
}

/** Info-dictionary authors that name no one. */
const GENERIC_AUTHOR = /^(?:unknown|administrator|admin|user|owner|microsoft.*|.*用户|未知)$/i;

/** Below this many characters per page on average, a PDF has no usable text layer. */
const SCANNED_CHARS_PER_PAGE = 10;

/** A page with fewer visible characters than that has no text layer worth the name: OCR reads it. */
export const isTextless = (page: string): boolean => page.replace(/\s+/g, '').length < SCANNED_CHARS_PER_PAGE;

/** Rewords pdf.js failures with the file's name. */
export async function namedPdfErrors<T>(fileName: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PdfError) throw new Error(`'${fileName}' ${error.message}`);
    throw error;
  }
}

export async function importPdf(bytes: Uint8Array, fileName: string): Promise<Imported> {
  return assemblePdf(fileName, await namedPdfErrors(fileName, () => extractPdf(bytes)));
}

/** The imported document from a PDF's pages and info (read in one thread or several). */
export function assemblePdf(fileName: string, pdf: ExtractedPdf): Imported {
  const chars = pdf.pages.reduce((n, p) => n + p.replace(/\s+/g, '').length, 0);
  const scanned = chars < SCANNED_CHARS_PER_PAGE * Math.max(1, pdf.pages.length);
  const firstLine = pdf.pages
    .find((p) => p.trim())
    ?.split('\n')
    .map((l) => l.replace(PLACEHOLDER, ' ').trim())
    .find((l) => l.length >= 2);
  // The info title, a title's worth of it (anyone's string: no pattern runs over megabytes). One
  // that is only a file name (printed by a converter) says less than page 1, unless it is descriptive.
  const info = pdf.title?.slice(0, 300).trim() || undefined;
  const named = info !== undefined && FILE_NAME.test(info);
  // A browser prints the page's <title>: its trailing site names (标题-光明日报-光明网) are not the title.
  const page = info && !named && !isGenericTitle(info) ? withoutSites(info) : undefined;
  const metaTitle = (page ? page.title : named ? titleFromFileName(info) : undefined) || undefined;
  const title = metaTitle ?? (scanned ? undefined : firstLine?.slice(0, 80)) ?? fileName.replace(/\.pdf$/i, '');
  const doc: Imported = {
    kind: 'pdf',
    format: 'pdf',
    title,
    text: joinPages(pdf.pages),
    pages: pdf.pages,
    outline: pdf.outline,
  };
  if (scanned) doc.scanned = true;
  const textless = pdf.pages.filter(isTextless).length;
  if (textless) doc.textless = textless;
  // Its own header first (a newspaper page says its paper and day), then the info dictionary.
  const header = pdfTextMeta(pdf.pages[0] ?? '');
  const author = pdf.author && !GENERIC_AUTHOR.test(pdf.author) ? pdf.author : header.author;
  if (author) doc.author = author;
  // A bare date line or a law's line of record is a weaker sign than the saver's file name.
  const publishedAt = header.publishedAt ?? (metaFromFileName(fileName).publishedAt ? undefined : datedLine(pdf.pages[0] ?? '')) ?? pdf.created;
  if (publishedAt) doc.publishedAt = publishedAt;
  if (header.origin) doc.origin = header.origin;
  if (header.site ?? page?.site) doc.site = (header.site ?? page?.site)!;
  return fillFromFileName(doc, fileName);
}
