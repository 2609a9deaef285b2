/**
 * Fault injection with real processes: `yandu serve` is killed with SIGKILL right after a change,
 * before it saved its search index. The next process must notice the stale index (each
 * document's stamp is kept with it) and answer from the new text only; the dead process's lock is
 * taken over. Bounded: every step has its own timeout, the whole file well under a minute.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serve, yandu } from '../support/cli';
import { tempDir } from '../support/tmp';

const call = async (url: string, method: string, args: unknown): Promise<unknown> => {
  const base = new URL(url);
  const reply = await fetch(`${base.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${base.searchParams.get('token')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
    signal: AbortSignal.timeout(30_000),
  });
  return ((await reply.json()) as { result: unknown }).result;
};

describe('after a crash', () => {
  it('detects a search index left stale by SIGKILL and answers from the new text only', async () => {
    const root = await tempDir('crash-');
    const library = join(root, 'library');
    const files = join(root, 'files');
    await mkdir(files);
    const note = join(files, 'note.md');
    await writeFile(note, '# 学习笔记\n\n旧的提法是精兵简政。');
    const added = await yandu(['add', note, '--library', library, '--json']);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse((await yandu(['search', '精兵简政', '--library', library, '--json'])).stdout).total).toBe(1);

    // The app changes the document, then dies before its index is saved (it saves 30 s later).
    const server = await serve(library);
    await writeFile(note, '# 学习笔记\n\n新的提法是放管服改革。');
    const synced = (await call(server.url, 'sync', {})) as { updated: unknown[] };
    expect(synced.updated).toHaveLength(1);
    server.child.kill('SIGKILL');
    await new Promise((resolve) => server.child.once('exit', resolve));
    expect(await readFile(join(library, 'yandu.lock'), 'utf8')).toContain('"pid"'); // left behind

    const fresh = JSON.parse((await yandu(['search', '放管服', '--library', library, '--json'])).stdout) as { total: number; hits: { snippet: string }[] };
    expect(fresh.total).toBe(1);
    expect(fresh.hits[0]!.snippet).toContain('放管服');
    const stale = await yandu(['search', '精兵简政', '--library', library, '--json']);
    expect(stale.code, stale.stderr).toBe(0);
    expect(JSON.parse(stale.stdout).total).toBe(0);
  }, 90_000);
});
