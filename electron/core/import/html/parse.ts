/**
 * Parses a page into a DOM whose root is `<html>`, however it was saved. linkedom takes the first
 * element of the markup as the document element: a page saved from `<head>` on (as several save
 * tools and web archives write them), a fragment or a page with stray text before `<html>` had its
 * body left empty. Markup before the first `<html>` tag that is only a prologue (BOM, XML
 * declaration, doctype, comments) is dropped; anything else without an `<html>` root is wrapped
 * in one. End tags of the body and the document are dropped, as a browser ignores them.
 *
 * @example
 * parsePage('<head><title>T</title></head><body><p>正文</p></body>').document.body.textContent; // → '正文'
 * parsePage('<p>只有段落</p>').document.documentElement.tagName;                                 // → 'HTML'
 */
import { parseHTML } from 'linkedom';

const PROLOGUE = /^(?:\ufeff|\s|<\?[^>]*>|<!--[\s\S]*?-->|<!doctype[^>]*>)*/i;

/**
 * The markup with `<html>` as its first element. End tags of `</body>` and `</html>` are dropped:
 * a browser keeps adding what follows them to the body (pages that nest a whole document inside
 * another close it early), where linkedom would end the document there.
 */
export function withHtmlRoot(source: string): string {
  const prologue = PROLOGUE.exec(source)?.[0] ?? '';
  const rest = source.slice(prologue.length).replace(/<\/(?:html|body)\s*>/gi, '');
  if (/^<html[\s>/]/i.test(rest)) return prologue + rest;
  const at = rest.search(/<html[\s>/]/i);
  // Stray text or tags before a real <html>: what a browser shows is the page from <html> on.
  if (at >= 0 && !/<(?:body|p|div|article)[\s>/]/i.test(rest.slice(0, at))) return `<!DOCTYPE html>${rest.slice(at)}`;
  return `<!DOCTYPE html><html>${rest}</html>`;
}

export function parsePage(source: string): { document: Document } {
  const { document } = parseHTML(withHtmlRoot(source));
  return { document: document as unknown as Document };
}
