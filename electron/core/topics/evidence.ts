/**
 * A topic's 提法 found in a text, the evidence suggestions weigh beside the classifier: each
 * phrase counted once per text, scaled to an article's length, weighted by rarity (IDF over a
 * set of documents), with a bonus for the title. A text is read once for every phrase of the
 * topic list (`scanPhrases`): the phrases are indexed by their first character, so each position
 * of the text is checked against the few phrases that start with its character; import counts
 * the library's statistics and suggests from the same text, so the last scan is kept.
 *
 * @example
 * const scan = scanPhrases({ title: '为基层减负', text: '…减负…' }, topics);
 * phraseEvidence(scan, { path: '基层治理/基层减负', phrases: ['减负'] }, { docs: 100, df: { 减负: 3 } });
 * // → { score: 8.46, found: ['减负'], inTitle: 1 }
 */
import type { TopicRecord } from './taxonomy.js';

/** How many documents there are and in how many each phrase occurs. */
export interface PhraseStats {
  docs: number;
  df: Record<string, number>;
}

/** A phrase in the title counts this much more. */
export const TITLE_BOOST = 2;
/** Characters of a typical article: longer texts have their phrase counts scaled down to it. */
export const ARTICLE_LENGTH = 5_000;
/** A phrase counts from this many (scaled) occurrences, or when the title has it. */
export const MIN_COUNT = 0.5;
/** Longest text read for phrases (a long PDF's first part says what it is about). */
export const MAX_TEXT = 300_000;

/** Every phrase of a topic list once, indexed by first character for scanning. */
interface Matcher {
  phrases: string[];
  id: Map<string, number>;
  /** Each topic's phrases, as indexes into {@link phrases}. */
  of: WeakMap<TopicRecord, Int32Array>;
  /** The phrases starting with character code c: `byFirst[start[c]]` up to `byFirst[start[c + 1]]`. */
  start: Int32Array;
  byFirst: Int32Array;
  /** Each phrase's second character (-1 for one of one character): most candidates fail on it. */
  second: Int32Array;
}

/** What a scan found: per phrase of its matcher, non-overlapping occurrences in the text's head, and whether the title has it. */
export interface PhraseScan {
  matcher: Matcher;
  counts: Int32Array;
  inTitle: Uint8Array;
  /** Length of the text read (at most {@link MAX_TEXT}). */
  length: number;
}

/** A topic list as a matcher was built from it: each topic's path and phrase list, and how many phrases in all. */
interface Built {
  paths: string[];
  lists: string[][];
  count: number;
  matcher: Matcher;
}

const matchers = new WeakMap<TopicRecord[], Built>();

/** Whether a topic list is still as it was (a topic renamed, added, removed or given phrases makes a new matcher: what depends on it follows). */
function unchanged(topics: TopicRecord[], built: Built): boolean {
  if (topics.length !== built.paths.length) return false;
  let count = 0;
  for (let i = 0; i < topics.length; i++) {
    const t = topics[i]!;
    if (t.path !== built.paths[i] || t.phrases !== built.lists[i]) return false;
    count += t.phrases.length;
  }
  return count === built.count;
}

/** The matcher of a topic list (kept while the list's paths and phrases are the same). */
function matcherOf(topics: TopicRecord[]): Matcher {
  let hit = matchers.get(topics);
  if (!hit || !unchanged(topics, hit)) {
    const phrases = [...new Set(topics.flatMap((t) => t.phrases).filter((p) => p.length > 0))];
    const id = new Map(phrases.map((p, i) => [p, i]));
    const byFirst = Int32Array.from(phrases.keys()).sort((a, b) => phrases[a]!.charCodeAt(0) - phrases[b]!.charCodeAt(0) || a - b);
    const start = new Int32Array(65_537);
    for (const p of phrases) start[p.charCodeAt(0) + 1]!++;
    for (let c = 0; c < 65_536; c++) start[c + 1]! += start[c]!;
    const second = Int32Array.from(phrases, (p) => (p.length > 1 ? p.charCodeAt(1) : -1));
    const of = new WeakMap(topics.map((t) => [t, Int32Array.from(t.phrases.filter((p) => id.has(p)), (p) => id.get(p)!)]));
    hit = { paths: topics.map((t) => t.path), lists: topics.map((t) => t.phrases), count: topics.reduce((n, t) => n + t.phrases.length, 0), matcher: { phrases, id, of, start, byFirst, second } };
    matchers.set(topics, hit);
  }
  return hit.matcher;
}

/** Counts each phrase's non-overlapping occurrences (as repeated `indexOf` from the last match's end would). */
function countAll(m: Matcher, text: string, counts: Int32Array): void {
  const { phrases, second, start, byFirst } = m;
  const nextFree = new Int32Array(phrases.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const end = start[c + 1]!;
    if (start[c] === end) continue;
    const c2 = i + 1 < text.length ? text.charCodeAt(i + 1) : -2;
    for (let k = start[c]!; k < end; k++) {
      const p = byFirst[k]!;
      if ((second[p] === c2 || second[p] === -1) && i >= nextFree[p]! && text.startsWith(phrases[p]!, i)) {
        counts[p]!++;
        nextFree[p] = i + phrases[p]!.length;
      }
    }
  }
}

let last: { title: string; text: string; matcher: Matcher; scan: PhraseScan } | undefined;

/** Reads a document once for every phrase of a topic list (the last scan is kept: the same document is asked of again on import). */
export function scanPhrases(doc: { title: string; text: string }, topics: TopicRecord[]): PhraseScan {
  const matcher = matcherOf(topics);
  if (last && last.matcher === matcher && last.text === doc.text && last.title === doc.title) return last.scan;
  const body = doc.text.length > MAX_TEXT ? doc.text.slice(0, MAX_TEXT) : doc.text;
  const counts = new Int32Array(matcher.phrases.length);
  countAll(matcher, body, counts);
  const title = new Int32Array(matcher.phrases.length);
  countAll(matcher, doc.title, title);
  const inTitle = new Uint8Array(title.length);
  for (let i = 0; i < title.length; i++) if (title[i]! > 0) inTitle[i] = 1;
  const scan = { matcher, counts, inTitle, length: body.length };
  last = { title: doc.title, text: doc.text, matcher, scan };
  return scan;
}

/** Phrases of the whole taxonomy found in a text (for the library's document frequencies). */
export function phrasesIn(title: string, text: string, topics: TopicRecord[]): string[] {
  const scan = scanPhrases({ title, text }, topics);
  return scan.matcher.phrases.filter((_, i) => scan.counts[i]! > 0 || scan.inTitle[i]! > 0);
}

/** A topic's phrases as indexes into the scan's (none for a topic not in the scanned list). */
export function phraseIds(scan: Pick<PhraseScan, 'matcher'>, topic: TopicRecord): Int32Array {
  return scan.matcher.of.get(topic) ?? Int32Array.from(topic.phrases.filter((p) => scan.matcher.id.has(p)), (p) => scan.matcher.id.get(p)!);
}

/** How many of a topic's phrases the scanned title has. */
export function inTitleCount(scan: PhraseScan, topic: TopicRecord): number {
  return inTitleOf(scan, phraseIds(scan, topic));
}

/** How many of these phrases (`phraseIds`) the scanned title has. */
export function inTitleOf(scan: PhraseScan, ids: Int32Array): number {
  let n = 0;
  for (let k = 0; k < ids.length; k++) n += scan.inTitle[ids[k]!]!;
  return n;
}

const idfs = new WeakMap<PhraseStats, WeakMap<PhraseScan['matcher'], Float64Array>>();

/**
 * The rarity weight of each phrase of a matcher under statistics that do not change (a model's):
 * kept, so scoring a text reads a number instead of looking a phrase up.
 */
export function phraseIdf(matcher: PhraseScan['matcher'], stats: PhraseStats): Float64Array {
  let byMatcher = idfs.get(stats);
  if (!byMatcher) idfs.set(stats, (byMatcher = new WeakMap()));
  let hit = byMatcher.get(matcher);
  if (!hit) byMatcher.set(matcher, (hit = Float64Array.from(matcher.phrases, (p) => idfOf(stats, p))));
  return hit;
}

const idfOf = (stats: PhraseStats, phrase: string): number => Math.log((stats.docs + 1) / ((stats.df[phrase] ?? 0) + 1)) + 1;

/** {@link phraseEvidence}'s score alone, for these phrases (`phraseIds`) with their weights (`phraseIdf`): the same number, nothing allocated. */
export function phraseScore(scan: PhraseScan, ids: Int32Array, idf: Float64Array): number {
  const scale = Math.min(1, ARTICLE_LENGTH / Math.max(1, scan.length));
  let score = 0;
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k]!;
    const n = scan.counts[i]! * scale;
    const title = scan.inTitle[i] === 1;
    if (n < MIN_COUNT && !title) continue;
    score += (Math.log1p(n) + (title ? TITLE_BOOST : 0)) * idf[i]!;
  }
  return score;
}

/** A topic's 提法 in a scanned text (`scan` of a list holding the topic): those found, how many are in the title, and their IDF-weighted score. */
export function phraseEvidence(scan: PhraseScan, topic: TopicRecord, stats: PhraseStats): { score: number; found: string[]; inTitle: number } {
  // In a long text a phrase must come up often to say what it is about: counts are scaled
  // to an article's length (a phrase met twice in a 600-page manual says little).
  const scale = Math.min(1, ARTICLE_LENGTH / Math.max(1, scan.length));
  let score = 0;
  let inTitle = 0;
  const found: string[] = [];
  for (const i of phraseIds(scan, topic)) {
    const phrase = scan.matcher.phrases[i]!;
    const n = scan.counts[i]! * scale;
    const title = scan.inTitle[i] === 1;
    if (n < MIN_COUNT && !title) continue;
    found.push(phrase);
    if (title) inTitle++;
    score += (Math.log1p(n) + (title ? TITLE_BOOST : 0)) * idfOf(stats, phrase);
  }
  return { score, found, inTitle };
}
