/**
 * A topic's 提法 found in a text, the evidence suggestions weigh beside the classifier: each
 * phrase counted once per text (import counts the library's statistics and suggests from the
 * same text, so counts are kept for the last text), scaled to an article's length, weighted by
 * rarity (IDF over a set of documents), with a bonus for the title.
 *
 * @example
 * phraseEvidence({ title: '为基层减负', text: '…' }, { path: '基层治理/基层减负', phrases: ['减负'] }, { docs: 100, df: { 减负: 3 } });
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
/** The last long text's first {@link MAX_TEXT} characters: the same string each time, so its counts are kept. */
let head: { text: string; head: string } | undefined;

const headOf = (text: string): string => {
  if (text.length <= MAX_TEXT) return text;
  if (head?.text !== text) head = { text, head: text.slice(0, MAX_TEXT) };
  return head.head;
};

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

/** Phrases of the whole taxonomy found in a text (for the library's document frequencies). */
export function phrasesIn(title: string, text: string, topics: TopicRecord[]): string[] {
  const body = headOf(text);
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
  const text = headOf(doc.text);
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
    score += (Math.log1p(n) + (title ? TITLE_BOOST : 0)) * (Math.log((stats.docs + 1) / ((stats.df[phrase] ?? 0) + 1)) + 1);
  }
  return { score, found, inTitle };
}
