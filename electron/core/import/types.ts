/**
 * What an importer returns: the document's metadata and its normalized plain text.
 *
 * @example
 * const doc: Imported = { kind: 'text', format: 'txt', title: '笔记', text: '…' };
 */
import type { DocumentKind, DocumentSummary } from '../../shared/types.js';
import type { SourceFormat } from '../store/schema.js';

export interface Imported extends Partial<Pick<DocumentSummary, 'site' | 'author' | 'publishedAt' | 'category' | 'origin' | 'url'>> {
  kind: DocumentKind;
  format: SourceFormat;
  title: string;
  text: string;
  /** Sanitized article HTML, for articles read from web pages. */
  html?: string;
}
