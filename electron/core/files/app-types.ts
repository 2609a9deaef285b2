/**
 * Content types of the app's own files (the built renderer and pdf.js's data), one table for the
 * web host and the desktop app's scheme. Anything else goes out as `application/octet-stream`.
 *
 * @example
 * appContentType('/out/renderer/assets/pdf.worker.mjs'); // → 'text/javascript; charset=utf-8'
 */
import { extname } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export function appContentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}
