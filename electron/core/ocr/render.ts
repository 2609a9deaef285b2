/**
 * A PDF page drawn for OCR: pdf.js paints it on a Skia canvas (`@napi-rs/canvas`, which pdf.js
 * uses in Node) at {@link OCR_DPI}, in the page's own orientation (its /Rotate applied, so the
 * text stands upright), and the pixels are turned to grey. The viewport comes back with the
 * image, to place what is read in the page's coordinates.
 *
 * @example
 * const { image, viewport } = await renderPage(doc, 3);
 * image.width; // → 1654 for an A4 page at 200 dpi
 */
import { createCanvas } from '@napi-rs/canvas';
import type { PdfDocument } from '../import/pdf/extract.js';
import { grayOfRgba, type GrayImage } from './gray.js';

/** Pages are drawn at this resolution for OCR: a Chinese character of body text is ~30 pixels high. */
export const OCR_DPI = 200;
/** A page larger than this many pixels is drawn at a lower resolution (posters, maps). */
const MAX_PIXELS = 24_000_000;

export interface PageViewport {
  width: number;
  height: number;
  /** Viewport pixels → PDF user space. */
  convertToPdfPoint(x: number, y: number): number[];
}

export async function renderPage(doc: PdfDocument, n: number, dpi = OCR_DPI): Promise<{ image: GrayImage; viewport: PageViewport }> {
  const page = await doc.getPage(n);
  try {
    const base = page.getViewport({ scale: 1 });
    const scale = Math.min(dpi / 72, Math.sqrt(MAX_PIXELS / (base.width * base.height)));
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.round(viewport.width));
    const height = Math.max(1, Math.round(viewport.height));
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
    const rgba = context.getImageData(0, 0, width, height).data;
    return { image: grayOfRgba(rgba, width, height), viewport };
  } finally {
    page.cleanup();
  }
}
