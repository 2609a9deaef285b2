/**
 * Topic suggestions for a document. Themes the classifier knows (`model.ts`, trained on labelled
 * commentaries and the taxonomy's wording) are scored by its cosine, plus a bonus for each of the
 * theme's 提法 in the title; themes it does not know (the user's own) by their 提法 found in the
 * text, weighted by rarity in the library (IDF) with diminishing returns. Either way the score
 * is scaled by what the user taught: topics they accepted rise, those they rejected fall. A
 * sub-theme with its own evidence outranks its parent, the second and third places prefer
 * another root theme, and 科目 (exam subjects) are not themes: they are suggested apart
 * (`subjects.ts`). The strongest few, over a floor, are `shown`.
 *
 * @example
 * suggest({ title, text }, topics, stats, feedback, model); // → [{ id: '基层治理/基层减负', score: 0.52, phrases: ['基层减负'], shown: true }, …]
 */
import type { SuggestedTopic } from '../../shared/types.js';
import { modelScores, type ScoringModel } from './model.js';
import type { TopicRecord } from './taxonomy.js';

/** How many documents there are and in how many each phrase occurs. */
export interface PhraseStats {
  docs: number;
  df: Record<string, number>;
}

/** Accepted / rejected counts per topic path. */
export type Feedback = Record<string, { accepted: number; rejected: number }>;

export const TITLE_BOOST = 2;
/** Characters of a typical article: longer texts have their phrase counts scaled down to it. */
export const ARTICLE_LENGTH = 5_000;
/** A phrase counts from this many (scaled) occurrences, or when the title has it. */
export const MIN_COUNT = 0.5;
/** Longest text read for phrases (a long PDF's first part says what it is about). */
export const MAX_TEXT = 300_000;
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

/** The last text's phrase counts: import counts the library's statistics and suggests from one text. */
let memo: { text: string; counts: Map<string, number> } | undefined;

const countIn = (text: string, phrase: string): number => {
  if (memo?.text !== text) memo = { text, counts: new Map() };
  let n = memo.counts.get(phrase);
  if (n === undefined) {
    n = 0;
    for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + phrase.length)) n++;
    memo.counts.set(phrase, n);
  }
  return n;
};

/** 科目 are the exam's subjects, not what a text is about. */
export const isSubject = (path: string): boolean => path === '科目' || path.startsWith('科目/');

/** What the user taught, as a factor: each accept +30 %, each reject −30 % (compounded, bounded). */
export function learned(f: { accepted: number; rejected: number } | undefined): number {
  if (!f) return 1;
  return Math.min(4, Math.max(0.1, 1.3 ** f.accepted * 0.7 ** f.rejected));
}

/** Phrases of the whole taxonomy found in a text (for the library's document frequencies). */
export function phrasesIn(title: string, text: string, topics: TopicRecord[]): string[] {
  const body = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  return uniquePhrases(topics).filter((p) => title.includes(p) || countIn(body, p) > 0);
}

const unique = new WeakMap<TopicRecord[], { key: string; phrases: string[] }>();

/** Every phrase of the taxonomy once (kept while the list and its phrases are the same). */
function uniquePhrases(topics: TopicRecord[]): string[] {
  const key = `${topics.length}:${topics.reduce((n, t) => n + t.phrases.length, 0)}:${topics.at(-1)?.path ?? ''}`;
  let hit = unique.get(topics);
  if (hit?.key !== key) {
    hit = { key, phrases: [...new Set(topics.flatMap((t) => t.phrases))] };
    unique.set(topics, hit);
  }
  return hit.phrases;
}

/** A topic's 提法 in a text: those found, how many are in the title, and their IDF-weighted score. */
export function phraseEvidence(doc: { title: string; text: string }, topic: TopicRecord, stats: PhraseStats): { score: number; found: string[]; inTitle: number } {
  const text = doc.text.length > MAX_TEXT ? doc.text.slice(0, MAX_TEXT) : doc.text;
  const idf = (p: string): number => Math.log((stats.docs + 1) / ((stats.df[p] ?? 0) + 1)) + 1;
  let score = 0;
  let inTitle = 0;
  const found: string[] = [];
  for (const phrase of topic.phrases) {
    // In a long text a phrase must come up often to say what it is about: counts are scaled
    // to an article's length (a phrase met twice in a 600-page manual says little).
    const n = countIn(text, phrase) * Math.min(1, ARTICLE_LENGTH / Math.max(1, text.length));
    const title = doc.title.includes(phrase);
    if (n < MIN_COUNT && !title) continue;
    found.push(phrase);
    if (title) inTitle++;
    score += (Math.log1p(n) + (title ? TITLE_BOOST : 0)) * idf(phrase);
  }
  return { score, found, inTitle };
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
  const root = (p: string): string => p.split('/')[0]!;
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
export function suggest(doc: { title: string; text: string }, topics: TopicRecord[], stats: PhraseStats, feedback: Feedback, model?: ScoringModel, limit = 8, cosines: ReadonlyMap<string, number> = model ? modelScores(model, doc) : new Map()): SuggestedTopic[] {
  // First what is cheap: the classifier's cosine and the 提法 in the title; the text's 提法 only
  // for the themes that may rank (and for themes the classifier does not know).
  const rough: { topic: TopicRecord; score: number; found?: string[] }[] = [];
  for (const topic of topics) {
    if (isSubject(topic.path)) continue;
    const cosine = cosines.get(topic.path);
    let score: number;
    let found: string[] | undefined;
    if (cosine === undefined) {
      const evidence = phraseEvidence(doc, topic, stats);
      score = evidence.score * PHRASE_SCALE;
      found = evidence.found;
    } else score = cosine + TITLE_PHRASE_BONUS * topic.phrases.filter((p) => doc.title.includes(p)).length;
    score *= learned(feedback[topic.path]);
    if (score > 0) rough.push({ topic, score, ...(found ? { found } : {}) });
  }
  rough.sort((a, b) => b.score - a.score || a.topic.path.localeCompare(b.topic.path));
  const out = rough.slice(0, Math.max(limit, EVIDENCE_FOR)).map(({ topic, score, found }) => ({
    id: topic.path,
    name: topic.path.split('/').pop()!,
    path: topic.path,
    score: Math.round(score * 1000) / 1000,
    phrases: found ?? phraseEvidence(doc, topic, stats).found,
  }));
  return markShown(diversify(preferSpecific(out))).slice(0, limit);
}

/** How many of the best-scoring themes have their 提法 in the text looked up (the rest cannot rank). */
export const EVIDENCE_FOR = 16;
