#!/usr/bin/env node
// The `yandu` command: the built CLI (out/main/cli.js, made by `npm run build`), which starts in a
// fraction of a second; before a build, the TypeScript source through tsx.
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ keeps the compiled code of the built CLI between runs (Node 20 has no such cache).
module.enableCompileCache?.();

const built = new URL('../out/main/cli.js', import.meta.url);
if (existsSync(built)) await import(built.href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/web/cli.ts');
}
