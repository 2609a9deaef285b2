/**
 * Reads bytes `[start, end)` of a file without reading the rest (fewer at the end of the file).
 * Synchronous: it is meant for worker threads (the search worker cuts snippets with it), where
 * three thread-pool round trips per read would cost more than the read.
 *
 * @example
 * const window = readRange('/lib/text/d_1.txt', 4096, 12288);
 */
import { closeSync, openSync, readSync } from 'node:fs';

export function readRange(path: string, start: number, end: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.max(0, end - start));
    const bytesRead = readSync(fd, buffer, 0, buffer.length, start);
    return buffer.subarray(0, bytesRead);
  } finally {
    closeSync(fd);
  }
}
