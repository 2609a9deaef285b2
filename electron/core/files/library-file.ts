/**
 * What the reader may load from the library folder, for both hosts (the desktop app's
 * `yandu://library/…` and the web host's `/library/…`): files under `files/` (originals: PDFs,
 * images) and `text/` (extracted text), nothing else, never outside the folder (see
 * `inside.ts`). Answers a status, headers and the byte range to send; one `Range` is honoured so
 * pdf.js can fetch a large PDF piece by piece.
 *
 * Originals are downloaded from anywhere: only inert types keep their type (PDF, images, plain
 * text); everything else — HTML pages included — goes out as an attachment, and every reply
 * carries a sandboxing CSP, so nothing served from here can run script in the app's origin.
 *
 * @example
 * const reply = await libraryFile('/lib', '/files/ab/abcd.pdf', 'bytes=0-65535');
 * // → { status: 206, headers: { 'Content-Range': 'bytes 0-65535/1048576', … }, path, start: 0, end: 65535 }
 */
import { stat } from 'node:fs/promises';
import { extname, relative, sep } from 'node:path';
import { resolveInside } from './inside.js';

/** The library's subfolders the reader may load from. */
export const SERVED_FOLDERS = ['files', 'text'];

const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

const BASE = {
  'Content-Security-Policy': "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

export interface FileReply {
  status: 200 | 206 | 403 | 404 | 416;
  headers: Record<string, string>;
  /** The file to send from (200/206), bytes `start` … `end` inclusive. */
  path?: string;
  start?: number;
  end?: number;
}

/** `[start, end]` of a single `bytes=` range of a file of `size` bytes; null when unsatisfiable; undefined when absent or not understood. */
function rangeOf(header: string | undefined, size: number): [number, number] | null | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!m || (!m[1] && !m[2])) return undefined;
  if (!m[1]) {
    const n = Number(m[2]);
    return n > 0 && size > 0 ? [Math.max(0, size - n), size - 1] : null;
  }
  const start = Number(m[1]);
  const end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
  return start < size && start <= end ? [start, end] : null;
}

export async function libraryFile(libraryDir: string, urlPath: string, range?: string): Promise<FileReply> {
  const path = await resolveInside(libraryDir, urlPath);
  const refused: FileReply = { status: 403, headers: { ...BASE, 'Content-Type': 'text/plain; charset=utf-8' } };
  if (!path) return refused;
  const root = await resolveInside(libraryDir, '/');
  const folder = relative(root!, path).split(sep)[0]!;
  if (!SERVED_FOLDERS.includes(folder)) return refused;
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return { status: 404, headers: { ...BASE, 'Content-Type': 'text/plain; charset=utf-8' } };
  const type = TYPES[extname(path).toLowerCase()];
  const headers: Record<string, string> = {
    ...BASE,
    'Content-Type': type ?? 'application/octet-stream',
    'Accept-Ranges': 'bytes',
    ...(type ? {} : { 'Content-Disposition': 'attachment' }),
  };
  const wanted = rangeOf(range, info.size);
  if (wanted === null) return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${info.size}` } };
  if (wanted === undefined) return { status: 200, headers: { ...headers, 'Content-Length': String(info.size) }, path, start: 0, end: info.size - 1 };
  const [start, end] = wanted;
  return {
    status: 206,
    headers: { ...headers, 'Content-Length': String(end - start + 1), 'Content-Range': `bytes ${start}-${end}/${info.size}` },
    path,
    start,
    end,
  };
}
