/**
 * Topic suggestions for a document. Themes the classifier knows (`model.ts`, trained on labelled
 * commentaries and the taxonomy's wording) are scored by its cosine, plus a bonus for each of the
 * theme's 提法 in the title; themes it does not know (the user's own) by their 提法 found in the
 * text, weighted by rarity in the library (IDF) with diminishing returns. Either way the score
 * is scaled by what the user taught: topics they accepted rise, those they rejected fall. A
 * sub-theme with its own evidence outranks its parent, the second and third places prefer
 * another root theme, and 科目 (exam subjects) are not themes: they are suggested apart
 * (`subjects.ts`). The strongest few, over a floor, are `shown`. With a model that has a ranker
 * (`ranker.ts`), the first place stays and the others are ordered and shown by how likely each
 * is a label; for a law (its title names its subject, which the ranker weighs better than the
 * cosine) the ranker orders the first place too.
 *
 * @example
 * suggest({ title, text }, topics, stats, feedback, model); // → [{ id: '基层治理/基层减负', score: 0.52, phrases: ['基层减负'], shown: true }, …]
 */
import type { SuggestedTopic } from '../../shared/types.js';
import { inTitleCount, phraseEvidence, scanPhrases, type PhraseStats } from './evidence.js';
import { scoreVector, themeIndex, type ScoringModel } from './scoring.js';
import { rankThemes } from './ranker.js';
import { isLaw } from './subjects.js';
import type { TopicRecord } from './taxonomy.js';

/** Accepted / rejected counts per topic path. */
export type Feedback = Record<string, { accepted: number; rejected: number }>;

/** Added to a known theme's cosine for each of its 提法 in the title. */
export const TITLE_PHRASE_BONUS = 0.08;
/** A theme the model does not know: its phrase score is mapped into the cosine's range by this. */
export const PHRASE_SCALE = 1 / 40;
/** Shown: at most this many, … */
export const SHOW_MAX = 3;
/** … each scoring at least this, … */
export const SHOW_MIN = 0.18;
/** … and at least this share of the best. */
export const SHOW_RATIO = 0.85;
/** A sub-theme with a 提法 of its own takes its parent's place from this share of its score. */
export const SPECIFIC_SHARE = 0.6;
/** A second or third place goes to another root theme unless the same root's is this much stronger. */
export const OTHER_ROOT_MARGIN = 0.2;

/** 科目 are the exam's subjects, not what a text is about. */
export const isSubject = (path: string): boolean => path === '科目' || path.startsWith('科目/');

/** What the user taught, as a factor: each accept +30 %, each reject −30 % (compounded, bounded). */
export function learned(f: { accepted: number; rejected: number } | undefined): number {
  if (!f) return 1;
  return Math.min(4, Math.max(0.1, 1.3 ** f.accepted * 0.7 ** f.rejected));
}

/** Marks the strongest few as shown: over {@link SHOW_MIN} and within {@link SHOW_RATIO} of the best. */
export function markShown(list: SuggestedTopic[]): SuggestedTopic[] {
  const best = Math.max(0, ...list.slice(0, SHOW_MAX).map((s) => s.score));
  return list.map((s, i) => ({ ...s, shown: i < SHOW_MAX && s.score >= SHOW_MIN && s.score >= best * SHOW_RATIO }));
}

/**
 * A parent ranked above its own sub-theme gives way to it when the sub-theme has evidence of its
 * own (a 提法 found and {@link SPECIFIC_SHARE} of the parent's score, or nine tenths of it
 * without): the candidate files material under the specific theme, and counts roll up to the
 * parent anyway.
 */
export function preferSpecific(list: SuggestedTopic[]): SuggestedTopic[] {
  const out = [...list];
  for (let i = 0; i < out.length; i++) {
    const parent = out[i]!;
    const j = out.findIndex((s, k) => k > i && s.path.startsWith(`${parent.path}/`));
    if (j < 0) continue;
    const child = out[j]!;
    if (child.score >= parent.score * (child.phrases.length > 0 ? SPECIFIC_SHARE : 0.9)) {
      out.splice(j, 1);
      out.splice(i, 0, child);
    }
  }
  return out;
}

/**
 * Articles often serve two themes of different roots (医疗卫生 and 市场监管): for the second and
 * third places, the best theme of a root not yet placed wins unless a theme of a placed root
 * scores over {@link OTHER_ROOT_MARGIN} more.
 */
export function diversify(list: SuggestedTopic[]): SuggestedTopic[] {
  const root = (p: string): string => {
    const slash = p.indexOf('/');
    return slash < 0 ? p : p.slice(0, slash);
  };
  const out: SuggestedTopic[] = [];
  const rest = [...list];
  while (out.length < SHOW_MAX && rest.length) {
    let j = 0;
    if (out.length) {
      const k = rest.findIndex((s) => !out.some((o) => root(o.path) === root(s.path)));
      if (k > 0 && rest[0]!.score < rest[k]!.score * (1 + OTHER_ROOT_MARGIN)) j = k;
    }
    out.push(rest.splice(j, 1)[0]!);
  }
  return [...out, ...rest];
}

/**
 * Ranks the library's themes for a document. `model` scores it here, unless its cosines were
 * computed already (`cosines`: the import worker does it beside the parsing).
 */
export function suggest(doc: { title: string; text: string }, topics: TopicRecord[], stats: PhraseStats, feedback: Feedback, model?: ScoringModel, limit = 8, vector: ArrayLike<number> | undefined = model ? scoreVector(model, doc) : undefined): SuggestedTopic[] {
  const column = model && vector ? themeIndex(model) : undefined;
  const scan = scanPhrases(doc, topics);
  const chance = model && vector ? rankThemes(model, doc, vector, topics, scan) : undefined;
  // First what is cheap: the classifier's cosine and the 提法 in the title; the 提法 found in the
  // text are weighed only for the themes that may rank (and for themes the classifier does not know).
  const rough: { topic: TopicRecord; score: number; found?: string[] }[] = [];
  for (const topic of topics) {
    if (isSubject(topic.path)) continue;
    const at = column?.get(topic.path);
    const cosine = at === undefined ? undefined : vector![at]!;
    let score: number;
    let found: string[] | undefined;
    if (cosine === undefined) {
      const evidence = phraseEvidence(scan, topic, stats);
      score = evidence.score * PHRASE_SCALE;
      found = evidence.found;
    } else {
      score = cosine + TITLE_PHRASE_BONUS * inTitleCount(scan, topic);
    }
    score *= learned(feedback[topic.path]);
    if (score > 0) rough.push({ topic, score, ...(found ? { found } : {}) });
  }
  rough.sort((a, b) => b.score - a.score || a.topic.path.localeCompare(b.topic.path));
  // The themes that may rank: the best by score, and (with a ranker) the most likely.
  const pool = rough.slice(0, Math.max(limit, EVIDENCE_FOR));
  if (chance) {
    const values = Float64Array.from(chance.values()).sort();
    const bar = values[Math.max(0, values.length - limit)] ?? Infinity;
    const likely = new Set([...chance].filter(([, p]) => p >= bar).map(([path]) => path));
    pool.push(...rough.slice(pool.length).filter((r) => likely.has(r.topic.path)));
  }
  const out = pool.map(({ topic, score, found }) => ({
    id: topic.path,
    name: topic.path.slice(topic.path.lastIndexOf('/') + 1),
    path: topic.path,
    score: Math.round(score * 1000) / 1000,
    phrases: found ?? phraseEvidence(scan, topic, stats).found,
  }));
  const ranked = markShown(diversify(preferSpecific(out)));
  if (!chance || !ranked.length) return ranked.slice(0, limit);
  const likelihood = (s: SuggestedTopic): number => (chance.get(s.path) ?? s.score) * learned(feedback[s.path]);
  // A law names its subject in its title, which the ranker weighs better than the cosine.
  if (isLaw(doc)) {
    const best = [...ranked].sort((a, b) => likelihood(b) - likelihood(a) || a.path.localeCompare(b.path))[0]!;
    const first = { ...best, shown: best.score >= SHOW_MIN || likelihood(best) >= SHOW_LIKELY };
    return rerank([first, ...ranked.filter((s) => s.path !== best.path)], likelihood).slice(0, limit);
  }
  return rerank(ranked, likelihood).slice(0, limit);
}

/**
 * The ranker's order after the classifier's first place: the rest by how likely each is a label
 * (`likely`), other roots preferred for the second and third places; shown when the classifier
 * shows it (the first) or it is at least {@link SHOW_LIKELY} likely, at most {@link SHOW_MAX}.
 */
export function rerank(ranked: SuggestedTopic[], likely: (s: SuggestedTopic) => number): SuggestedTopic[] {
  const [first, ...rest] = ranked;
  const chance = new Map(ranked.map((s) => [s.path, likely(s)]));
  const byChance = diversify([{ ...first!, score: Infinity }, ...rest.map((s) => ({ ...s, score: chance.get(s.path)! })).sort((a, b) => b.score - a.score || a.path.localeCompare(b.path))]);
  const score = new Map(ranked.map((s) => [s.path, s.score]));
  return byChance.map((s, i) => ({ ...s, score: score.get(s.path)!, shown: i < SHOW_MAX && ((i === 0 && !!first!.shown) || chance.get(s.path)! >= SHOW_LIKELY) }));
}

/** A theme after the first is shown from this likelihood of being a label (`ranker.ts`). */
export const SHOW_LIKELY = 0.3;

/** How many of the best-scoring themes have their 提法 in the text looked up (the rest cannot rank). */
export const EVIDENCE_FOR = 16;
