/**
 * Where 复习 keeps its cards and their history, apart from `yandu.json` (a grade every few seconds
 * must not rewrite the library): `review/log.jsonl`, every card added or removed and every grade
 * and undo, one line each, appended and never rewritten (the review log FSRS can be fitted to);
 * and `review/cards.json`, the cards and the reviews per day as of a byte of the log, written a
 * few seconds after the last change and on close. Opening reads the snapshot and replays the log
 * after it; a line cut short by a crash is skipped.
 *
 * @example
 * const store = await openReviewStore('/lib');
 * await store.apply({ t: 'add', card });
 * await store.apply({ t: 'grade', id: card.id, card: next, log, day: '2026-12-07' });
 * await store.close();
 */
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CardState, ReviewCard, ReviewLogEntry } from '../../shared/types.js';
import { writeFileAtomic } from '../store/atomic.js';

/** One line of the log. */
export type ReviewEvent =
  | { t: 'add'; card: ReviewCard }
  | { t: 'remove'; id: string }
  | { t: 'grade'; id: string; card: CardState; log: ReviewLogEntry; day: string }
  /** Undoes a grade: the card as it was, and the grade taken off its day's counts. */
  | { t: 'undo'; id: string; card: CardState; log: ReviewLogEntry; day: string };

/** Reviews on one day: all of them, new cards seen, and of cards in review state how many and how many passed (not Again). */
export interface DayCount {
  reviews: number;
  new: number;
  reviewed: number;
  passed: number;
}

const SNAPSHOT_VERSION = 1;
const SNAPSHOT_AFTER_MS = 5000;

export interface ReviewStore {
  readonly cards: Map<string, ReviewCard>;
  readonly days: Map<string, DayCount>;
  /** Applies an event and appends it to the log (the snapshot follows a few seconds later). */
  apply(event: ReviewEvent): Promise<void>;
  /** Every grade in the log, oldest first (for re-fitting FSRS, and export). */
  history(): Promise<{ id: string; log: ReviewLogEntry }[]>;
  /** The grades and undos of the log as written (for a backup). */
  events(): Promise<ReviewEvent[]>;
  /** Writes the snapshot now. */
  close(): Promise<void>;
}

function count(days: Map<string, DayCount>, day: string, log: ReviewLogEntry, sign: 1 | -1): void {
  const d = days.get(day) ?? { reviews: 0, new: 0, reviewed: 0, passed: 0 };
  d.reviews += sign;
  if (log.state === 0) d.new += sign;
  if (log.state === 2) {
    d.reviewed += sign;
    if (log.rating > 1) d.passed += sign;
  }
  days.set(day, d);
}

function replay(cards: Map<string, ReviewCard>, days: Map<string, DayCount>, event: ReviewEvent): void {
  switch (event.t) {
    case 'add':
      cards.set(event.card.id, event.card);
      return;
    case 'remove':
      cards.delete(event.id);
      return;
    case 'grade':
    case 'undo': {
      const card = cards.get(event.id);
      if (card) card.fsrs = event.card;
      count(days, event.day, event.log, event.t === 'grade' ? 1 : -1);
    }
  }
}

/** Bytes `[start, end)` of a file. */
async function readRangeOf(path: string, start: number, end: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(end - start);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function openReviewStore(libraryDir: string): Promise<ReviewStore> {
  const dir = join(libraryDir, 'review');
  const logPath = join(dir, 'log.jsonl');
  const snapshotPath = join(dir, 'cards.json');
  const cards = new Map<string, ReviewCard>();
  const days = new Map<string, DayCount>();
  let logBytes = 0;
  try {
    const saved = JSON.parse(await readFile(snapshotPath, 'utf8')) as { version: number; cards: ReviewCard[]; days: Record<string, DayCount>; logBytes: number };
    if (saved.version === SNAPSHOT_VERSION) {
      for (const card of saved.cards) cards.set(card.id, card);
      for (const [day, c] of Object.entries(saved.days)) days.set(day, c);
      logBytes = saved.logBytes;
    }
  } catch {
    // No snapshot (or a damaged one): the whole log is replayed.
  }
  // Only the log after the snapshot is read; a torn last line (a crash mid-append) is skipped and cut off.
  let size = (await stat(logPath).catch(() => undefined))?.size ?? 0;
  if (logBytes > size) {
    // The snapshot is ahead of the log (the log was replaced): replay all of it.
    cards.clear();
    days.clear();
    logBytes = 0;
  }
  const tail = size > logBytes ? await readRangeOf(logPath, logBytes, size) : Buffer.alloc(0);
  for (const line of tail.toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      replay(cards, days, JSON.parse(line) as ReviewEvent);
    } catch {
      // a line cut short
    }
  }
  if (tail.length > 0 && tail[tail.length - 1] !== 0x0a) {
    const handle = await open(logPath, 'r+');
    try {
      size = logBytes + tail.lastIndexOf(0x0a) + 1;
      await handle.truncate(size);
    } finally {
      await handle.close();
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  const snapshot = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    const content = JSON.stringify({ version: SNAPSHOT_VERSION, cards: [...cards.values()], days: Object.fromEntries(days), logBytes: size });
    writing = writing.then(() => writeFileAtomic(snapshotPath, content, { durable: false })).catch(() => undefined);
    return writing;
  };
  let appending: Promise<unknown> = mkdir(dir, { recursive: true });
  let handle: Awaited<ReturnType<typeof open>> | undefined;

  return {
    cards,
    days,
    async apply(event) {
      replay(cards, days, event);
      const line = Buffer.from(`${JSON.stringify(event)}\n`);
      // One append at a time, in order, through one open handle (no open per grade).
      appending = appending.then(async () => {
        handle ??= await open(logPath, 'a');
        await handle.write(line);
        size += line.length;
      });
      await appending;
      if (!timer) {
        timer = setTimeout(() => void snapshot(), SNAPSHOT_AFTER_MS);
        timer.unref();
      }
    },
    async events() {
      const all = await readFile(logPath, 'utf8').catch(() => '');
      const out: ReviewEvent[] = [];
      for (const line of all.split('\n')) {
        if (!line.trim()) continue;
        try {
          const e = JSON.parse(line) as ReviewEvent;
          if (e.t === 'grade' || e.t === 'undo') out.push(e);
        } catch {
          // a line cut short
        }
      }
      return out;
    },
    async history() {
      const all = await readFile(logPath, 'utf8').catch(() => '');
      const out: { id: string; log: ReviewLogEntry }[] = [];
      for (const line of all.split('\n')) {
        if (!line.trim()) continue;
        try {
          const e = JSON.parse(line) as ReviewEvent;
          if (e.t === 'grade') out.push({ id: e.id, log: e.log });
          else if (e.t === 'undo') {
            const at = out.findLastIndex((x) => x.id === e.id);
            if (at >= 0) out.splice(at, 1);
          }
        } catch {
          // a line cut short
        }
      }
      return out;
    },
    async close() {
      await appending.catch(() => undefined);
      await handle?.close();
      handle = undefined;
      if (timer || !(await stat(snapshotPath).catch(() => undefined))) await snapshot();
      await writing;
    },
  };
}
