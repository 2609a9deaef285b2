/**
 * Tags without busywork: confident suggestions applied on import as 推荐 tags (unless the user
 * turned `autoTopics` off), bulk tagging of many documents at once, and suggestions for any
 * passage (a highlight's own words).
 *
 * @example
 * await recommendOnImport(ctx, doc, text);      // doc.recommendedTopics = ['民生保障/教育']
 * await tagDocuments(ctx, { ids, confirm: true }); // → { changed: 12 } (推荐 → confirmed)
 * await suggestForText(ctx, { text: '为基层减负松绑' }); // → [{ path: '基层治理/基层减负', shown: true, … }]
 */
import type { Preferences, SuggestedTopic } from '../../shared/types.js';
import { findDocument } from '../library/records.js';
import type { CoreContext } from '../library/context.js';
import type { DocumentRecord } from '../store/schema.js';
import { underTopic } from '../../shared/topic-path.js';
import { vectorSize } from './scoring.js';
import { suggestSubjects } from './subjects.js';
import { isSubject } from '../../shared/topic-path.js';
import { suggest } from './suggest.js';
import { modelFile, modelOf, statsOf, topicsOf } from './topics.js';
import { fail } from '../../shared/error-words.js';
import { DEFAULT_REVIEW } from '../review/defaults.js';

export const DEFAULT_PREFERENCES: Preferences = { autoTopics: true, autoOcr: true, review: DEFAULT_REVIEW };

export function preferencesOf(ctx: CoreContext): Preferences {
  return { ...DEFAULT_PREFERENCES, ...ctx.store.data.preferences, review: { ...DEFAULT_REVIEW, ...ctx.store.data.preferences?.review } };
}

/** What the importer is asked on top: the classifier's scores, when 推荐 tags are made on import. */
export function importTopicOptions(ctx: CoreContext): { topicModel?: string } {
  const file = preferencesOf(ctx).autoTopics ? modelFile(ctx) : undefined;
  return file ? { topicModel: file } : {};
}

export async function setPreferences(ctx: CoreContext, change: Partial<Omit<Preferences, 'review'>> & { review?: Partial<Preferences['review']> }): Promise<Preferences> {
  const { review, ...rest } = change;
  await ctx.store.change((data) => (data.preferences = { ...data.preferences, ...rest, ...(review ? { review: { ...DEFAULT_REVIEW, ...data.preferences?.review, ...review } } : {}) }), undefined, { keysKept: true });
  return preferencesOf(ctx);
}

/** The topics a document has or refused: not suggested again. */
const skipped = (doc: Pick<DocumentRecord, 'topics' | 'rejectedTopics'>): Set<string> => new Set(doc.rejectedTopics?.length ? [...doc.topics, ...doc.rejectedTopics] : doc.topics);

/**
 * Suggestions for a document's title and text, the ones it has or refused left out; `cosines`
 * when the classifier already scored it (the import worker).
 */
export async function suggestFor(ctx: CoreContext, doc: Pick<DocumentRecord, 'title' | 'topics' | 'rejectedTopics'>, text: string, limit = 8, cosines?: Float32Array): Promise<SuggestedTopic[]> {
  const skip = skipped(doc);
  const model = modelOf(ctx);
  // The worker's scores, when made with this model (the themes', then the labelled documents').
  const scored = model && cosines?.length === vectorSize(model) ? cosines : undefined;
  const all = suggest({ title: doc.title, text }, topicsOf(ctx), await statsOf(ctx), ctx.store.data.topicFeedback, model, limit + skip.size, scored);
  return (skip.size ? all.filter((s) => !skip.has(s.path)) : all).slice(0, limit);
}

/** 科目 the document serves, the ones it has or refused left out. */
export function subjectsFor(ctx: CoreContext, doc: Pick<DocumentRecord, 'title' | 'topics' | 'rejectedTopics' | 'origin' | 'site' | 'category'>, text: string, themes: SuggestedTopic[] = []): SuggestedTopic[] {
  const skip = skipped(doc);
  // How surely it is about an exam theme: a theme confirmed, or the best one suggested.
  const themeScore = doc.topics.some((t) => !isSubject(t)) ? 1 : (themes[0]?.score ?? 0);
  const subjects = suggestSubjects({ title: doc.title, text, origin: doc.origin, site: doc.site, category: doc.category }, topicsOf(ctx), themeScore);
  return skip.size ? subjects.filter((s) => !skip.has(s.path)) : subjects;
}

/**
 * On import: the shown themes and 科目 become the document's 推荐 tags (staged: the caller commits);
 * `cosines` are the classifier's scores from the import worker, when it computed them.
 */
export async function recommendOnImport(ctx: CoreContext, doc: DocumentRecord, text: string, cosines?: Float32Array): Promise<void> {
  if (!preferencesOf(ctx).autoTopics) return;
  const themes = await suggestFor(ctx, doc, text, 8, cosines);
  const shown = [...themes, ...subjectsFor(ctx, doc, text, themes)].filter((s) => s.shown).map((s) => s.path);
  ctx.store.stage(
    () => {
      if (shown.length) doc.recommendedTopics = shown;
      else delete doc.recommendedTopics;
    },
    { keysKept: true },
  );
}

/** Suggestions for a passage (a highlight): the shown ones first. */
export async function suggestForText(ctx: CoreContext, args: { text: string; title?: string }): Promise<SuggestedTopic[]> {
  return suggestFor(ctx, { title: args.title ?? '', topics: [] }, args.text, 5);
}

/**
 * Changes the topics of many documents at once: `confirm` turns their 推荐 tags (those `under` a
 * topic, when given) into confirmed ones and teaches the scorer, as one ✓ each; `add` tags them;
 * `remove` untags them (推荐 too). Answers how many documents changed.
 */
export async function tagDocuments(ctx: CoreContext, args: { ids: string[]; add?: string[]; remove?: string[]; confirm?: boolean; under?: string }): Promise<{ changed: number }> {
  const known = new Set(topicsOf(ctx).map((t) => t.path));
  const unknown = (args.add ?? []).find((t) => !known.has(t));
  if (unknown) throw fail('topics.unknown', { path: unknown });
  const docs = [...new Set(args.ids)].map((id) => findDocument(ctx, id));
  const changedIds = ctx.store.stage((data) => {
    const changedIds: string[] = [];
    for (const doc of docs) {
      const before = JSON.stringify([doc.topics, doc.recommendedTopics ?? []]);
      let topics = [...doc.topics];
      let recommended = [...(doc.recommendedTopics ?? [])];
      if (args.confirm) {
        const confirmed = recommended.filter((t) => !args.under || underTopic(t, args.under));
        for (const t of confirmed) {
          const f = (data.topicFeedback[t] ??= { accepted: 0, rejected: 0 });
          f.accepted++;
        }
        topics = [...topics, ...confirmed];
        recommended = recommended.filter((t) => !confirmed.includes(t));
      }
      topics = [...topics, ...(args.add ?? [])];
      if (args.remove?.length) {
        const gone = (p: string): boolean => args.remove!.some((r) => underTopic(p, r));
        topics = topics.filter((p) => !gone(p));
        recommended = recommended.filter((p) => !gone(p));
      }
      doc.topics = [...new Set(topics)];
      recommended = recommended.filter((p) => !doc.topics.includes(p));
      if (recommended.length) doc.recommendedTopics = recommended;
      else delete doc.recommendedTopics;
      if (JSON.stringify([doc.topics, doc.recommendedTopics ?? []]) !== before) changedIds.push(doc.id);
    }
    return changedIds;
  });
  if (changedIds.length) {
    await ctx.store.commit({ type: 'library.changed', ids: changedIds });
    ctx.emit({ type: 'topics.changed' });
  }
  return { changed: changedIds.length };
}
