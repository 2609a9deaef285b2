/**
 * 复习 as the API carries it: the settings, a card's FSRS state and log, the cards, the queue and
 * the stats. Re-exported by `types.ts`.
 *
 * @example
 * const settings: ReviewSettings = { retention: 0.9, newPerDay: 20, reviewsPerDay: 200 };
 */

export interface ReviewSettings {
  retention: number;
  newPerDay: number;
  reviewsPerDay: number;
  /** Exams ahead, by topic (a 科目 or a theme) and date: 今日回顾 favours their highlights as the day nears. */
  exams?: { topic: string; date: string }[];
}

/** A review card's FSRS state (times in ms): `state` 0 new, 1 learning, 2 review, 3 relearning. */
export interface CardState {
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: 0 | 1 | 2 | 3;
  lastReview?: number;
}

/** One review as FSRS logs it (kept so the parameters can be fitted to the user later). */
export interface ReviewLogEntry {
  rating: 1 | 2 | 3 | 4;
  /** The card's state before the review. */
  state: 0 | 1 | 2 | 3;
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  review: number;
}

/**
 * A 复习 card: a highlight to recall whole (`quote`), a highlight with words hidden (`cloze`),
 * or one 提法 of a topic (`tifa`). A highlight's cards follow it (its words are read from it when
 * shown); deleting the highlight suspends them, restoring it brings them back.
 */
export interface ReviewCard {
  id: string;
  kind: 'quote' | 'cloze' | 'tifa';
  highlightId?: string;
  /** Cloze: the words hidden, in the quote's order. */
  hide?: string[];
  /** 提法 cards: the topic and the 提法. */
  topic?: string;
  text?: string;
  createdAt: number;
  fsrs: CardState;
}

/** A card as the 复习 page shows it: what to recall, the answer, where it comes from. */
export interface ReviewItem {
  card: ReviewCard;
  /** The prompt: the quote's context with the quote left out, the quote with its cloze words blanked, or the topic. */
  front: string;
  /** The answer in full. */
  back: string;
  /** Cloze and 提法: the hidden words. */
  answers: string[];
  topics: string[];
  source?: { docId: string; title: string; highlightId?: string; page?: number };
}

export interface ReviewQueue {
  /** What to review now, in order: learning cards due, reviews due, then new cards (within the day's limits). */
  items: ReviewItem[];
  due: { new: number; learning: number; review: number };
  /** Due today by topic: each 科目 (科目/申论) and each theme's first level. */
  byTopic: { topic: string; due: number }[];
  doneToday: { new: number; reviews: number };
}

export interface ReviewStats {
  cards: number;
  /** Reviews per day (local dates), the last year. */
  days: { day: string; reviews: number }[];
  /** True retention: the share of reviews of cards in review state that were not Again, the last 30 days. */
  retention?: number;
  states: { new: number; learning: number; review: number; relearning: number; suspended: number };
  /** Cards due each of the next 30 days. */
  load: { day: string; due: number }[];
}
