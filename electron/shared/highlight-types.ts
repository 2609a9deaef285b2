/**
 * Highlights as the API carries them: W3C Web Annotation selectors over a document's stored,
 * normalized text, their place found again in it, and the user's note and topics. Re-exported by
 * `types.ts`.
 *
 * @example
 * const color: HighlightColor = 'yellow';
 */
import type { HIGHLIGHT_COLORS } from './colors.js';

/** The five highlight colours of the reader's toolbar. */
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** W3C Web Annotation TextQuoteSelector: the quote and up to 32 characters either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector over the document's stored (normalized) text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/**
 * What a highlight marks, as W3C selectors over the document's normalized text (for a PDF the
 * pages joined by form feeds), plus for PDFs the page and the position in that page's text.
 */
export interface HighlightTarget {
  source: string;
  selector: [TextQuoteSelector, TextPositionSelector];
  /** 1-based, PDFs only. */
  page?: number;
  pagePosition?: { start: number; end: number };
}

/**
 * Where a highlight sits in the document's current text: `exact` (its quote, in its context),
 * `fuzzy` (a close match: 位置可能已变化, to be confirmed), `orphan` (未能定位: kept, re-attachable).
 */
export type AnchorStatus = 'exact' | 'fuzzy' | 'orphan';

/** A place in the current text: whole-text offsets, and for PDFs the page and offsets in it. */
export interface TextPlace {
  start: number;
  end: number;
  page?: number;
  pageStart?: number;
  pageEnd?: number;
}

/**
 * A highlight with its note and topics.
 *
 * @example
 * const h: Highlight = { id: 'h_1', docId: 'd_1', color: 'yellow', topics: [], createdAt: 0, updatedAt: 0,
 *   target: { source: 'd_1', selector: [{ type: 'TextQuoteSelector', exact: '基层减负', prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: 4 }] },
 *   status: 'exact', at: { start: 0, end: 4 } };
 */
export interface Highlight {
  id: string;
  docId: string;
  /** The form of the document it was made in (its `forms` entry); absent: the document's first form. */
  form?: string;
  color: HighlightColor;
  note?: string;
  /** Exam topics (or free tags until the taxonomy lands), e.g. `基层治理/基层减负`. */
  topics: string[];
  createdAt: number;
  updatedAt: number;
  target: HighlightTarget;
  status: AnchorStatus;
  /** Where it sits now (for `fuzzy`: the place proposed); absent when orphaned. */
  at?: TextPlace;
  /** The text at `at` when it differs from the quote (`fuzzy`). */
  found?: string;
}
