/**
 * 复习 at scale: 10,000 cards and 100,000 review-log entries (grades computed by ts-fsrs over
 * a simulated year, written as the app writes them), in a real library with real highlights.
 * Measured in the same run:
 * - the due queue (`reviewQueue`), p95 of 30, with the store open (target ≤ 50 ms), and the first
 *   one after opening the library (which loads the snapshot) — timed once the library has settled;
 * - a grade stored (`gradeCard`: scheduled, appended to the log), p95 of 300 (target ≤ 5 ms);
 * - both against the same calls on 100 cards and 1,000 log entries (the baseline).
 *
 * @example
 * const rows = await benchReview(); // → Markdown table rows
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../electron/core/index';
import { newCardState, scheduler } from '../electron/core/review/schedule';
import type { ReviewEvent } from '../electron/core/review/review-store';
import { dayOf } from '../electron/shared/day';
import type { ReviewCard } from '../electron/shared/types';

const DAY = 86_400_000;
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(0));

/** A library with `cards` cards on 200 real highlights and about `grades` grades a year long, ending now. */
async function libraryWith(root: string, cards: number, grades: number, now: number): Promise<string> {
  const library = join(root, `lib-${cards}`);
  const core = await createCore({ libraryDir: library, watch: false, now: () => now });
  await core.api.addSample({});
  const docs = (await core.api.listDocuments({})).filter((d) => d.kind !== 'pdf');
  const highlights: string[] = [];
  for (let i = 0; highlights.length < 200; i++) {
    const doc = docs[i % docs.length]!;
    const text = (await core.api.getDocument({ id: doc.id })).text!;
    const start = (i * 37) % Math.max(1, text.length - 40);
    highlights.push((await core.api.addHighlight({ docId: doc.id, start, end: start + 20, color: 'yellow' })).id);
  }
  await core.close();
  // The log as the app writes it: the cards added a year ago, then graded when due.
  mkdirSync(join(library, 'review'), { recursive: true });
  const log = join(library, 'review', 'log.jsonl');
  const s = scheduler({ retention: 0.9 });
  const start = now - 365 * DAY;
  const perCard = Math.max(1, Math.round(grades / cards));
  let lines: string[] = [];
  const flush = (): void => {
    appendFileSync(log, lines.join(''));
    lines = [];
  };
  for (let c = 0; c < cards; c++) {
    const created = start + (c % 300) * DAY;
    const card: ReviewCard = { id: `c_bench${c}`, kind: c % 2 ? 'cloze' : 'quote', highlightId: highlights[c % highlights.length]!, ...(c % 2 ? { hide: ['基层'] } : {}), createdAt: created, fsrs: newCardState(created) };
    lines.push(`${JSON.stringify({ t: 'add', card } satisfies ReviewEvent)}\n`);
    let at = created;
    for (let g = 0; g < perCard && at < now; g++) {
      const rating = ((c + g) % 7 === 0 ? 1 : 3) as 1 | 3;
      const { card: next, log: entry } = s.grade(card.fsrs, rating, at);
      card.fsrs = next;
      lines.push(`${JSON.stringify({ t: 'grade', id: card.id, card: next, log: entry, day: dayOf(at) } satisfies ReviewEvent)}\n`);
      at = Math.max(at + 10 * 60_000, next.due);
    }
    if (lines.length > 5000) flush();
  }
  flush();
  return library;
}

async function measure(library: string, now: number): Promise<{ firstQueue: number; queueP95: number; gradeP95: number; due: number; cards: number }> {
  let clock = now;
  // Opened once so the snapshot is written (as after the first session), then timed on a fresh open.
  let core = await createCore({ libraryDir: library, watch: false, now: () => clock });
  await core.api.reviewQueue({});
  await core.close();
  core = await createCore({ libraryDir: library, watch: false, now: () => clock });
  // Timed once the library has settled (its search index open, its start-up work done), as a
  // reader's session would be.
  await core.api.search({ query: '基层', limit: 1 });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  let t = performance.now();
  const first = await core.api.reviewQueue({});
  const firstQueue = performance.now() - t;
  const queues: number[] = [];
  for (let i = 0; i < 30; i++) {
    t = performance.now();
    await core.api.reviewQueue({});
    queues.push(performance.now() - t);
  }
  const cards = await core.api.listReviewCards({});
  // Warmed up first (the scheduler is loaded on the first grade), then timed.
  for (let i = 0; i < 30; i++) await core.api.gradeCard({ id: cards[i % cards.length]!.id, rating: 3 });
  const grades: number[] = [];
  for (let i = 0; i < 300; i++) {
    const card = cards[(i * 7919) % cards.length]!;
    clock += 1000;
    t = performance.now();
    await core.api.gradeCard({ id: card.id, rating: (1 + (i % 4)) as 1 | 2 | 3 | 4 });
    grades.push(performance.now() - t);
  }
  await core.close();
  return { firstQueue, queueP95: pct(queues, 95), gradeP95: pct(grades, 95), due: first.items.length, cards: cards.length };
}

export async function benchReview(): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'yandu-review-'));
  try {
    const now = Date.UTC(2026, 11, 7, 2, 0, 0);
    const smallLibrary = await libraryWith(root, 100, 1_000, now);
    const bigLibrary = await libraryWith(root, 10_000, 100_000, now);
    // Each measured twice, alternately, the second kept: the first run of a process warms it up.
    await measure(smallLibrary, now);
    await measure(bigLibrary, now);
    const small = await measure(smallLibrary, now);
    const big = await measure(bigLibrary, now);
    return [
      `| 复习 due queue, 10,000 cards and 100,000 log entries (p95 of 30) | **${ms(big.queueP95)} ms** (${big.due} cards in it; the first after opening the library: ${ms(big.firstQueue)} ms) — ${ms(small.queueP95)} ms on 100 cards and 1,000 entries, ${(big.queueP95 / small.queueP95).toFixed(1)}× | ≤ 50 ms |`,
      `| 复习 grade stored (scheduled by ts-fsrs, appended to the log), p95 of 300 | **${ms(big.gradeP95)} ms** at 10,000 cards — ${ms(small.gradeP95)} ms at 100, ${(big.gradeP95 / small.gradeP95).toFixed(1)}× | ≤ 5 ms |`,
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) for (const row of await benchReview()) console.log(row);
