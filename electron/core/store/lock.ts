/**
 * One writer per library. `acquireLock` creates `yandu.lock` exclusively; a second process finds
 * it and is refused with a message that names the holder. A lock left by a process that no longer
 * runs is taken over. The holder may publish where it serves the API (`url`, `token`), so the CLI
 * can send its command to the running app instead of opening the library itself.
 *
 * @example
 * const lock = await acquireLock('/lib', { owner: 'cli' });
 * try { … } finally { await lock.release(); }
 */
import { open, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { YanduError } from '../../shared/errors.js';

export const LOCK_FILE = 'yandu.lock';

export interface LockInfo {
  pid: number;
  owner: string;
  since: number;
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

/** Reads the lock of a library, or `undefined` when none is held by a live process. */
export async function readLock(libraryDir: string): Promise<LockInfo | undefined> {
  let text: string;
  try {
    text = await readFile(join(libraryDir, LOCK_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const info = JSON.parse(text) as LockInfo;
    return typeof info.pid === 'number' && isAlive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

export async function acquireLock(libraryDir: string, options: { owner: string }): Promise<LibraryLock> {
  const path = join(libraryDir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, owner: options.owner, since: Date.now() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(JSON.stringify(info));
      await handle.close();
      return makeLock(path, info);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readLock(libraryDir);
      if (holder) {
        throw new YanduError(
          'library-locked',
          `library: ${libraryDir} is open in another Yandu process (${holder.owner}, pid ${holder.pid}). ` +
            `Close it first, or use that window. / 资料库正被另一个研读进程使用，请先关闭它。`,
        );
      }
      await rm(path, { force: true }); // stale: its process is gone
    }
  }
  throw new YanduError('library-locked', `library: could not lock ${libraryDir}; remove ${path} if no Yandu runs.`);
}

function makeLock(path: string, info: LockInfo): LibraryLock {
  let released = false;
  return {
    info,
    async publish(url, token) {
      Object.assign(info, { url, token });
      await writeFile(path, JSON.stringify(info), { mode: 0o600 });
    },
    async release() {
      if (released) return;
      released = true;
      await rm(path, { force: true });
    },
  };
}
