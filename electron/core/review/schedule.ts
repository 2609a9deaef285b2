/**
 * Scheduling by FSRS through `ts-fsrs` (the scheduler Anki ships): a card's state after a grade,
 * at the desired retention the user set (0.70–0.97, default 0.90), intervals fuzzed as Anki does.
 * Card states are kept as plain numbers (times in ms) so they can be stored as JSON.
 *
 * @example
 * const s = scheduler({ retention: 0.9 });
 * const { card, log } = s.grade(newCardState(now), 3, now); // Good
 * card.due; // → when it is due next (ms)
 */
import { createEmptyCard, fsrs, type Card, type Grade, type ReviewLog } from 'ts-fsrs';
import type { CardState, ReviewLogEntry } from '../../shared/types.js';

export const DEFAULT_RETENTION = 0.9;

const toCard = (s: CardState): Card => ({
  due: new Date(s.due),
  stability: s.stability,
  difficulty: s.difficulty,
  elapsed_days: s.elapsedDays,
  scheduled_days: s.scheduledDays,
  learning_steps: s.learningSteps,
  reps: s.reps,
  lapses: s.lapses,
  state: s.state,
  ...(s.lastReview !== undefined ? { last_review: new Date(s.lastReview) } : {}),
});

const fromCard = (c: Card): CardState => ({
  due: c.due.getTime(),
  stability: c.stability,
  difficulty: c.difficulty,
  elapsedDays: c.elapsed_days,
  scheduledDays: c.scheduled_days,
  learningSteps: c.learning_steps,
  reps: c.reps,
  lapses: c.lapses,
  state: c.state as CardState['state'],
  ...(c.last_review ? { lastReview: c.last_review.getTime() } : {}),
});

const fromLog = (l: ReviewLog): ReviewLogEntry => ({
  rating: l.rating as ReviewLogEntry['rating'],
  state: l.state as ReviewLogEntry['state'],
  due: l.due.getTime(),
  stability: l.stability,
  difficulty: l.difficulty,
  elapsedDays: l.elapsed_days,
  scheduledDays: l.scheduled_days,
  review: l.review.getTime(),
});

/** A new card's state, due at `now`. */
export const newCardState = (now: number): CardState => fromCard(createEmptyCard(new Date(now)));

export interface Scheduler {
  /** The card after grade `rating` (1 Again, 2 Hard, 3 Good, 4 Easy) at `now`, with the review's log. */
  grade(state: CardState, rating: 1 | 2 | 3 | 4, now: number): { card: CardState; log: ReviewLogEntry };
  /** When the card would be due after each grade at `now` (ms), as the grade buttons show it. */
  preview(state: CardState, now: number): Record<1 | 2 | 3 | 4, number>;
}

export function scheduler(options: { retention?: number; fuzz?: boolean } = {}): Scheduler {
  const f = fsrs({ request_retention: options.retention ?? DEFAULT_RETENTION, enable_fuzz: options.fuzz ?? true });
  return {
    grade(state, rating, now) {
      const { card, log } = f.next(toCard(state), new Date(now), rating as Grade);
      return { card: fromCard(card), log: fromLog(log) };
    },
    preview(state, now) {
      const all = f.repeat(toCard(state), new Date(now));
      return { 1: all[1].card.due.getTime(), 2: all[2].card.due.getTime(), 3: all[3].card.due.getTime(), 4: all[4].card.due.getTime() };
    },
  };
}
