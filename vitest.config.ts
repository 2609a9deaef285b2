/**
 * Test projects: `unit` (beside the code), `integration` (core and the HTTP host over temporary
 * libraries, the CLI as a real process) and `e2e` (Debian Chromium against the web host; needs
 * `npm run build` first). `npm test` runs them all, after typecheck, lint and build.
 */
import { defineConfig } from 'vitest/config';

/** Every library opened by a test checks that only its store changes it (`store.ts`). */
// Background OCR is off in tests but for those that turn it on (it would load the models in every test that imports a scanned PDF).
const env = { YANDU_STRICT_STORE: '1', YANDU_OCR: '0' };
/** `expect.poll` waits up to 10 s (not vitest's 1 s): on a loaded 2-core machine a page can take longer to show what it should. */
const expect = { poll: { timeout: 10_000 } };

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          env,
          include: ['electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'eslint-rules/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          env,
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          expect,
        },
      },
      {
        test: {
          name: 'e2e',
          env,
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          expect,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
