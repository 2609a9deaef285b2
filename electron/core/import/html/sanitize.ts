/**
 * Stored article HTML may hold only the few tags the reader renders, with no attributes at all.
 * Foreign HTML (Word documents) goes through DOMPurify over a jsdom window (created once). HTML
 * that Yandu built itself from escaped text is checked against the same allowlist with a strict
 * pattern first — DOMPurify's jsdom parse cost a third of an article's import time — and only
 * what fails the check (which by construction nothing should) goes through DOMPurify.
 *
 * @example
 * sanitizeArticleHtml('<p onclick="x()">正文<script>x()</script></p>'); // → '<p>正文</p>'
 * ensureSafeHtml('<p>正文&lt;script&gt;</p>');                           // → unchanged, no DOMPurify
 */
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';

let purify: DOMPurify | undefined;

export const ALLOWED_TAGS = ['p', 'h2', 'h3', 'br', 'blockquote', 'pre', 'ul', 'ol', 'li'];

export function sanitizeArticleHtml(html: string): string {
  purify ??= createDOMPurify(new JSDOM('<!doctype html><html><body></body></html>').window as unknown as Window & typeof globalThis);
  return purify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: [] });
}

const SAFE = new RegExp(`^(?:[^<>]|<\\/?(?:${ALLOWED_TAGS.join('|')})>)*$`);

/** Returns `html` as is when it is plain allowlisted markup, else its DOMPurify-sanitized form. */
export function ensureSafeHtml(html: string): string {
  return SAFE.test(html) ? html : sanitizeArticleHtml(html);
}

export { escapeHtml } from './escape.js';
