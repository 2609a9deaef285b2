/**
 * Just enough of the zip format to read a Word file's parts with bounds: the central directory's
 * entries (name, sizes, where the data is), and one entry inflated with a ceiling on its size.
 * Sizes in the directory are what the archive claims; inflating stops at the ceiling whatever it
 * claims, so a zip bomb cannot grow past it.
 *
 * @example
 * const entries = zipEntries(bytes);                    // [{ name: 'word/document.xml', size: 48213, … }, …]
 * readEntry(bytes, entries.find((e) => e.name === 'docProps/core.xml')!, 1 << 20).toString('utf8');
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** Uncompressed size, as the archive states it. */
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

export class ZipError extends Error {
  /** True when an entry holds more than it was allowed to inflate to. */
  readonly tooLarge: boolean;
  constructor(message: string, tooLarge = false) {
    super(message);
    this.tooLarge = tooLarge;
  }
}

/** The entries listed in the central directory; throws {@link ZipError} when there is none. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes, after at most a 64 KB comment.
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('not a zip archive (no central directory)');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw new ZipError('damaged zip central directory');
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    entries.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      offset: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/**
 * Checks a Word file before a full reader (mammoth) inflates it: at most `maxEntries` parts, and
 * its XML parts inflated for real (what an archive claims can lie) to at most `maxXmlBytes` in
 * all. Throws {@link ZipError} past either.
 *
 * @example
 * assertZipWithin(bytes, { maxEntries: 5000, maxXmlBytes: 64 * 2 ** 20 });
 */
export function assertZipWithin(bytes: Uint8Array, limits: { maxEntries: number; maxXmlBytes: number }): void {
  const entries = zipEntries(bytes);
  if (entries.length > limits.maxEntries) throw new ZipError(`${entries.length} parts, over ${limits.maxEntries}`);
  let left = limits.maxXmlBytes;
  for (const entry of entries) {
    if (!/\.(xml|rels)$/i.test(entry.name)) continue;
    if (left <= 0) throw new ZipError(`its text inflates past ${Math.round(limits.maxXmlBytes / 2 ** 20)} MB`);
    try {
      left -= readEntry(bytes, entry, left).length;
    } catch (error) {
      if (error instanceof ZipError && error.tooLarge) throw new ZipError(`its text inflates past ${Math.round(limits.maxXmlBytes / 2 ** 20)} MB`);
      throw error;
    }
  }
}

/** One entry's bytes, inflated to at most `maxBytes` (past that: {@link ZipError}). */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.offset + 30 > buf.length || buf.readUInt32LE(entry.offset) !== 0x04034b50) throw new ZipError(`damaged zip entry ${entry.name}`);
  const start = entry.offset + 30 + buf.readUInt16LE(entry.offset + 26) + buf.readUInt16LE(entry.offset + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new ZipError(`${entry.name} is larger than ${maxBytes} bytes`, true);
    return Buffer.from(data);
  }
  if (entry.method !== 8) throw new ZipError(`${entry.name}: compression method ${entry.method} is not supported`);
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipError(`${entry.name} inflates past ${maxBytes} bytes`, true);
    throw new ZipError(`${entry.name}: ${(error as Error).message}`);
  }
}
