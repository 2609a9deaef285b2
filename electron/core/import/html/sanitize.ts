/**
 * The last line of defence for stored article HTML: DOMPurify over a jsdom window (created once),
 * allowing only the few tags the reader renders and no attributes at all. The HTML it receives is
 * built by Yandu from escaped text, so nothing of the page's own markup should survive anyway.
 *
 * @example
 * sanitizeArticleHtml('<p onclick="x()">正文<script>x()</script></p>'); // → '<p>正文</p>'
 */
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';

let purify: DOMPurify | undefined;

export const ALLOWED_TAGS = ['p', 'h2', 'h3', 'br', 'blockquote', 'pre', 'ul', 'ol', 'li'];

export function sanitizeArticleHtml(html: string): string {
  purify ??= createDOMPurify(new JSDOM('<!doctype html><html><body></body></html>').window as unknown as Window & typeof globalThis);
  return purify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: [] });
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
