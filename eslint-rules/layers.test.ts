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

  it('fires on the renderer importing node, electron or core, not on shared (pure code)', async () => {
    const code = [
      "import { readFile } from 'node:fs';",
      "import { ipcRenderer } from 'electron';",
      "import { createCore } from '../../electron/core/index';",
      "import { parseArgs } from '../../electron/shared/contract';",
      "import type { YanduApi } from '../../electron/shared/contract';",
      'export const all = [readFile, ipcRenderer, createCore, parseArgs] as unknown as YanduApi;',
    ].join('\n');
    const errors = await layerErrors('renderer/src/bad.ts', code);
    expect(errors).toHaveLength(3);
    expect(errors[2]).toContain('never imports electron/core');
  });

  it('fires on a host reaching past core\'s entry, not on the entry itself', async () => {
    expect(await layerErrors('electron/web/bad.ts', "import { recoverFromBackup } from '../core/store/db.js';\nexport { recoverFromBackup };\n")).toEqual([
      expect.stringContaining('only through its entry'),
    ]);
    expect(await layerErrors('electron/main/ok.ts', "import { recoverFromBackup } from '../core/index.js';\nexport { recoverFromBackup };\n")).toEqual([]);
  });

  it('passes the real tree', { timeout: 60_000 }, async () => {
    const results = await eslint.lintFiles(['electron', 'renderer']);
    const messages = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'yandu/layers' || m.ruleId === 'yandu/acyclic'));
    expect(messages).toEqual([]);
  });
});

describe('yandu/acyclic', () => {
  const loops = async (path: string, code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'yandu/acyclic').map((m) => m.message);
  };

  it('fires on an import that leads back to the importing file, naming the loop', async () => {
    // documents.ts imports records.ts: records.ts importing documents.ts back closes a loop.
    const errors = await loops('electron/core/library/records.ts', "import { getDocument } from './documents.js';\nexport const g = getDocument;\n");
    expect(errors).toEqual([expect.stringContaining('electron/core/library/records.ts → electron/core/library/documents.ts')]);
  });

  it('lets type-only imports be, and imports that do not come back', async () => {
    expect(await loops('electron/core/library/records.ts', "import type { getDocument } from './documents.js';\nexport type G = typeof getDocument;\n")).toEqual([]);
    expect(await loops('electron/core/library/records.ts', "import { similarity } from './similar.js';\nexport const s = similarity;\n")).toEqual([]);
  });
});
