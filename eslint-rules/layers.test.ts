import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { layerOf } from './layers.js';

const root = new URL('..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were the file at `path` (relative to the project root). */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'yandu/layers').map((m) => m.message);
}

describe('yandu/layers', () => {
  it('knows the layer of a path', () => {
    expect(layerOf('electron/core/store/db.ts')).toBe('electron/core');
    expect(layerOf('renderer/src/main.tsx')).toBe('renderer');
    expect(layerOf('test/x.ts')).toBeUndefined();
  });

  it('fires on core importing electron', async () => {
    expect(await layerErrors('electron/core/bad.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([
      expect.stringContaining("core never imports 'electron'"),
    ]);
  });

  it('fires on web importing electron, even through require', async () => {
    expect(await layerErrors('electron/web/bad.ts', "const e = require('electron');\nexport default e;\n")).toHaveLength(1);
  });

  it('fires on shared importing node or npm code, not on zod', async () => {
    expect(await layerErrors('electron/shared/bad.ts', "import { readFile } from 'node:fs';\nexport { readFile };\n")).toHaveLength(1);
    expect(await layerErrors('electron/shared/ok.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toEqual([]);
  });

  it('fires on the renderer importing node, electron or core, and on value imports of shared', async () => {
    const code = [
      "import { readFile } from 'node:fs';",
      "import { ipcRenderer } from 'electron';",
      "import { createCore } from '../../electron/core/index';",
      "import { parseArgs } from '../../electron/shared/contract';",
      "import type { YanduApi } from '../../electron/shared/contract';",
      'export const all = [readFile, ipcRenderer, createCore, parseArgs] as unknown as YanduApi;',
    ].join('\n');
    const errors = await layerErrors('renderer/src/bad.ts', code);
    expect(errors).toHaveLength(4);
    expect(errors[3]).toContain('only types from shared');
  });

  it('passes the real tree', async () => {
    const results = await eslint.lintFiles(['electron', 'renderer']);
    const layerMessages = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'yandu/layers'));
    expect(layerMessages).toEqual([]);
  });
});
