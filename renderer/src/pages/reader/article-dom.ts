/**
 * Builds the body of the article view. Stored article HTML is sanitized at import; here it is
 * parsed into an inert document and copied element by element through a short allowlist, with no
 * attributes at all, so nothing in it can run, load or link anywhere. Text without HTML becomes
 * paragraphs, one per line. A first block that only repeats the title is left out.
 *
 * @example
 * const body = buildArticle(document, { html: '<p>基层<b>减负</b></p>' }, '标题');
 * body.innerHTML; // → '<p>基层减负</p>'
 */

/** Elements kept (without attributes); anything else is replaced by its content. */
const KEEP = new Set(['P', 'H2', 'H3', 'H4', 'BR', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'LI', 'STRONG', 'EM', 'B', 'I', 'SUB', 'SUP']);
/** Elements dropped with their content. */
const DROP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'HEAD', 'TITLE', 'IMG', 'VIDEO', 'AUDIO', 'PICTURE', 'SOURCE', 'LINK', 'META']);

function copy(from: Node, to: Node, doc: Document): void {
  for (const child of Array.from(from.childNodes)) {
    if (child.nodeType === 3) to.appendChild(doc.createTextNode((child as Text).data));
    else if (child.nodeType === 1) {
      const tag = (child as Element).tagName.toUpperCase();
      if (DROP.has(tag)) continue;
      if (KEEP.has(tag)) {
        const el = doc.createElement(tag.toLowerCase());
        copy(child, el, doc);
        to.appendChild(el);
      } else copy(child, to, doc);
    }
  }
}

const squash = (s: string): string => s.replace(/\s+/g, '');

export function buildArticle(doc: Document, source: { html?: string; text?: string }, title: string): HTMLElement {
  const body = doc.createElement('div');
  if (source.html) {
    const inert = new DOMParser().parseFromString(source.html, 'text/html');
    copy(inert.body, body, doc);
  } else {
    for (const line of (source.text ?? '').split('\n')) {
      if (!line.trim()) continue;
      const p = doc.createElement('p');
      p.textContent = line.trim();
      body.appendChild(p);
    }
  }
  const head = body.firstElementChild;
  if (head && squash(head.textContent ?? '') === squash(title)) head.remove();
  return body;
}
