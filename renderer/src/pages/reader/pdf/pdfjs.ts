/**
 * pdf.js for the reader, loaded on first use (it is most of the reader's code): its worker from
 * the build, its data files from `/pdfjs/…` (the Chinese character maps above all), no eval. The
 * worker is the unminified one, which `build/patches` fixes (text states were cloned as chains of
 * prototypes, slowing every page's text layer); the app ships it from disk, so its size matters little.
 *
 * @example
 * const doc = await openPdf(client.fileUrl(detail.original));
 * const page = await doc.getPage(1);
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.mjs?url';

export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';

type PdfJs = typeof import('pdfjs-dist');

let loading: Promise<PdfJs> | undefined;

/** The pdf.js module, set up once. */
export function pdfjs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = workerUrl;
    return lib;
  });
  return loading;
}

/** Base of pdf.js's data files, next to the page that loads them. */
const dataUrl = (dir: string): string => new URL(`pdfjs/${dir}/`, new URL('.', window.location.href)).href;

/**
 * Opens a PDF by address. pdf.js reads it in ranges, so page 1 of a large file comes first, then
 * fetches the rest in the background (it is a local file), so a later jump finds its page there.
 */
export async function openPdf(url: string): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  return lib.getDocument({
    url,
    cMapUrl: dataUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: dataUrl('standard_fonts'),
    wasmUrl: dataUrl('wasm'),
    iccUrl: dataUrl('iccs'),
    isEvalSupported: false,
    disableAutoFetch: false,
    rangeChunkSize: 256 * 1024,
    verbosity: 0,
  }).promise;
}
