/**
 * What an importer returns: the document's metadata and its normalized plain text.
 *
 * @example
 * const doc: Imported = { kind: 'text', format: 'txt', title: '笔记', text: '…' };
 */
import type { DocumentKind, DocumentSummary, OutlineEntry } from '../../shared/types.js';
import type { SourceFormat } from '../store/schema.js';

export interface Imported extends Partial<Pick<DocumentSummary, 'site' | 'author' | 'publishedAt' | 'category' | 'origin' | 'url' | 'extraction'>> {
  kind: DocumentKind;
  format: SourceFormat;
  title: string;
  text: string;
  /** Sanitized article HTML, for articles read from web pages. */
  html?: string;
  /** Text of each page (PDFs); `text` is then the pages joined by form feeds. */
  pages?: string[];
  outline?: OutlineEntry[];
  /** A PDF with no text layer. */
  scanned?: boolean;
  /** A PDF's pages with no text (scanned pages, blank ones): OCR reads them (`ocr/service.ts`). */
  textless?: number;
  /**
   * The theme classifier's cosines (`scoreVector`: its themes' in `modelThemes` order, then its
   * labelled documents'), when asked for with {@link ImportOptions.topicModel}: computed in the
   * import worker, beside the parsing.
   */
  themeScores?: Float32Array;
}

/** What an importer may be told about where the bytes came from. */
export interface ImportOptions {
  /** HTTP Content-Type of a downloaded page (its charset wins). */
  contentType?: string;
  /** Address the bytes were downloaded from. */
  url?: string;
  /** The theme classifier's file: score the text with it (`Imported.themeScores`). */
  topicModel?: string;
}
