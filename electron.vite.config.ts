/**
 * Build of the three bundles: main (with the CLI and web host) and preload (Node/Electron) and the
 * renderer (React).
 * The preload runs sandboxed, so it is one CommonJS file with nothing but `electron` external.
 */
import { cpSync, createReadStream, existsSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * pdf.js's data files (character maps for Chinese fonts, standard fonts, image decoders), served
 * at `/pdfjs/…`: copied into the renderer build, and read from node_modules by the dev server.
 */
function pdfjsAssets(): Plugin {
  const from = resolve('node_modules/pdfjs-dist');
  const dirs = ['cmaps', 'standard_fonts', 'wasm', 'iccs'];
  return {
    name: 'yandu-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use('/pdfjs/', (req, res, next) => {
        const file = normalize(join(from, decodeURIComponent((req.url ?? '').split('?')[0]!)));
        if (!file.startsWith(from) || !dirs.some((d) => file.startsWith(join(from, d))) || !existsSync(file)) return next();
        createReadStream(file).pipe(res);
      });
    },
    writeBundle(options) {
      for (const dir of dirs) cpSync(join(from, dir), join(options.dir!, 'pdfjs', dir), { recursive: true });
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // zod is bundled: loaded from node_modules it is ~100 files, and resolving them was a
      // fifth of a one-shot command's time.
      externalizeDeps: { exclude: ['zod'] },
      // The workers are entries of their own: worker threads load out/main/{import,search}-worker.js.
      // The CLI and web host are built too (out/main/cli.js): `yandu` starts without compiling.
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          cli: resolve('electron/web/cli.ts'),
          'import-worker': resolve('electron/core/workers/import-worker.ts'),
          'search-worker': resolve('electron/core/search/search-worker.ts'),
          'ocr-worker': resolve('electron/core/ocr/ocr-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react(), pdfjsAssets()],
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
