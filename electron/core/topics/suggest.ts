/**
 * Topic suggestions for a document: each topic's key phrases (提法) found in its text, weighted
 * by how rare they are in the library (IDF), counted with diminishing returns, boosted when the
 * title has them, and scaled by what the user taught: topics they accepted on other documents
 * rise, those they rejected fall.
 *
 * @example
 * suggest({ title, text }, topics, stats, feedback); // → [{ id: '基层治理/基层减负', score: 7.1, phrases: ['基层减负'] }, …]
 */
import type { SuggestedTopic } from '../../shared/types.js';
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
/** Suggestions scoring under this share of the best one are not shown. */
export const RELATIVE_FLOOR = 0.15;
/** Longest text read for phrases (a long PDF's first part says what it is about). */
export const MAX_TEXT = 300_000;

const countIn = (text: string, phrase: string): number => {
  let n = 0;
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + phrase.length)) n++;
  return n;
};

/** What the user taught, as a factor: each accept +30 %, each reject −30 % (compounded, bounded). */
export function learned(f: { accepted: number; rejected: number } | undefined): number {
  if (!f) return 1;
  return Math.min(4, Math.max(0.1, 1.3 ** f.accepted * 0.7 ** f.rejected));
}

/** Phrases of the whole taxonomy found in a text (for the library's document frequencies). */
export function phrasesIn(text: string, topics: TopicRecord[]): string[] {
  const body = text.slice(0, MAX_TEXT);
  return [...new Set(topics.flatMap((t) => t.phrases))].filter((p) => body.includes(p));
}

export function suggest(doc: { title: string; text: string }, topics: TopicRecord[], stats: PhraseStats, feedback: Feedback, limit = 8): SuggestedTopic[] {
  const text = doc.text.slice(0, MAX_TEXT);
  const idf = (p: string): number => Math.log((stats.docs + 1) / ((stats.df[p] ?? 0) + 1)) + 1;
  const out: SuggestedTopic[] = [];
  for (const topic of topics) {
    let score = 0;
    const found: string[] = [];
    for (const phrase of topic.phrases) {
      // In a long text a phrase must come up often to say what it is about: counts are scaled
      // to an article's length (a phrase met twice in a 600-page manual says little).
      const n = countIn(text, phrase) * Math.min(1, ARTICLE_LENGTH / Math.max(1, text.length));
      const inTitle = doc.title.includes(phrase);
      if (n < MIN_COUNT && !inTitle) continue;
      found.push(phrase);
      score += (Math.log1p(n) + (inTitle ? TITLE_BOOST : 0)) * idf(phrase);
    }
    if (!score) continue;
    score *= learned(feedback[topic.path]);
    const name = topic.path.split('/').pop()!;
    out.push({ id: topic.path, name, path: topic.path, score: Math.round(score * 100) / 100, phrases: found });
  }
  out.sort((a, b) => b.score - a.score || a.path.localeCompare(b.path));
  // Far weaker than the best is noise (a word that happens to appear): leave it out.
  const floor = (out[0]?.score ?? 0) * RELATIVE_FLOOR;
  return out.filter((s) => s.score >= floor).slice(0, limit);
}
