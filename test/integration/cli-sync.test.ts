/**
 * Sources and sync from the command line, as real processes against a real HTTP server — and a
 * CLI killed in the middle of a sync: the next sync completes and nothing half-written shows.
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnYandu, yandu } from '../support/cli';
import { sha256, startTestServer, type TestServer } from '../support/server';
import { SHARED } from '../support/shared';
import { tempDir } from '../support/tmp';

const DEBIAN = readFileSync(join(SHARED, 'corpus', 'pdf', 'debian-reference.zh-cn.pdf'));
const PDF = readFileSync(join(SHARED, 'corpus', 'pdf', 'research-report.pdf'));
const TOKEN = 'cli-member-token-77aa';

describe('sync from the CLI', () => {
  let server: TestServer;
  let library: string;

  beforeAll(async () => {
    server = await startTestServer();
    library = join(await tempDir('cli-sync-'), 'library');
    server.route('/m/manifest.json', {
      token: TOKEN,
      type: 'application/json',
      body: JSON.stringify({
        version: 1,
        items: [
          { id: 'deb', title: 'Debian 参考', url: 'debian.pdf', kind: 'pdf', sha256: sha256(DEBIAN), size: DEBIAN.length },
          { id: 'rep', title: '报告', url: 'report.pdf', kind: 'pdf', sha256: sha256(PDF) },
        ],
      }),
    });
    // Slow enough that the CLI can be killed while it downloads.
    server.route('/m/debian.pdf', { token: TOKEN, body: DEBIAN, type: 'application/pdf', delayMs: 1500 });
    server.route('/m/report.pdf', { token: TOKEN, body: PDF, type: 'application/pdf', delayMs: 1500 });
  });
  afterAll(() => server.close());

  it('adds a manifest with the token from standard input and lists it without the token', async () => {
    const add = await yandu(['source', 'add', 'manifest', `${server.url}/m/manifest.json`, '--token-stdin', '--name', '会员', '--json', '--library', library], {}, `${TOKEN}\n`);
    expect(add.code, add.stderr).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ kind: 'manifest', name: '会员', hasToken: true });
    const list = await yandu(['sources', '--library', library]);
    expect(list.stdout).toContain('[manifest] 会员');
    expect(list.stdout + list.stderr).not.toContain(TOKEN);
  });

  it('survives being killed mid-sync: the next sync completes and the library is consistent', async () => {
    const child = spawnYandu(['sync', '--library', library]);
    await new Promise((r) => setTimeout(r, 2500));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    // No half file is visible: every original under its final name is whole (its bytes hash to its
    // name); a write the kill cut short is only ever a temporary file (collected later, gc.ts).
    const names = async (dir: string): Promise<string[]> => (await readdir(join(library, dir), { recursive: true }).catch(() => [])) as string[];
    for (const name of await names('files')) {
      const [, hash] = /([0-9a-f]{64})\.pdf$/.exec(name) ?? [];
      if (!hash || name.includes('.yandu-tmp-')) continue;
      expect(sha256(await readFile(join(library, 'files', name))), name).toBe(hash);
    }
    JSON.parse(await readFile(join(library, 'yandu.json'), 'utf8'));

    const again = await yandu(['sync', '--json', '--library', library]);
    expect(again.code, again.stderr).toBe(0);
    const report = JSON.parse(again.stdout);
    expect(report.failed).toEqual([]);
    const list = JSON.parse((await yandu(['list', '--json', '--library', library])).stdout) as { kind: string; pages: number }[];
    expect(list.map((d) => d.pages).sort()).toEqual([251, 4]);
    const third = JSON.parse((await yandu(['sync', '--json', '--library', library])).stdout);
    expect(third.added).toEqual([]);
    expect(third.unchanged).toHaveLength(2);
  });

  it('refuses a token on the command line and bad source kinds (usage)', async () => {
    expect((await yandu(['source', 'add', 'manifest', `${server.url}/x`, '--token', 'abc', '--library', library])).code).toBe(2);
    expect((await yandu(['source', 'add', 'ftp', 'x', '--library', library])).code).toBe(2);
  });
});
