/**
 * The library list's sorting and filtering, as one pure function over the document summaries
 * (10,000 of them take a few milliseconds). Sorting by title follows Chinese pinyin order. A
 * topic filter keeps documents tagged with it or recommended it (推荐), so that a filter's
 * suggestions can be confirmed in one go.
 *
 * @example
 * arrange(docs, { sort: 'published', desc: true, kind: 'pdf', text: '减负' });
 * facets(docs); // → { sites: ['人民网', …], topics: [...] }
 */
import type { DocumentKind, DocumentSummary } from '../../../../electron/shared/types';
import { underTopic } from '../../../../electron/shared/topic-path';

export type SortKey = 'added' | 'published' | 'title' | 'progress';

export interface LibraryView {
  sort: SortKey;
  desc: boolean;
  kind?: DocumentKind;
  site?: string;
  topic?: string;
  /** A sync source's id, or `manual` for what was added by hand. */
  source?: string;
  /** Words the title (or site) must contain. */
  text?: string;
}

export const DEFAULT_VIEW: LibraryView = { sort: 'added', desc: true };

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** The day a document was added, `YYYY-MM-DD` (local time). */
export const addedDay = (d: Pick<DocumentSummary, 'addedAt'>): string => {
  const at = new Date(d.addedAt);
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
};

export function arrange(docs: readonly DocumentSummary[], view: LibraryView): DocumentSummary[] {
  const words = (view.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const kept = docs.filter(
    (d) =>
      (!view.kind || d.kind === view.kind) &&
      (!view.site || d.site === view.site) &&
      (!view.topic || d.topics.some((t) => underTopic(t, view.topic!)) || Boolean(d.recommendedTopics?.some((t) => underTopic(t, view.topic!)))) &&
      (!view.source || (view.source === 'manual' ? !d.sourceId : d.sourceId === view.source)) &&
      words.every((w) => d.title.toLowerCase().includes(w) || (d.site ?? '').toLowerCase().includes(w)),
  );
  const compare: Record<SortKey, (a: DocumentSummary, b: DocumentSummary) => number> = {
    added: (a, b) => a.addedAt - b.addedAt,
    published: (a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.addedAt - b.addedAt,
    title: (a, b) => collator.compare(a.title, b.title),
    progress: (a, b) => (a.progress ?? 0) - (b.progress ?? 0) || a.addedAt - b.addedAt,
  };
  const by = compare[view.sort];
  const ordered = kept.sort(view.desc ? (a, b) => by(b, a) : by);
  // By publication date, documents whose date is unknown come last either way.
  if (view.sort !== 'published') return ordered;
  return [...ordered.filter((d) => d.publishedAt), ...ordered.filter((d) => !d.publishedAt)];
}

/** The values the filters offer: sites and topics present in the library, most used first. */
export function facets(docs: readonly DocumentSummary[]): { sites: string[]; topics: string[] } {
  const count = (values: (string | undefined)[]): string[] => {
    const n = new Map<string, number>();
    for (const v of values) if (v) n.set(v, (n.get(v) ?? 0) + 1);
    return [...n].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0])).map(([v]) => v);
  };
  return { sites: count(docs.map((d) => d.site)), topics: count(docs.flatMap((d) => [...d.topics, ...(d.recommendedTopics ?? [])])) };
}
