/**
 * 复习: cards made from highlights (the whole quote, or a cloze with words hidden) and from a
 * topic's 提法, scheduled by FSRS (`schedule.ts`), kept apart from the library file
 * (`review-store.ts`). The queue follows the day's limits; a grade can be undone; a highlight's
 * cards follow it and are suspended while it is deleted. Stats and an Anki export read the same.
 *
 * @example
 * const review = createReview(ctx);
 * await review.addCards({ highlightId: 'h_1', kind: 'cloze', hide: ['以人民为中心'] });
 * const queue = await review.queue({});
 * await review.grade({ id: queue.items[0].card.id, rating: 3 });
 * await review.undo();
 */
import { randomUUID } from 'node:crypto';
import { fail } from '../../shared/error-words.js';
import type { ExportFile, Highlight, ReviewCard, ReviewItem, ReviewLogEntry, ReviewQueue, ReviewSettings, ReviewStats } from '../../shared/types.js';
import type { CoreContext } from '../library/context.js';
import { lookupOf } from '../library/lookup.js';
import { topicsOf } from '../topics/topics.js';
import { ankiNotes, ankiText } from './anki.js';
import { ankiPackage } from './anki-package.js';
import { dayOf } from '../../shared/day.js';
import { DEFAULT_REVIEW } from './defaults.js';
import { openReviewStore, type ReviewEvent, type ReviewStore } from './review-store.js';

export { DEFAULT_REVIEW };

const endOfDay = (ms: number): number => {
  const d = new Date(ms);
  d.setHours(23, 59, 59, 999);
  return d.getTime();
};
/**
 * How far ahead a learning step is offered (Anki's learn-ahead limit): a step due minutes after
 * midnight stays in a late-evening session instead of vanishing until tomorrow.
 */
export const LEARN_AHEAD_MS = 20 * 60_000;

/** A random number generator seeded by a string (mulberry32 over a string hash): the same day, the same draws. */
function seeded(seed: string): () => number {
  let a = 0;
  for (let i = 0; i < seed.length; i++) a = (Math.imul(a, 31) + seed.charCodeAt(i)) | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Where a topic is counted in the queue by topic: its theme (first level), or its 科目 (科目/申论). */
export const groupOf = (path: string): string => {
  const parts = path.split('/');
  return parts[0] === '科目' && parts[1] ? `${parts[0]}/${parts[1]}` : parts[0]!;
};

/** Days from one `YYYY-MM-DD` to another. */
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** How much an exam ahead raises a highlight's chance in 今日回顾: up to 4× on the eve of an exam of one of its topics, rising over the 90 days before; 1 otherwise. */
export const EXAM_WINDOW_DAYS = 90;
export function examWeight(topics: readonly string[], exams: readonly { topic: string; date: string }[], today: string): number {
  let weight = 1;
  for (const exam of exams) {
    const left = daysBetween(today, exam.date);
    if (left < 0 || left > EXAM_WINDOW_DAYS) continue;
    if (!topics.some((t) => t === exam.topic || t.startsWith(`${exam.topic}/`))) continue;
    weight = Math.max(weight, 1 + 3 * (1 - left / EXAM_WINDOW_DAYS));
  }
  return weight;
}

/** The 提法 of the taxonomy found in a quote, longest first, none inside another: what a cloze may hide. */
export function proposeCloze(quote: string, phrases: Iterable<string>): string[] {
  const found = [...new Set(phrases)].filter((p) => p.length >= 2 && quote.includes(p)).sort((a, b) => b.length - a.length);
  const kept: string[] = [];
  for (const p of found) if (!kept.some((k) => k.includes(p))) kept.push(p);
  return kept.sort((a, b) => quote.indexOf(a) - quote.indexOf(b));
}

/** The quote with each hidden word blanked (every occurrence). */
export const blanked = (quote: string, hide: readonly string[]): string =>
  [...hide].sort((a, b) => b.length - a.length).reduce((text, word) => text.split(word).join('＿'.repeat(Math.min(8, Math.max(2, word.length)))), quote);

export interface Review {
  queue(args: { topic?: string; limit?: number }): Promise<ReviewQueue>;
  addCards(args: { highlightId: string; kind: 'quote' | 'cloze'; hide?: string[] }): Promise<ReviewCard>;
  addTopicCards(args: { topic: string }): Promise<{ added: number }>;
  removeCard(args: { id: string }): Promise<{ removed: ReviewCard }>;
  listCards(args: { highlightId?: string }): Promise<ReviewCard[]>;
  grade(args: { id: string; rating: 1 | 2 | 3 | 4 }): Promise<ReviewCard>;
  /** When the card would be due after each grade now (the grade buttons' intervals). */
  preview(args: { id: string }): Promise<Record<1 | 2 | 3 | 4, number>>;
  /** Takes back the last grade of this session (Z). */
  undo(): Promise<ReviewCard | undefined>;
  stats(): Promise<ReviewStats>;
  /** Cloze proposals for a highlight: the taxonomy's 提法 found in its quote. */
  propose(args: { highlightId: string }): Promise<string[]>;
  exportAnki(args: { topic?: string; format?: 'apkg' | 'tsv' }): Promise<ExportFile>;
  /**
   * 今日回顾: `n` highlights to read today (the same all day), drawn at random weighted toward
   * those never reviewed (no card, or a card not yet graded): 3× those with cards seen once or
   * twice, 6× those reviewed more; and toward topics with an exam ahead (see {@link examWeight}).
   */
  daily(args: { n?: number }): Promise<{ highlight: Highlight; title: string }[]>;
  /** Every grade in the log (for re-fitting FSRS; backups). */
  history(): ReturnType<ReviewStore['history']>;
  /** The cards with their state and their log, for a backup. */
  backup(): Promise<ReviewBackup>;
  /** Adds a backup's cards this library does not have, with their state and their log; returns how many. */
  restore(backup: ReviewBackup): Promise<number>;
  close(): Promise<void>;
}

/** The scheduler (ts-fsrs), loaded on the first card made or graded: a library never reviewed never loads it. */
const schedule = (): Promise<typeof import('./schedule.js')> => import('./schedule.js');

/** 复习's part of a backup: the cards with their FSRS state, and the grades and undos of the log. */
export interface ReviewBackup {
  cards: ReviewCard[];
  events: ReviewEvent[];
}

export function settingsOf(ctx: CoreContext): ReviewSettings {
  return { ...DEFAULT_REVIEW, ...ctx.store.data.preferences?.review };
}

export function createReview(ctx: CoreContext): Review {
  let opened: Promise<ReviewStore> | undefined;
  const store = (): Promise<ReviewStore> => (opened ??= openReviewStore(ctx.libraryDir));
  /** Grades of this session, newest last, for undo. */
  const undoStack: { id: string; before: ReviewCard['fsrs']; log: ReviewLogEntry; day: string }[] = [];
  /** The scheduler at the retention last used (made again when the setting changes). */
  let scheduled: { retention: number; scheduler: import('./schedule.js').Scheduler } | undefined;
  const schedulerNow = async (): Promise<import('./schedule.js').Scheduler> => {
    const { scheduler } = await schedule();
    const retention = settingsOf(ctx).retention;
    if (scheduled?.retention !== retention) scheduled = { retention, scheduler: scheduler({ retention }) };
    return scheduled.scheduler;
  };

  const highlightsById = (): Map<string, Highlight> => new Map(ctx.store.data.highlights.map((h) => [h.id, h]));
  const titleOf = (docId: string): string => lookupOf(ctx).byId(docId)?.title ?? '';

  /** The card as shown, or undefined when suspended (its highlight deleted). */
  const itemOf = (card: ReviewCard, highlights: Map<string, Highlight>): ReviewItem | undefined => {
    if (card.kind === 'tifa') {
      const text = card.text ?? '';
      const half = Math.ceil(text.length / 2);
      return { card, front: `${card.topic?.split('/').pop() ?? ''}：${text.slice(0, text.length - half)}${'＿'.repeat(half)}`, back: text, answers: [text.slice(text.length - half)], topics: card.topic ? [card.topic] : [] };
    }
    const h = card.highlightId ? highlights.get(card.highlightId) : undefined;
    if (!h) return undefined;
    const quote = h.target.selector[0];
    const source = { docId: h.docId, title: titleOf(h.docId), highlightId: h.id, ...(h.at?.page ? { page: h.at.page } : {}) };
    if (card.kind === 'cloze') {
      const hide = (card.hide ?? []).filter((w) => quote.exact.includes(w));
      return { card, front: blanked(quote.exact, hide), back: quote.exact, answers: hide, topics: h.topics, source };
    }
    const context = `${quote.prefix.slice(-24)}【……】${quote.suffix.slice(0, 24)}`;
    return { card, front: context, back: quote.exact, answers: [], topics: h.topics, source };
  };

  const find = async (id: string): Promise<ReviewCard> => {
    const card = (await store()).cards.get(id);
    if (!card) throw fail('review.no-card', { id });
    return card;
  };

  return {
    async queue({ topic, limit = 200 }) {
      const s = await store();
      const now = ctx.now();
      const today = s.days.get(dayOf(now));
      const settings = settingsOf(ctx);
      const highlights = highlightsById();
      const until = endOfDay(now);
      const learningUntil = Math.max(until, now + LEARN_AHEAD_MS);
      const learning: ReviewItem[] = [];
      const reviews: ReviewItem[] = [];
      const fresh: ReviewItem[] = [];
      const byTopic = new Map<string, number>();
      for (const card of s.cards.values()) {
        const isNew = card.fsrs.state === 0;
        if (!isNew && card.fsrs.due > (card.fsrs.state === 2 ? until : learningUntil)) continue;
        const item = itemOf(card, highlights);
        if (!item) continue;
        if (topic && !item.topics.some((t) => t === topic || t.startsWith(`${topic}/`))) continue;
        const list = isNew ? fresh : card.fsrs.state === 2 ? reviews : learning;
        list.push(item);
      }
      learning.sort((a, b) => a.card.fsrs.due - b.card.fsrs.due);
      reviews.sort((a, b) => a.card.fsrs.due - b.card.fsrs.due);
      fresh.sort((a, b) => a.card.createdAt - b.card.createdAt);
      const reviewsLeft = Math.max(0, settings.reviewsPerDay - ((today?.reviews ?? 0) - (today?.new ?? 0)));
      const newLeft = Math.max(0, settings.newPerDay - (today?.new ?? 0));
      const items = [...learning, ...reviews.slice(0, reviewsLeft), ...fresh.slice(0, newLeft)];
      for (const item of items) {
        for (const t of new Set(item.topics.map(groupOf))) byTopic.set(t, (byTopic.get(t) ?? 0) + 1);
      }
      return {
        items: items.slice(0, limit),
        due: { learning: learning.length, review: Math.min(reviews.length, reviewsLeft), new: Math.min(fresh.length, newLeft) },
        byTopic: [...byTopic].map(([t, due]) => ({ topic: t, due })).sort((a, b) => b.due - a.due),
        doneToday: { new: today?.new ?? 0, reviews: today?.reviews ?? 0 },
      };
    },

    async addCards({ highlightId, kind, hide }) {
      const h = highlightsById().get(highlightId);
      if (!h) throw fail('highlights.no-highlight', { id: highlightId });
      const words = (hide ?? []).map((w) => w.trim()).filter((w) => w && h.target.selector[0].exact.includes(w));
      if (kind === 'cloze' && !words.length) throw fail('review.cloze-empty');
      const s = await store();
      const same = [...s.cards.values()].find((c) => c.highlightId === highlightId && c.kind === kind && (kind === 'quote' || (c.hide ?? []).join('\u0000') === words.join('\u0000')));
      if (same) return same;
      const now = ctx.now();
      const { newCardState } = await schedule();
      const card: ReviewCard = { id: `c_${randomUUID().slice(0, 12)}`, kind, highlightId, ...(kind === 'cloze' ? { hide: words } : {}), createdAt: now, fsrs: newCardState(now) };
      await s.apply({ t: 'add', card });
      return card;
    },

    async addTopicCards({ topic }) {
      const t = topicsOf(ctx).find((x) => x.path === topic);
      if (!t) throw fail('topics.no-topic', { path: topic });
      const s = await store();
      const have = new Set([...s.cards.values()].filter((c) => c.kind === 'tifa' && c.topic === topic).map((c) => c.text));
      let added = 0;
      const now = ctx.now();
      const { newCardState } = await schedule();
      for (const phrase of t.phrases) {
        if (phrase.length < 2 || have.has(phrase)) continue;
        await s.apply({ t: 'add', card: { id: `c_${randomUUID().slice(0, 12)}`, kind: 'tifa', topic, text: phrase, createdAt: now + added, fsrs: newCardState(now) } });
        added++;
      }
      return { added };
    },

    async removeCard({ id }) {
      const card = await find(id);
      await (await store()).apply({ t: 'remove', id });
      return { removed: card };
    },

    async listCards({ highlightId }) {
      const all = [...(await store()).cards.values()];
      return highlightId ? all.filter((c) => c.highlightId === highlightId) : all;
    },

    async grade({ id, rating }) {
      const card = await find(id);
      const now = ctx.now();
      const before = card.fsrs;
      const { card: next, log } = (await schedulerNow()).grade(before, rating, now);
      await (await store()).apply({ t: 'grade', id, card: next, log, day: dayOf(now) });
      undoStack.push({ id, before, log, day: dayOf(now) });
      return card;
    },

    async preview({ id }) {
      const card = await find(id);
      return (await schedulerNow()).preview(card.fsrs, ctx.now());
    },

    async undo() {
      const last = undoStack.pop();
      if (!last) return undefined;
      const s = await store();
      const card = s.cards.get(last.id);
      if (!card) return undefined;
      await s.apply({ t: 'undo', id: last.id, card: last.before, log: last.log, day: last.day });
      return card;
    },

    async stats() {
      const s = await store();
      const now = ctx.now();
      const highlights = highlightsById();
      const states = { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0 };
      const load = new Map<string, number>();
      for (let i = 0; i < 30; i++) load.set(dayOf(now + i * 86_400_000), 0);
      for (const card of s.cards.values()) {
        if (card.kind !== 'tifa' && !(card.highlightId && highlights.has(card.highlightId))) {
          states.suspended++;
          continue;
        }
        states[(['new', 'learning', 'review', 'relearning'] as const)[card.fsrs.state]]++;
        if (card.fsrs.state !== 0) {
          const day = dayOf(Math.max(now, card.fsrs.due));
          if (load.has(day)) load.set(day, load.get(day)! + 1);
        }
      }
      const yearAgo = dayOf(now - 365 * 86_400_000);
      const monthAgo = dayOf(now - 30 * 86_400_000);
      let reviewed = 0;
      let passed = 0;
      const days: { day: string; reviews: number }[] = [];
      for (const [day, c] of [...s.days].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        if (day >= yearAgo && c.reviews > 0) days.push({ day, reviews: c.reviews });
        if (day >= monthAgo) {
          reviewed += c.reviewed;
          passed += c.passed;
        }
      }
      return { cards: s.cards.size, days, ...(reviewed ? { retention: passed / reviewed } : {}), states, load: [...load].map(([day, due]) => ({ day, due })) };
    },

    async propose({ highlightId }) {
      const h = highlightsById().get(highlightId);
      if (!h) throw fail('highlights.no-highlight', { id: highlightId });
      return proposeCloze(h.target.selector[0].exact, topicsOf(ctx).flatMap((t) => t.phrases));
    },

    async exportAnki({ topic, format = 'apkg' }) {
      const s = await store();
      const highlights = highlightsById();
      const items: ReviewItem[] = [];
      for (const card of s.cards.values()) {
        const item = itemOf(card, highlights);
        if (item && (!topic || item.topics.some((t) => t === topic || t.startsWith(`${topic}/`)))) items.push(item);
      }
      const notes = ankiNotes(items, highlights);
      if (format === 'tsv') return { filename: '研读复习卡片.txt', mime: 'text/tab-separated-values', encoding: 'utf8', content: ankiText(notes) };
      const bytes = await ankiPackage(notes, ctx.now());
      return { filename: '研读复习卡片.apkg', mime: 'application/octet-stream', encoding: 'base64', content: bytes.toString('base64') };
    },

    async daily({ n = 5 }) {
      const s = await store();
      const reps = new Map<string, number>();
      for (const c of s.cards.values()) if (c.highlightId) reps.set(c.highlightId, Math.max(reps.get(c.highlightId) ?? 0, c.fsrs.reps));
      const exams = settingsOf(ctx).exams ?? [];
      const today = dayOf(ctx.now());
      const pool = ctx.store.data.highlights.map((h) => {
        const r = reps.get(h.id) ?? 0;
        return { h, weight: (r === 0 ? 6 : r <= 2 ? 2 : 1) * examWeight(h.topics, exams, today) };
      });
      const random = seeded(dayOf(ctx.now()));
      const out: { highlight: Highlight; title: string }[] = [];
      // Weighted draws without replacement (Efraimidis–Spirakis keys): the day's seed decides.
      const keyed = pool.map((p) => ({ ...p, key: Math.pow(random(), 1 / p.weight) })).sort((a, b) => b.key - a.key);
      for (const { h } of keyed.slice(0, n)) out.push({ highlight: h, title: titleOf(h.docId) });
      return out;
    },
    history: async () => (await store()).history(),
    async backup() {
      const s = await store();
      return { cards: [...s.cards.values()], events: await s.events() };
    },
    async restore(backup) {
      const s = await store();
      let added = 0;
      for (const card of backup.cards ?? []) {
        if (s.cards.has(card.id)) continue;
        // Added as it was, its log after it (the days' counts), then its state as saved again.
        await s.apply({ t: 'add', card: { ...card } });
        for (const e of backup.events ?? []) if ((e.t === 'grade' || e.t === 'undo') && e.id === card.id) await s.apply(e);
        await s.apply({ t: 'add', card: { ...card } });
        added++;
      }
      return added;
    },
    async close() {
      if (opened) await (await opened).close();
    },
  };
}
