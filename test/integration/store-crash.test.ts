/**
 * The store's crash guarantees, with a real process killed (SIGKILL) while it writes: the library
 * always opens again, valid, with every change and reading position it had acknowledged.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/store/store';
import { problemOf } from '../../electron/core/store/validate';
import { tempDir } from '../support/tmp';

const WRITER = join(import.meta.dirname, '..', 'support', 'store-writer.ts');

/** Runs the writer until it has acknowledged `atLeast` documents plus a few milliseconds more, then kills it. */
function writeThenKill(dir: string, atLeast: number, extraMs: number): Promise<{ docs: number; positions: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let docs = 0;
    let positions = 0;
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split('\n');
      out = lines.pop()!;
      for (const line of lines) {
        const [kind, n] = line.split(' ');
        if (kind === 'doc') docs = Number(n);
        if (kind === 'pos') positions = Number(n);
      }
      if (!armed && docs >= atLeast) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve({ docs, positions }) : reject(new Error(`writer ended (${code}): ${err}`))));
  });
}

describe('the store, killed mid-write', () => {
  it('opens again every time with all it acknowledged', { timeout: 120_000 }, async () => {
    const dir = await tempDir();
    let expected = 0;
    const positioned = new Set<string>();
    for (const extraMs of [0, 3, 7, 13, 29, 41]) {
      const acked = await writeThenKill(dir, expected + 5, extraMs);
      // This round's writer began after the documents already there.
      for (let n = expected + 1; n <= acked.positions; n++) positioned.add(`d_${n}`);
      const store = await openStore(dir, { now: Date.now, strict: true });
      expect(problemOf(store.data)).toBeUndefined();
      const ids = new Set(store.data.documents.map((d) => d.id));
      for (let n = 1; n <= acked.docs; n++) expect(ids.has(`d_${n}`)).toBe(true);
      for (const id of positioned) expect(store.data.documents.find((d) => d.id === id)?.progress).toBe(0.5);
      expected = store.data.documents.length;
      await store.close();
    }
    expect(expected).toBeGreaterThanOrEqual(30);
    expect(positioned.size).toBeGreaterThanOrEqual(25);
  });
});
