/**
 * The library's store: the only writer of `yandu.json`. Every change goes through
 * {@link Store.change} (applied, written once — atomically — then announced with one event) or,
 * for work that writes in batches (an import, re-reading old texts, derived counts), through
 * {@link Store.stage} and a later {@link Store.commit}. Writes are queued and coalesced: changes
 * made while a write is under way share the next one.
 *
 * Reading positions, saved about once a second while a candidate scrolls, do not rewrite the
 * library: each is one line appended to `positions.jsonl` (the same cost at 20,000 documents as
 * at 20), folded into `yandu.json` by the next write, by {@link COMPACT_AFTER} lines, or on close.
 * A line cut short by a crash is skipped on open; a crash mid-write of `yandu.json` leaves the
 * old file or the new one (`atomic.ts`).
 *
 * In strict mode (tests: `YANDU_STRICT_STORE=1`), the store checks before every change that the
 * data still equals what it last wrote — a change made behind its back fails loudly — and checks
 * the layout (`validate.ts`) at every write.
 *
 * @example
 * const store = await openStore('/lib', { now: Date.now, emit });
 * await store.change((d) => d.sources.push(source), { type: 'sources.changed' });
 * await store.savePosition(store.data.documents[0], { page: 3, fraction: 0.2, at: Date.now() }, 0.05);
 * await store.close();
 */
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReadingPosition, YanduEvent } from '../../shared/types.js';
import type { Database } from './db.js';
import { checkLayout, openDatabase } from './db.js';
import type { DocumentRecord, LibraryData } from './schema.js';
import { problemOf } from './validate.js';

export const POSITIONS_FILE = 'positions.jsonl';
/** Journal lines after which the positions are folded into `yandu.json`. */
export const COMPACT_AFTER = 5_000;

export interface Store {
  /** The library as it is now. Read it freely; change it only through `change` or `stage`. */
  readonly data: LibraryData;
  /** Applies `fn`, writes the library once, then emits `event` (or what `event` makes of the result); `keysKept` as for `stage`. */
  change<T>(fn: (data: LibraryData) => T, event?: YanduEvent | ((result: T) => YanduEvent | undefined), options?: { keysKept?: boolean }): Promise<T>;
  /**
   * Applies `fn` in memory only; the next `change` or `commit` writes it (batched work, derived
   * counts). `keysKept`: `fn` leaves the list of documents and what identifies each (id, bytes,
   * source, title, forms) as they were — lookups built on them stay valid (`revision`).
   */
  stage<T>(fn: (data: LibraryData) => T, options?: { keysKept?: boolean }): T;
  /** Counts the changes that may have changed which documents there are or what identifies them. */
  readonly revision: number;
  /** How long the last write of `yandu.json` took (serializing and writing), in ms. */
  readonly lastWriteMs: number;
  /** True while a change is staged or a write queued or under way (the file is not yet what the data is). */
  readonly busy: boolean;
  /** Writes what was staged (nothing when nothing was), then emits `event`. */
  commit(event?: YanduEvent): Promise<void>;
  /** Remembers where the reader is in a document (one of `data.documents`): one journal line, not a rewrite of the library. */
  savePosition(doc: DocumentRecord, position: ReadingPosition, progress: number): Promise<void>;
  /** Waits for the writes under way and folds the positions journal into `yandu.json`. */
  close(): Promise<void>;
}

export interface StoreOptions {
  now: () => number;
  emit?: (event: YanduEvent) => void;
  /** Check every change and write (default: `YANDU_STRICT_STORE=1`). */
  strict?: boolean;
  /** Journal lines folded into `yandu.json` at once (default {@link COMPACT_AFTER}). */
  compactAfter?: number;
  /**
   * Check the layout when opening (default); `false` checks it before the first change instead —
   * a one-shot command that only reads skips the check (~70 ms at 20,000 documents).
   */
  checkOnOpen?: boolean;
}

interface PositionLine {
  id: string;
  position: ReadingPosition;
  progress: number;
}

/** Applies the journal's lines to the documents; a torn or foreign line is skipped. Returns how many lines it had. */
function replay(data: LibraryData, text: string): number {
  const byId = new Map(data.documents.map((d) => [d.id, d]));
  let lines = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    lines++;
    try {
      const { id, position, progress } = JSON.parse(line) as PositionLine;
      const doc = byId.get(id);
      if (!doc || typeof position?.fraction !== 'number' || typeof progress !== 'number') continue;
      doc.position = position;
      doc.progress = progress;
    } catch {
      // the last line of a crash, cut short
    }
  }
  return lines;
}

/** Opens (creating or migrating, see `db.ts`) a library's store. */
export async function openStore(libraryDir: string, options: StoreOptions): Promise<Store> {
  const db = await openDatabase(libraryDir, { now: options.now, check: options.checkOnOpen !== false });
  const journal = join(libraryDir, POSITIONS_FILE);
  const text = await readFile(journal, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const lines = replay(db.data, text);
  return new LibraryStore(db, journal, lines, options, options.checkOnOpen === false ? () => checkLayout(libraryDir, db.data) : undefined);
}

class LibraryStore implements Store {
  private queue: Promise<void> = Promise.resolve();
  private dirty: boolean;
  private depth = 0;
  revision = 0;
  lastWriteMs = 0;
  private written: string | undefined;
  private readonly strict: boolean;
  private readonly emit: (event: YanduEvent) => void;
  private readonly compactAfter: number;

  constructor(
    private readonly db: Database,
    private readonly journal: string,
    private lines: number,
    options: StoreOptions,
    /** The layout check still owed before the first write (a store opened without it). */
    private owedCheck?: () => Promise<void>,
  ) {
    this.strict = options.strict ?? process.env.YANDU_STRICT_STORE === '1';
    this.emit = options.emit ?? (() => undefined);
    this.compactAfter = options.compactAfter ?? COMPACT_AFTER;
    this.dirty = false;
    if (this.strict) this.written = this.text();
  }

  get data(): LibraryData {
    return this.db.data;
  }

  async change<T>(fn: (data: LibraryData) => T, event?: YanduEvent | ((result: T) => YanduEvent | undefined), options: { keysKept?: boolean } = {}): Promise<T> {
    const result = this.stage(fn, options);
    await this.persist();
    const made = typeof event === 'function' ? event(result) : event;
    if (made) this.emit(made);
    return result;
  }

  stage<T>(fn: (data: LibraryData) => T, options: { keysKept?: boolean } = {}): T {
    // A stage inside another (a helper that stages, called from a change) is part of it.
    if (this.depth === 0) this.guard();
    this.depth++;
    try {
      return fn(this.db.data);
    } finally {
      this.depth--;
      this.dirty = true;
      if (!options.keysKept) this.revision++;
    }
  }

  async commit(event?: YanduEvent): Promise<void> {
    if (this.dirty) await this.persist();
    if (event) this.emit(event);
  }

  savePosition(doc: DocumentRecord, position: ReadingPosition, progress: number): Promise<void> {
    this.guard();
    const { id } = doc;
    doc.position = position;
    doc.progress = progress;
    const line = `${JSON.stringify({ id, position, progress } satisfies PositionLine)}\n`;
    const appended = this.enqueue(async () => {
      await appendFile(this.journal, line);
      this.lines++;
    });
    return appended.then(() => {
      this.emit({ type: 'library.changed', ids: [id], position: true });
      if (this.lines >= this.compactAfter) return this.compact();
    });
  }

  async close(): Promise<void> {
    await this.compact();
    await this.queue;
  }

  /** Folds the journal into `yandu.json` (a write), when it has lines. */
  private compact(): Promise<void> {
    if (this.lines > 0) this.dirty = true;
    return this.persist();
  }

  private text(): string {
    return JSON.stringify(this.db.data);
  }

  /** Strict mode: the data must be what was last written, unless a change or position is pending. */
  private guard(): void {
    if (!this.strict || this.dirty || this.lines > 0 || this.written === undefined) return;
    if (this.text() !== this.written) throw new Error('store: the library was changed outside store.change() / stage()');
  }

  private queued = 0;

  get busy(): boolean {
    return this.dirty || this.queued > 0;
  }

  private enqueue(op: () => Promise<void>): Promise<void> {
    this.queued++;
    const next = this.queue.then(op).finally(() => this.queued--);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Writes the library when something changed since the last write; the positions journal is then empty. */
  private persist(): Promise<void> {
    return this.enqueue(async () => {
      if (!this.dirty) return;
      if (this.owedCheck) {
        await this.owedCheck();
        this.owedCheck = undefined;
      }
      this.dirty = false;
      const folded = this.lines;
      try {
        if (this.strict) {
          const problem = problemOf(this.db.data);
          if (problem) throw new Error(`store: a change broke the library's layout (${problem})`);
        }
        // What is written is what the data is now (lowdb's adapter serializes it at once).
        const snapshot = this.strict ? this.text() : undefined;
        const started = performance.now();
        const writing = this.db.write();
        if (snapshot !== undefined) this.written = snapshot;
        await writing;
        this.lastWriteMs = performance.now() - started;
        if (folded > 0) {
          await writeFile(this.journal, '');
          this.lines = 0;
        }
      } catch (error) {
        this.dirty = true;
        throw error;
      }
    });
  }
}
