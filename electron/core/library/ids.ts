/**
 * Document ids: `d_` and 12 random base-36 characters. Random, not derived from content, so a
 * document keeps its id when its file changes.
 *
 * @example
 * newDocumentId(); // → 'd_k3j9x0q2m1ab'
 */
import { randomBytes } from 'node:crypto';

export function newDocumentId(): string {
  const bytes = randomBytes(12);
  let id = '';
  for (const byte of bytes) id += (byte % 36).toString(36);
  return `d_${id}`;
}
