/**
 * The 标注 page's choice of highlights: by colour, topic (sub-topics included), date made and
 * words in the quote, note or document title; grouped by document or by topic.
 *
 * @example
 * const shown = filterHighlights(all, docs, { color: 'yellow', text: '减负' });
 * const groups = groupBy(shown, docs, 'topic');
 */
import type { DocumentSummary, Highlight, HighlightColor } from '../../../../electron/shared/types';
import { underTopic } from '../../../../electron/shared/topic-path';

export interface HighlightFilter {
  color?: HighlightColor;
  topic?: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: made on or after. */
  from?: string;
  text?: string;
}

export function filterHighlights(all: Highlight[], docs: Map<string, DocumentSummary>, f: HighlightFilter): Highlight[] {
  const words = (f.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return all.filter((h) => {
    if (f.color && h.color !== f.color) return false;
    if (f.topic && !h.topics.some((t) => underTopic(t, f.topic!))) return false;
    if (f.from && new Date(h.createdAt).toISOString().slice(0, f.from.length) < f.from) return false;
    const hay = `${h.target.selector[0].exact} ${h.note ?? ''} ${docs.get(h.docId)?.title ?? ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export const NO_TOPIC = '';

/** Groups in display order: documents as the library lists them (newest first), topics by name, untagged last. */
export function groupBy(list: Highlight[], docs: Map<string, DocumentSummary>, by: 'document' | 'topic'): { key: string; items: Highlight[] }[] {
  const groups = new Map<string, Highlight[]>();
  for (const h of list) for (const key of by === 'document' ? [h.docId] : h.topics.length ? h.topics : [NO_TOPIC]) groups.set(key, [...(groups.get(key) ?? []), h]);
  const order = (key: string): number | string => (by === 'document' ? -(docs.get(key)?.addedAt ?? 0) : key === NO_TOPIC ? '\uffff' : key);
  return [...groups]
    .map(([key, items]) => ({ key, items: items.sort((a, b) => a.docId.localeCompare(b.docId) || (a.at?.start ?? 0) - (b.at?.start ?? 0)) }))
    .sort((a, b) => {
      const x = order(a.key);
      const y = order(b.key);
      return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    });
}
