/**
 * One writer per library. `acquireLock` creates `yandu.lock`; a second process finds it and is
 * refused with a message that names the holder. The holder may publish where it serves the API
 * (`url`, `token`), so the CLI can send its command to the running app instead of opening the
 * library itself.
 *
 * How it stays one writer when processes start together:
 * - The lock file appears whole: it is written under a name of its own, then hard-linked into
 *   place, which fails if a lock is there. Nobody ever reads a half-written lock.
 * - A lock whose process is gone (stale) is replaced only by the holder of `yandu.lock.takeover`
 *   (taken the same way), who reads the lock again and removes it only if it is still the stale
 *   one it judged; everybody else waits a moment and looks again.
 * - `publish` replaces the file by a rename (readers see the old or the new content, never an
 *   empty file), and `release` removes the lock only while it is still this holder's.
 * A takeover lock left by a crash is cleared after {@link TAKEOVER_STALE_MS}.
 *
 * @example
 * const lock = await acquireLock('/lib', { owner: 'cli' });
 * try { … } finally { await lock.release(); }
 */
import { randomBytes } from 'node:crypto';
import { link, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fail } from '../../shared/error-words.js';

export const LOCK_FILE = 'yandu.lock';
const TAKEOVER_FILE = `${LOCK_FILE}.takeover`;
/** A takeover lock older than this was left by a crash (a takeover takes milliseconds). */
export const TAKEOVER_STALE_MS = 5000;

export interface LockInfo {
  pid: number;
  owner: string;
  since: number;
  /** Unique per acquisition: tells this lock from a later one of the same process. */
  nonce?: string;
  /** Base URL of the holder's HTTP API, when it serves one. */
  url?: string;
  token?: string;
}

export interface LibraryLock {
  info: LockInfo;
  /** Publishes the holder's HTTP API in the lock (file readable by this user only). */
  publish(url: string, token: string): Promise<void>;
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const code = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The lock file's holder as written, or undefined (no file, or not a lock). */
async function readInfo(path: string): Promise<LockInfo | undefined> {
  try {
    const info = JSON.parse(await readFile(path, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' ? info : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the lock of a library, or `undefined` when none is held by a live process. */
export async function readLock(libraryDir: string): Promise<LockInfo | undefined> {
  const info = await readInfo(join(libraryDir, LOCK_FILE));
  return info && isAlive(info.pid) ? info : undefined;
}

/** Creates `path` holding `content`, whole, or fails with EEXIST if it is there. */
async function createWhole(path: string, content: string): Promise<void> {
  const own = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(own, content, { mode: 0o600 });
  try {
    await link(own, path);
  } finally {
    await unlink(own).catch(() => undefined);
  }
}

const same = (a: LockInfo | undefined, b: LockInfo | undefined): boolean => Boolean(a && b && a.pid === b.pid && a.since === b.since && a.nonce === b.nonce);

/**
 * Replaces the stale lock `stale` by ours, as the holder of the takeover lock. True when ours is
 * in place; false when someone else got there first (or holds the takeover: look again).
 */
async function takeOver(libraryDir: string, stale: LockInfo | undefined, content: string): Promise<boolean> {
  const path = join(libraryDir, LOCK_FILE);
  const takeover = join(libraryDir, TAKEOVER_FILE);
  try {
    await createWhole(takeover, JSON.stringify({ pid: process.pid, since: Date.now() }));
  } catch (error) {
    if (code(error) !== 'EEXIST') throw error;
    const holder = await readInfo(takeover);
    const age = Date.now() - ((await stat(takeover).catch(() => undefined))?.mtimeMs ?? Date.now());
    if ((!holder || !isAlive(holder.pid)) && age > TAKEOVER_STALE_MS) await unlink(takeover).catch(() => undefined);
    return false;
  }
  try {
    const now = await readInfo(path);
    // Still the lock judged stale (or an unreadable one, from a crash mid-write of old versions)?
    if (now ? !same(now, stale) : stale !== undefined && (await stat(path).catch(() => undefined)) !== undefined) return false;
    await unlink(path).catch((error: unknown) => {
      if (code(error) !== 'ENOENT') throw error;
    });
    await createWhole(path, content);
    return true;
  } catch (error) {
    if (code(error) === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(takeover).catch(() => undefined);
  }
}

export async function acquireLock(libraryDir: string, options: { owner: string }): Promise<LibraryLock> {
  const path = join(libraryDir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, owner: options.owner, since: Date.now(), nonce: randomBytes(8).toString('hex') };
  const content = JSON.stringify(info);
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      await createWhole(path, content);
      return makeLock(path, info);
    } catch (error) {
      if (code(error) !== 'EEXIST') throw error;
    }
    const holder = await readInfo(path);
    if (holder && isAlive(holder.pid)) {
      throw fail('library.locked-by', { dir: libraryDir, owner: holder.owner, pid: holder.pid });
    }
    // Not a lock at all (damaged) but just written: give its writer a moment.
    const age = Date.now() - ((await stat(path).catch(() => undefined))?.mtimeMs ?? 0);
    if (!holder && age < 2000) {
      await sleep(50);
      continue;
    }
    // A lock nobody holds any more: replaced under the takeover lock, or looked at again shortly.
    if (await takeOver(libraryDir, holder, content)) return makeLock(path, info);
    await sleep(10 + Math.random() * 20);
  }
  throw fail('library.cannot-lock', { dir: libraryDir, path });
}

function makeLock(path: string, info: LockInfo): LibraryLock {
  let released = false;
  return {
    info,
    async publish(url, token) {
      Object.assign(info, { url, token });
      const next = `${path}.${process.pid}.publish`;
      await writeFile(next, JSON.stringify(info), { mode: 0o600 });
      await rename(next, path);
    },
    async release() {
      if (released) return;
      released = true;
      // Only while it is still ours: never another process's lock.
      if (same(await readInfo(path), info)) await rm(path, { force: true });
    },
  };
}
