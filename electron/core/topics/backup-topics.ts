/**
 * What a backup keeps of the topics besides each document's confirmed tags: the library's own
 * topic list (themes the user added, renamed or moved, and the 提法 they wrote), what the
 * suggestions learnt from each ✓ and ✕, and the library's preferences; per document, its 推荐
 * tags and the suggestions it was told to drop (`docTopics`). Restoring adds what is missing and
 * changes nothing the library already has: a topic is added when its path is new (its 提法
 * joined when it exists), a learnt count is taken when larger, a preference only when the library
 * has not set it (and only a value the API would take).
 *
 * @example
 * const part = backupTopics(data);                  // → { list: [...], feedback: {...}, preferences: {...} }
 * ctx.store.stage((d) => restoreTopics(d, part));   // → 2 (topics added)
 */
import { argSchemas } from '../../shared/contract.js';
import type { Preferences } from '../../shared/types.js';
import type { DocumentRecord, LibraryData } from '../store/schema.js';
import type { Feedback } from './suggest.js';
import type { TopicRecord } from './taxonomy.js';

export interface TopicsBackup {
  /** The library's topic list (null: it never left the built-in one). */
  list: TopicRecord[] | null;
  feedback: Feedback;
  preferences?: Partial<Preferences>;
}

/** A document's topic state beyond its confirmed tags. */
export interface DocTopicsBackup {
  recommended?: string[];
  rejected?: string[];
}

export function backupTopics(data: LibraryData): TopicsBackup {
  return { list: data.topics, feedback: data.topicFeedback, ...(data.preferences ? { preferences: data.preferences } : {}) };
}

export function docTopics(d: DocumentRecord): DocTopicsBackup {
  return { ...(d.recommendedTopics?.length ? { recommended: d.recommendedTopics } : {}), ...(d.rejectedTopics?.length ? { rejected: d.rejectedTopics } : {}) };
}

const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);

/** Merges a backed-up document's 推荐 and dropped suggestions into the document it matched. */
export function restoreDocTopics(doc: DocumentRecord, entry: DocTopicsBackup): void {
  const rejected = [...new Set([...(doc.rejectedTopics ?? []), ...strings(entry.rejected)])];
  if (rejected.length) doc.rejectedTopics = rejected;
  const recommended = [...new Set([...(doc.recommendedTopics ?? []), ...strings(entry.recommended)])].filter((t) => !doc.topics.includes(t) && !rejected.includes(t));
  if (recommended.length) doc.recommendedTopics = recommended;
  else delete doc.recommendedTopics;
}

/**
 * Merges the topic list, the learnt feedback and the preferences of a backup into the library
 * (whose list must be seeded already). Returns how many topics were added.
 */
export function restoreTopics(data: LibraryData, part: Partial<TopicsBackup> | undefined): number {
  if (!part) return 0;
  let added = 0;
  const known = new Set(data.topics?.flatMap((t) => t.phrases));
  if (Array.isArray(part.list) && data.topics) {
    const byPath = new Map(data.topics.map((t) => [t.path, t]));
    for (const t of part.list) {
      if (typeof t?.path !== 'string' || !t.path.trim()) continue;
      const phrases = strings(t.phrases);
      const mine = byPath.get(t.path);
      if (mine) {
        mine.phrases = [...new Set([...mine.phrases, ...phrases])];
        continue;
      }
      const topic: TopicRecord = { path: t.path, phrases, ...(typeof t.description === 'string' ? { description: t.description } : {}) };
      data.topics.push(topic);
      byPath.set(t.path, topic);
      added++;
    }
  }
  // New 提法 were never counted in this library: recounted when next needed.
  if (data.topics?.some((t) => t.phrases.some((p) => !known.has(p)))) data.topicStats = null;
  for (const [path, f] of Object.entries(part.feedback ?? {})) {
    const mine = data.topicFeedback[path] ?? { accepted: 0, rejected: 0 };
    const count = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? Math.floor(x) : 0);
    data.topicFeedback[path] = { accepted: Math.max(mine.accepted, count(f?.accepted)), rejected: Math.max(mine.rejected, count(f?.rejected)) };
  }
  // Preferences as the API would take them; a backup's odd values are left out, not stored.
  const prefs = argSchemas.setPreferences.safeParse(part.preferences);
  if (part.preferences && prefs.success) {
    const { review, ...rest } = prefs.data;
    const mine = data.preferences ?? {};
    data.preferences = { ...rest, ...mine, ...(review || mine.review ? { review: { ...review, ...mine.review } as Preferences['review'] } : {}) };
  }
  return added;
}
