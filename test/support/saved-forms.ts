/**
 * A page as different tools save it: whole (`html`), from `<head>` on with no `<html>` element
 * (web archives, several save-page tools), its `<body>` alone, and the body's content as a bare
 * fragment. Each form is re-encoded as UTF-8 from the page's decoded text, so only the markup's
 * shape differs.
 *
 * @example
 * savedForms(bytes).map((f) => f.form); // → ['html', 'head', 'body', 'fragment']
 */
import { decodeDocument } from '../../electron/core/import/charset';

export type SavedForm = 'html' | 'head' | 'body' | 'fragment';

export function savedForms(bytes: Uint8Array): { form: SavedForm; bytes: Uint8Array }[] {
  const page = decodeDocument(bytes).text.replace(/<meta[^>]*charset[^>]*>/gi, '');
  const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
  const head = page.replace(/<html[^>]*>/i, '').replace(/<\/html\s*>/i, '');
  const bodyAt = page.search(/<body[\s>]/i);
  const bodyEnd = page.toLowerCase().lastIndexOf('</body'); // pages may nest whole documents
  const body = bodyAt >= 0 ? `${page.slice(bodyAt, bodyEnd > bodyAt ? bodyEnd : undefined)}</body>` : page;
  const fragment = body.replace(/^<body[^>]*>/i, '').replace(/<\/body>$/i, '');
  return [
    { form: 'html', bytes: utf8(page) },
    { form: 'head', bytes: utf8(head) },
    { form: 'body', bytes: utf8(body) },
    { form: 'fragment', bytes: utf8(fragment) },
  ];
}
