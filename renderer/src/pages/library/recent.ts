/**
 * 继续阅读: the documents read most recently and not finished, newest first — the strip at the top
 * of the library that takes the reader back to where they were.
 *
 * @example
 * recentlyRead(docs, 4); // → up to 4 summaries with a position, progress under 98 %, last read first
 */
import type { DocumentSummary } from '../../../../electron/shared/types';

/** Read this far, a document counts as finished (the last screen rarely reaches 100 %). */
export const FINISHED = 0.98;

export function recentlyRead(docs: readonly DocumentSummary[], limit: number): DocumentSummary[] {
  return docs
    .filter((d) => d.position && (d.progress ?? 0) < FINISHED)
    .sort((a, b) => b.position!.at - a.position!.at)
    .slice(0, limit);
}
