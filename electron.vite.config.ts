/**
 * Build of the three bundles: main and preload (Node/Electron) and the renderer (React).
 * The preload runs sandboxed, so it is one CommonJS file with nothing but `electron` external.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The workers are entries of their own: worker threads load out/main/{import,search}-worker.js.
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          'import-worker': resolve('electron/core/workers/import-worker.ts'),
          'search-worker': resolve('electron/core/search/search-worker.ts'),
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
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
