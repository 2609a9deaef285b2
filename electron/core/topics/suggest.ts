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
import { isSubject } from '../../shared/topic-path.js';
import { inTitleCount, phraseEvidence, scanPhrases, type PhraseScan, type PhraseStats } from './evidence.js';
import { scoreVector, themeIndex, type ScoringModel } from './scoring.js';
import { themeChances } from './ranker.js';
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


/** What the user taught, as a factor: each accept +30 %, each reject −30 % (compounded, bounded). */
export function learned(f: { accepted: number; rejected: number } | undefined): number {
  if (!f) return 1;
  return Math.min(4, Math.max(0.1, 1.3 ** f.accepted * 0.7 ** f.rejected));
}

/** Marks the strongest few as shown: over {@link SHOW_MIN} and within {@link SHOW_RATIO} of the best (in place; answers the list). */
export function markShown(list: SuggestedTopic[]): SuggestedTopic[] {
  let best = 0;
  for (let i = 0; i < Math.min(SHOW_MAX, list.length); i++) best = Math.max(best, list[i]!.score);
  list.forEach((s, i) => (s.shown = i < SHOW_MAX && s.score >= SHOW_MIN && s.score >= best * SHOW_RATIO));
  return list;
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
    const prefix = `${parent.path}/`;
    const j = out.findIndex((s, k) => k > i && s.path.startsWith(prefix));
    if (j < 0) continue;
    const child = out[j]!;
    if (child.score >= parent.score * (child.phrases.length > 0 ? SPECIFIC_SHARE : 0.9)) {
      out.splice(j, 1);
      out.splice(i, 0, child);
    }
  }
  return out;
}

/** A topic path's root: `民生保障/教育` → `民生保障`. */
const rootOf = (path: string): string => {
  const slash = path.indexOf('/');
  return slash < 0 ? path : path.slice(0, slash);
};

/**
 * Articles often serve two themes of different roots (医疗卫生 and 市场监管): for the second and
 * third places, the best theme of a root not yet placed wins unless a theme of a placed root
 * scores over {@link OTHER_ROOT_MARGIN} more.
 */
export function diversify(list: SuggestedTopic[], scoreOf: (s: SuggestedTopic) => number = (s) => s.score): SuggestedTopic[] {
  const out: SuggestedTopic[] = [];
  const placed = new Set<string>();
  const rest = [...list];
  while (out.length < SHOW_MAX && rest.length) {
    let j = 0;
    if (out.length) {
      const k = rest.findIndex((s) => !placed.has(rootOf(s.path)));
      if (k > 0 && scoreOf(rest[0]!) < scoreOf(rest[k]!) * (1 + OTHER_ROOT_MARGIN)) j = k;
    }
    const next = rest.splice(j, 1)[0]!;
    out.push(next);
    placed.add(rootOf(next.path));
  }
  return [...out, ...rest];
}

/** What suggestions read of a topic list beside a model, worked out once: per topic, it is a 科目, and its place in the model's vector (-1 when the model does not know it). */
interface Plan {
  subject: Uint8Array;
  column: Int32Array;
}

const plans = new WeakMap<PhraseScan['matcher'], WeakMap<object, Plan>>();
const NO_MODEL = {};

function planOf(topics: TopicRecord[], scan: PhraseScan, model: ScoringModel | undefined): Plan {
  let byModel = plans.get(scan.matcher);
  if (!byModel) plans.set(scan.matcher, (byModel = new WeakMap()));
  let hit = byModel.get(model ?? NO_MODEL);
  if (!hit) {
    const column = model ? themeIndex(model) : undefined;
    hit = {
      subject: Uint8Array.from(topics, (t) => (isSubject(t.path) ? 1 : 0)),
      column: Int32Array.from(topics, (t) => column?.get(t.path) ?? -1),
    };
    byModel.set(model ?? NO_MODEL, hit);
  }
  return hit;
}

/**
 * Ranks the library's themes for a document. `model` scores it here, unless its cosines were
 * computed already (`vector`: the import worker does it beside the parsing).
 */
export function suggest(doc: { title: string; text: string }, topics: TopicRecord[], stats: PhraseStats, feedback: Feedback, model?: ScoringModel, limit = 8, vector: ArrayLike<number> | undefined = model ? scoreVector(model, doc) : undefined): SuggestedTopic[] {
  const scan = scanPhrases(doc, topics);
  const known = model && vector ? model : undefined;
  const plan = planOf(topics, scan, known);
  const chance = known ? themeChances(known, vector!, topics, scan) : undefined;
  // First what is cheap: the classifier's cosine and the 提法 in the title; the 提法 found in the
  // text are weighed only for the themes that may rank (and for themes the classifier does not know).
  const scores = new Float64Array(topics.length);
  const found: (string[] | undefined)[] = [];
  const rough: number[] = [];
  for (let i = 0; i < topics.length; i++) {
    if (plan.subject[i]) continue;
    const topic = topics[i]!;
    const at = plan.column[i]!;
    let score: number;
    if (at < 0) {
      const evidence = phraseEvidence(scan, topic, stats);
      score = evidence.score * PHRASE_SCALE;
      found[i] = evidence.found;
    } else {
      score = vector![at]! + TITLE_PHRASE_BONUS * inTitleCount(scan, topic);
    }
    score *= learned(feedback[topic.path]);
    scores[i] = score;
    if (score > 0) rough.push(i);
  }
  rough.sort((a, b) => scores[b]! - scores[a]! || topics[a]!.path.localeCompare(topics[b]!.path));
  // The themes that may rank: the best by score, and (with a ranker) the most likely.
  const pool = rough.slice(0, Math.max(limit, EVIDENCE_FOR));
  if (chance) {
    const bar = Float64Array.from(chance).sort()[Math.max(0, chance.length - limit)] ?? Infinity;
    for (let k = pool.length; k < rough.length; k++) if (plan.column[rough[k]!]! >= 0 && chance[plan.column[rough[k]!]!]! >= bar) pool.push(rough[k]!);
  }
  const out: SuggestedTopic[] = pool.map((i) => {
    const path = topics[i]!.path;
    return { id: path, name: path.slice(path.lastIndexOf('/') + 1), path, score: Math.round(scores[i]! * 1000) / 1000, phrases: found[i] ?? phraseEvidence(scan, topics[i]!, stats).found };
  });
  const ranked = markShown(diversify(preferSpecific(out)));
  if (!chance || !ranked.length) return ranked.slice(0, limit);
  const column = themeIndex(known!);
  const likelihood = (s: SuggestedTopic): number => {
    const at = column.get(s.path);
    return (at === undefined ? s.score : chance[at]!) * learned(feedback[s.path]);
  };
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
 * Sets `shown` in place.
 */
export function rerank(ranked: SuggestedTopic[], likely: (s: SuggestedTopic) => number): SuggestedTopic[] {
  const [first, ...rest] = ranked;
  const chance = new Map(ranked.map((s) => [s, likely(s)]));
  const firstShown = !!first!.shown;
  const byChance = rest.sort((a, b) => chance.get(b)! - chance.get(a)! || a.path.localeCompare(b.path));
  const order = diversify([first!, ...byChance], (s) => (s === first ? Infinity : chance.get(s)!));
  order.forEach((s, i) => (s.shown = i < SHOW_MAX && ((i === 0 && firstShown) || chance.get(s)! >= SHOW_LIKELY)));
  return order;
}

/** A theme after the first is shown from this likelihood of being a label (`ranker.ts`). */
export const SHOW_LIKELY = 0.3;

/** How many of the best-scoring themes have their 提法 in the text looked up (the rest cannot rank). */
export const EVIDENCE_FOR = 16;
