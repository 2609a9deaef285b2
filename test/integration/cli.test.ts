/**
 * The `yandu` CLI as a user runs it: real processes, real files, a temporary library.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import { createHttpClient } from '../../electron/web/http-client';
import { serve, yandu } from '../support/cli';
import { writeNotes } from '../support/fixtures';
import { tempDir } from '../support/tmp';

describe('yandu CLI', () => {
  let root: string;
  let library: string;
  let notes: Awaited<ReturnType<typeof writeNotes>>;

  beforeAll(async () => {
    root = await tempDir('cli-');
    library = join(root, 'library');
    notes = await writeNotes(root);
  });

  it('adds files and folders, with the final JSON shape; the second time adds nothing', async () => {
    const first = await yandu(['add', notes.folder, '--json', '--library', library]);
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(Object.keys(report)).toEqual(['added', 'updated', 'unchanged', 'failed']);
    expect(report.added).toHaveLength(3);
    expect(report.added[0]).toEqual({ id: expect.stringMatching(/^d_/), path: expect.any(String) });

    const second = JSON.parse((await yandu(['add', notes.md, notes.txt, '--json', '--library', library])).stdout);
    expect(second.added).toEqual([]);
    expect(second.unchanged).toHaveLength(2);
  });

  it('exits 1 and lists failures when some items fail', async () => {
    const run = await yandu(['add', notes.md, join(root, 'missing.md'), '--json', '--library', library]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).failed).toEqual([{ path: join(root, 'missing.md'), error: expect.stringContaining('no such file') }]);
  });

  it('lists, shows and searches', async () => {
    const list = JSON.parse((await yandu(['list', '--json', '--library', library])).stdout);
    expect(list).toHaveLength(3);
    const md = list.find((d: { sourcePath: string }) => d.sourcePath === notes.md);
    expect(md).toMatchObject({ id: expect.any(String), kind: 'text', title: '整治“指尖上的形式主义”', topics: [], addedAt: expect.any(Number) });

    const shown = JSON.parse((await yandu(['show', md.id, '--json', '--library', library])).stdout);
    expect(shown).toMatchObject({ id: md.id, title: md.title, text: expect.stringContaining('形式主义向来是') });

    const search = await yandu(['search', '基层减负', '--limit', '2', '--json', '--library', library]);
    expect(search.code).toBe(0);
    const result = JSON.parse(search.stdout);
    expect(result.total).toBe(3);
    expect(result.hits).toHaveLength(2);
    expect(Object.keys(result.hits[0]).sort()).toEqual(['docId', 'ranges', 'score', 'snippet', 'title']);
    const [[s, e]] = result.hits[0].ranges;
    expect(result.hits[0].snippet.slice(s, e)).toBe('基层减负');
  });

  it('prints readable text without --json', async () => {
    const run = await yandu(['search', '数字政府', '--library', library]);
    expect(run.stdout).toContain('【数字政府】');
    expect((await yandu(['list', '--library', join(root, 'empty-lib')])).stdout).toContain('资料库是空的');
  });

  it('reads the library from YANDU_LIBRARY', async () => {
    const run = await yandu(['list', '--json'], { YANDU_LIBRARY: library });
    expect(JSON.parse(run.stdout)).toHaveLength(3);
  });

  it('exits 2 on bad usage', async () => {
    for (const args of [[], ['frobnicate'], ['show'], ['list', '--bogus'], ['search'], ['add'], ['search', 'x', '--limit', 'many']]) {
      const run = await yandu([...args, '--library', library]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('Usage: yandu');
    }
  });

  it('exits 1 with a clear message for a missing document', async () => {
    const run = await yandu(['show', 'd_nope', '--library', library]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no document d_nope');
  });

  it('refuses a library held by another process that does not serve it', async () => {
    const holder = await createCore({ libraryDir: library, owner: 'desktop' });
    try {
      const run = await yandu(['list', '--library', library]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/open in another Yandu process \(desktop, pid \d+\)/);
    } finally {
      await holder.close();
    }
  });

  it('sends commands to a running `serve`, which sees them at once', async () => {
    const server = await serve(library);
    try {
      const extra = join(root, '乡村振兴.md');
      await writeFile(extra, '# 乡村振兴\n\n全面推进乡村振兴。');
      const run = await yandu(['add', extra, '--json', '--library', library]);
      expect(run.code, run.stderr).toBe(0);
      const id = JSON.parse(run.stdout).added[0].id;
      const url = new URL(server.url);
      const api = createHttpClient(url.origin, url.searchParams.get('token')!);
      expect((await api.listDocuments({})).map((d) => d.id)).toContain(id);
    } finally {
      await server.stop();
    }
    // The lock is released on stop: the CLI opens the library itself again.
    expect((await yandu(['list', '--library', library])).code).toBe(0);
  });

  it('refuses a damaged yandu.json without overwriting it, and recovers from the backup', async () => {
    const file = join(library, 'yandu.json');
    await writeFile(file, '{"schemaVersion":2,"documents":[');
    const run = await yandu(['list', '--library', library]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toContain('yandu recover');
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion":2,"documents":[');
    const listed = await yandu(['recover', '--list', '--json', '--library', library]);
    const points = JSON.parse(listed.stdout) as { kind: string; documents?: number }[];
    expect(points.some((p) => p.kind === 'import' && p.documents! > 0)).toBe(true);
    const recover = await yandu(['recover', '--library', library]);
    expect(recover.code, recover.stderr).toBe(0);
    expect(recover.stdout).toContain('篇资料');
    expect((await yandu(['list', '--json', '--library', library])).code).toBe(0);
    // Now healthy: recover refuses and changes nothing.
    const healthy = await readFile(file, 'utf8');
    const again = await yandu(['recover', '--library', library]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/healthy|完好/);
    expect(await readFile(file, 'utf8')).toBe(healthy);
  });

  it('refuses to recover a library that is open in a running Yandu, changing nothing', async () => {
    const server = await serve(library);
    try {
      const before = await readFile(join(library, 'yandu.json'), 'utf8');
      const run = await yandu(['recover', '--force', '--library', library]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/open in another Yandu process|正被另一个研读进程使用/);
      expect(await readFile(join(library, 'yandu.json'), 'utf8')).toBe(before);
    } finally {
      await server.stop();
    }
  });
});
