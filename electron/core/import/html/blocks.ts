/**
 * A page as a list of text blocks in reading order: each block is the direct text of one
 * block-level element (inline children included), with how much of it is link text and how much
 * Chinese punctuation it has. Scripts, styles, forms, hidden elements and the like are skipped.
 *
 * @example
 * const blocks = collectBlocks(document.body);
 * // → [{ el: <p>, text: '形式主义向来是…', linkChars: 0, punct: 12 }, …]
 */

export interface Block {
  el: Element;
  text: string;
  linkChars: number;
  punct: number;
  /** Tag of the block element, lower case. */
  tag: string;
}

const SKIP = new Set([
  'script', 'style', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'select', 'option', 'input',
  'button', 'textarea', 'template', 'svg', 'canvas', 'video', 'audio', 'map', 'head', 'title', 'meta', 'link',
]);

export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'td', 'th', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'tbody', 'thead',
  'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote', 'center', 'header', 'footer', 'nav', 'aside', 'figure',
  'figcaption', 'body', 'html', 'hr', 'address', 'fieldset', 'caption',
]);

const PUNCT = /[，。；！？、：“”《》,;!?]/g;

function hidden(el: Element): boolean {
  const style = (el.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden') || el.hasAttribute('hidden');
}

/**
 * Collapses white space as a browser shows it, keeping `<br>` line breaks; lines are trimmed.
 * Private-use characters (icon-font glyphs) are dropped: they are never text.
 */
export const squash = (s: string): string =>
  s
    .replace(/[\ue000-\uf8ff]/g, '')
    .split('\n')
    .map((line) => line.replace(/[\s\u3000\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');

export function collectBlocks(root: Element): Block[] {
  const blocks: Block[] = [];
  const open = (el: Element): Block => ({ el, text: '', linkChars: 0, punct: 0, tag: el.tagName.toLowerCase() });
  const flush = (block: Block): void => {
    block.text = squash(block.text);
    if (block.text) {
      block.punct = block.text.match(PUNCT)?.length ?? 0;
      blocks.push(block);
    }
  };

  const walk = (node: Node, block: Block, inLink: boolean): Block => {
    let current = block;
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        const text = child.textContent ?? '';
        current.text += text;
        if (inLink) current.linkChars += text.replace(/\s+/g, '').length;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const tag = el.tagName.toLowerCase();
      if (SKIP.has(tag) || hidden(el)) continue;
      if (tag === 'br') {
        current.text += '\n';
        continue;
      }
      if (BLOCK_TAGS.has(tag)) {
        flush(current);
        flush(walk(el, open(el), inLink));
        current = open(current.el);
      } else {
        current = walk(el, current, inLink || tag === 'a');
      }
    }
    return current;
  };
  flush(walk(root, open(root), false));
  return blocks;
}
