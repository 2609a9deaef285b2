/**
 * A scanned page's text layer: what OCR placed on the page (`OcrItem`s, in PDF user space like a
 * text PDF's items) as the text content pdf.js's `TextLayer` lays out. Each line's box is the
 * span's box: the font's ascent is the whole line height, so the span covers what OCR boxed.
 *
 * @example
 * new lib.TextLayer({ textContentSource: ocrContent(items), container, viewport });
 */
import type { OcrItem } from '../../../../../electron/shared/types';
import type { PDFPageProxy } from './pdfjs';

type TextContent = Awaited<ReturnType<PDFPageProxy['getTextContent']>>;

export const OCR_FONT = 'yandu-ocr';

export function ocrContent(items: readonly OcrItem[]): TextContent {
  return {
    items: items.map((item) => ({ str: item.str, dir: 'ltr', transform: item.transform, width: item.width, height: item.height, fontName: OCR_FONT, hasEOL: false })),
    // A Chinese font, so punctuation measures full-width as it is printed (“ ” in a Latin font are narrow,
    // and the characters after them would be placed too far left).
    styles: { [OCR_FONT]: { fontFamily: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif', ascent: 1, descent: 0, vertical: false } },
    lang: 'zh',
  };
}
