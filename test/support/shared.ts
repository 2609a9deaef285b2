/**
 * Where the real-world test material lives: `../shared` beside the repository (as on the
 * project's machines and in CI), or `YANDU_SHARED`.
 *
 * @example
 * readFileSync(join(SHARED, 'fixtures', 'beichen-article.html'));
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const SHARED = process.env.YANDU_SHARED ?? join(import.meta.dirname, '..', '..', '..', 'shared');

if (!existsSync(join(SHARED, 'corpus'))) {
  throw new Error(`test: the shared test material is missing at ${SHARED}; put it beside the repository or set YANDU_SHARED.`);
}
