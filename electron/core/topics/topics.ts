/**
 * The library's exam topics: seeded from the built-in taxonomy, then the user's to edit — add,
 * rename, move, merge (every tag moves), delete (tags removed; the caller says how many first).
 * Documents and highlights carry topic paths; a topic's counts include its sub-topics. Topic
 * suggestions for a document come from `suggest.ts`, with the library's phrase statistics and
 * what the user accepted and rejected.
 *
 * @example
 * listTopics(ctx);                                          // → TopicSummary[] in tree order
 * await renameTopic(ctx, '基层治理/基层减负', '减负松绑');
 * await reviewSuggestion(ctx, { id: 'd_1', topic: '数字政府', accept: true });
 */
import { join } from 'node:path';
import type { TopicSummary } from '../../shared/types.js';
import { findDocument } from '../library/records.js';
import type { CoreContext } from '../library/context.js';
import { underTopic as under } from '../../shared/topic-path.js';
import { phrasesIn, type PhraseStats } from './evidence.js';
import { loadModel, type ScoringModel } from './scoring.js';
import { builtinTaxonomy, builtinTopics, builtinVersion, resourcePath, type BuiltinTopic, type TopicRecord } from './taxonomy.js';
import { fail } from '../../shared/error-words.js';

const nameOf = (path: string): string => path.split('/').pop()!;
const cleanName = (name: string): string => {
  const n = name.trim().replace(/\//g, '·');
  if (!n || n.length > 60) throw fail('topics.name-length');
  return n;
};

const taxonomyFile = (ctx: CoreContext): string | undefined => (ctx.resourcesDir ? join(ctx.resourcesDir, 'topics', 'zh-CN.json') : undefined);

/**
 * The library's topics: seeded from the built-in taxonomy the first time, and brought up to a
 * newer taxonomy once (themes it added appear, renamed themes follow their aliases).
 */
export function topicsOf(ctx: CoreContext): TopicRecord[] {
  const data = ctx.store.data;
  if (!data.topics) {
    // Staged: written with the library's next change.
    ctx.store.stage((d) => {
      d.topics = builtinTopics(taxonomyFile(ctx));
      d.taxonomyVersion = builtinVersion(taxonomyFile(ctx));
    });
  } else if ((data.taxonomyVersion ?? 1) < builtinVersion(taxonomyFile(ctx))) {
    const { version, topics } = builtinTaxonomy(taxonomyFile(ctx));
    ctx.store.stage((d) => {
      upgradeTopics(ctx, topics, d.taxonomyVersion ?? 1);
      d.taxonomyVersion = version;
    });
  }
  return data.topics!;
}

/** Brings a seeded library's topics up to the built-in taxonomy, and writes them when they changed. */
export async function upgradeTaxonomy(ctx: CoreContext): Promise<boolean> {
  if (!ctx.store.data.topics) return false;
  const before = ctx.store.data.taxonomyVersion;
  topicsOf(ctx);
  if (ctx.store.data.taxonomyVersion === before) return false;
  await ctx.store.commit({ type: 'topics.changed' });
  return true;
}

/** Adds the built-in themes newer than `from`, and moves tags from a theme's aliases to it. */
function upgradeTopics(ctx: CoreContext, builtin: BuiltinTopic[], from: number): void {
  const list = ctx.store.data.topics!;
  for (const t of builtin) {
    const old = t.aliases?.find((a) => list.some((x) => x.path === a));
    if (old && !list.some((x) => x.path === t.path)) {
      for (const x of list) if (under(x.path, old)) x.path = t.path + x.path.slice(old.length);
      retag(ctx, old, t.path);
      continue;
    }
    if ((t.since ?? 1) > from && !list.some((x) => x.path === t.path)) list.push({ path: t.path, ...(t.description ? { description: t.description } : {}), phrases: [...t.phrases] });
  }
}

/** Where the theme classifier is: `resources/topics/model.json` of the host, or above this code. */
export function modelFile(ctx: CoreContext): string | undefined {
  return ctx.resourcesDir ? join(ctx.resourcesDir, 'topics', 'model.json') : resourcePath(join('topics', 'model.json'));
}

/** The theme classifier shipped with the app (none: 提法 alone). */
export function modelOf(ctx: CoreContext): ScoringModel | undefined {
  const file = modelFile(ctx);
  return file ? loadModel(file) : undefined;
}

function findTopic(ctx: CoreContext, path: string): TopicRecord {
  const t = topicsOf(ctx).find((x) => x.path === path);
  if (!t) throw fail('topics.no-topic', { path });
  return t;
}

/** A list of topic paths with every ancestor: `a/b` → {a, a/b}. */
function withAncestors(list: readonly string[] | undefined): Set<string> {
  const seen = new Set<string>();
  for (const p of list ?? []) for (let i = p.indexOf('/'); ; i = p.indexOf('/', i + 1)) {
    seen.add(i < 0 ? p : p.slice(0, i));
    if (i < 0) break;
  }
  return seen;
}

/** How many items carry each topic path or one under it, counted in one pass. */
function countUnder(sets: Iterable<Set<string>>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const set of sets) for (const p of set) counts.set(p, (counts.get(p) ?? 0) + 1);
  return counts;
}

export function listTopics(ctx: CoreContext): TopicSummary[] {
  const topics = topicsOf(ctx);
  const docs = ctx.store.data.documents;
  const confirmed = countUnder(docs.map((d) => withAncestors(d.topics)));
  // 推荐 only: documents whose 推荐 tags reach a topic that none of their confirmed tags reach.
  const recommended = countUnder(
    docs.map((d) => {
      if (!d.recommendedTopics?.length) return new Set<string>();
      const mine = withAncestors(d.topics);
      return new Set([...withAncestors(d.recommendedTopics)].filter((p) => !mine.has(p)));
    }),
  );
  const highlights = countUnder(ctx.store.data.highlights.map((h) => withAncestors(h.topics)));
  const order = new Map(topics.map((t, i) => [t.path, i]));
  return [...topics]
    .sort((a, b) => {
      // Tree order: a parent before its children, siblings in the order they were made.
      const pa = a.path.split('/');
      const pb = b.path.split('/');
      for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
        if (pa[i] === pb[i]) continue;
        const ka = order.get(pa.slice(0, i + 1).join('/')) ?? 0;
        const kb = order.get(pb.slice(0, i + 1).join('/')) ?? 0;
        return ka - kb;
      }
      return pa.length - pb.length;
    })
    .map((t) => ({
      path: t.path,
      name: nameOf(t.path),
      depth: t.path.split('/').length - 1,
      ...(t.description ? { description: t.description } : {}),
      phrases: t.phrases,
      documents: confirmed.get(t.path) ?? 0,
      recommended: recommended.get(t.path) ?? 0,
      highlights: highlights.get(t.path) ?? 0,
    }));
}

/** Writes what a topic operation staged, and tells every window. */
async function save(ctx: CoreContext): Promise<void> {
  await ctx.store.commit({ type: 'topics.changed' });
}

export async function addTopic(ctx: CoreContext, args: { parent?: string; name: string; description?: string; phrases?: string[] }): Promise<TopicSummary> {
  if (args.parent) findTopic(ctx, args.parent);
  const path = args.parent ? `${args.parent}/${cleanName(args.name)}` : cleanName(args.name);
  if (topicsOf(ctx).some((t) => t.path === path)) throw fail('topics.exists', { path });
  const known = new Set(topicsOf(ctx).flatMap((t) => t.phrases));
  ctx.store.stage((data) => {
    topicsOf(ctx).push({ path, ...(args.description ? { description: args.description } : {}), phrases: args.phrases ?? [] });
    // New 提法 were never counted in the library: recounted when next needed.
    if (args.phrases?.some((p) => !known.has(p))) data.topicStats = null;
  });
  await save(ctx);
  return listTopics(ctx).find((t) => t.path === path)!;
}

/** Moves every tag, sub-topic and statistic from one path to another (call it inside a store stage). */
function retag(ctx: CoreContext, from: string, to: string, drop = false): { documents: number; highlights: number; ids: string[] } {
  const move = (list: string[]): string[] => [...new Set(list.flatMap((p) => (under(p, from) ? (drop ? [] : [to + p.slice(from.length)]) : [p])))];
  let documents = 0;
  let highlights = 0;
  const ids: string[] = [];
  for (const d of ctx.store.data.documents) {
    if (d.topics.some((p) => under(p, from))) {
      documents++;
      ids.push(d.id);
    }
    d.topics = move(d.topics);
    if (d.rejectedTopics) d.rejectedTopics = move(d.rejectedTopics);
    if (d.recommendedTopics) d.recommendedTopics = move(d.recommendedTopics).filter((p) => !d.topics.includes(p));
  }
  for (const h of ctx.store.data.highlights) {
    if (h.topics.some((p) => under(p, from))) highlights++;
    h.topics = move(h.topics);
  }
  const feedback = ctx.store.data.topicFeedback;
  for (const key of Object.keys(feedback)) {
    if (!under(key, from)) continue;
    const value = feedback[key]!;
    delete feedback[key];
    if (drop) continue;
    const target = to + key.slice(from.length);
    const old = feedback[target];
    feedback[target] = old ? { accepted: old.accepted + value.accepted, rejected: old.rejected + value.rejected } : value;
  }
  return { documents, highlights, ids };
}

/** Saves and tells every window (and the search index, for the documents whose tags changed). */
async function saveRetagged(ctx: CoreContext, ids: string[]): Promise<void> {
  await save(ctx);
  if (ids.length) ctx.emit({ type: 'library.changed', ids });
}

export async function renameTopic(ctx: CoreContext, path: string, name: string): Promise<TopicSummary> {
  findTopic(ctx, path);
  const to = [...path.split('/').slice(0, -1), cleanName(name)].join('/');
  if (to !== path && topicsOf(ctx).some((t) => t.path === to)) throw fail('topics.rename-exists', { path: to });
  const { ids } = ctx.store.stage(() => {
    for (const t of topicsOf(ctx)) if (under(t.path, path)) t.path = to + t.path.slice(path.length);
    return retag(ctx, path, to);
  });
  await saveRetagged(ctx, ids);
  return listTopics(ctx).find((t) => t.path === to)!;
}

export async function moveTopic(ctx: CoreContext, path: string, parent: string | undefined): Promise<TopicSummary> {
  findTopic(ctx, path);
  if (parent) {
    findTopic(ctx, parent);
    if (under(parent, path)) throw fail('topics.move-into-self');
  }
  const to = parent ? `${parent}/${nameOf(path)}` : nameOf(path);
  if (to !== path && topicsOf(ctx).some((t) => t.path === to)) throw fail('topics.move-exists', { path: to });
  const { ids } = ctx.store.stage(() => {
    for (const t of topicsOf(ctx)) if (under(t.path, path)) t.path = to + t.path.slice(path.length);
    return retag(ctx, path, to);
  });
  await saveRetagged(ctx, ids);
  return listTopics(ctx).find((t) => t.path === to)!;
}

/** Merges `from` into `into`: its tags, phrases and sub-topics move there; `from` goes. */
export async function mergeTopic(ctx: CoreContext, from: string, into: string): Promise<{ documents: number; highlights: number }> {
  const source = findTopic(ctx, from);
  const target = findTopic(ctx, into);
  if (under(into, from) || from === into) throw fail('topics.merge-into-self');
  const { ids, ...counts } = ctx.store.stage(() => {
    target.phrases = [...new Set([...target.phrases, ...source.phrases])];
    const list = topicsOf(ctx);
    for (const t of [...list]) {
      if (!under(t.path, from)) continue;
      const moved = into + t.path.slice(from.length);
      if (t.path === from || list.some((x) => x.path === moved)) list.splice(list.indexOf(t), 1);
      else t.path = moved;
    }
    return retag(ctx, from, into);
  });
  await saveRetagged(ctx, ids);
  return counts;
}

/** Deletes a topic and its sub-topics, untagging what carried them; says how many those were. */
export async function deleteTopic(ctx: CoreContext, path: string): Promise<{ documents: number; highlights: number }> {
  findTopic(ctx, path);
  const { ids, ...counts } = ctx.store.stage((data) => {
    data.topics = topicsOf(ctx).filter((t) => !under(t.path, path));
    return retag(ctx, path, '', true);
  });
  await saveRetagged(ctx, ids);
  return counts;
}

export async function setDocumentTopics(ctx: CoreContext, id: string, topics: string[]): Promise<string[]> {
  const doc = findDocument(ctx, id);
  const known = new Set(topicsOf(ctx).map((t) => t.path));
  const unknown = topics.find((t) => !known.has(t));
  if (unknown) throw fail('topics.unknown', { path: unknown });
  await ctx.store.change(() => (doc.topics = [...new Set(topics)]), { type: 'library.changed', ids: [id] }, { keysKept: true });
  return doc.topics;
}

/** The user's answer to a suggestion: tags (or not) the document and teaches the scorer. */
export async function reviewSuggestion(ctx: CoreContext, args: { id: string; topic: string; accept: boolean }): Promise<string[]> {
  const doc = findDocument(ctx, args.id);
  findTopic(ctx, args.topic);
  await ctx.store.change(
    (data) => {
      const f = (data.topicFeedback[args.topic] ??= { accepted: 0, rejected: 0 });
      if (args.accept) {
        f.accepted++;
        doc.topics = [...new Set([...doc.topics, args.topic])];
        if (doc.rejectedTopics) doc.rejectedTopics = doc.rejectedTopics.filter((t) => t !== args.topic);
      } else {
        f.rejected++;
        doc.rejectedTopics = [...new Set([...(doc.rejectedTopics ?? []), args.topic])];
        doc.topics = doc.topics.filter((t) => t !== args.topic);
      }
      if (doc.recommendedTopics) {
        doc.recommendedTopics = doc.recommendedTopics.filter((t) => t !== args.topic);
        if (!doc.recommendedTopics.length) delete doc.recommendedTopics;
      }
    },
    { type: 'library.changed', ids: [doc.id] },
    { keysKept: true },
  );
  return doc.topics;
}

/** The library's phrase statistics, counted from every stored text the first time they are needed. */
export async function statsOf(ctx: CoreContext): Promise<PhraseStats> {
  const data = ctx.store.data;
  // Kept up to date on import; recounted when missing or far off (many documents removed).
  if (data.topicStats && Math.abs(data.topicStats.docs - data.documents.length) <= Math.max(5, data.documents.length / 10)) return data.topicStats;
  const stats: PhraseStats = { docs: 0, df: {} };
  const topics = topicsOf(ctx);
  for (const d of data.documents) {
    const text = await ctx.blobs.readText(d.id).catch(() => '');
    stats.docs++;
    for (const p of phrasesIn(d.title, text, topics)) stats.df[p] = (stats.df[p] ?? 0) + 1;
  }
  // A derived count, staged: written with the library's next change.
  ctx.store.stage((d) => (d.topicStats = stats), { keysKept: true });
  return stats;
}

/** Counts a newly added document's phrases into the statistics (when they are kept up to date). */
export function recordPhrases(ctx: CoreContext, title: string, text: string): void {
  const stats = ctx.store.data.topicStats;
  if (!stats) return;
  const found = phrasesIn(title, text, topicsOf(ctx));
  ctx.store.stage(
    () => {
      stats.docs++;
      for (const p of found) stats.df[p] = (stats.df[p] ?? 0) + 1;
    },
    { keysKept: true },
  );
}
