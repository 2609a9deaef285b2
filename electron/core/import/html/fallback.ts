/**
 * When the article extractor (`extract.ts`) finds little of a page whose visible text is large —
 * a layout it does not know, prose split into many small blocks, a page of lists — the text comes
 * from elsewhere, and the document says which path it took (`extraction`):
 *
 * 1. `readability`: Mozilla's Readability (Firefox's reader view) on a fresh parse of the page,
 *    when it finds clearly more;
 * 2. `page`: every visible block of the page that is not a link list or boilerplate (navigation,
 *    footer, comments…), so that nothing a browser shows is lost.
 *
 * @example
 * if (findsTooLittle(articleChars, pageChars)) {
 *   const fallback = fallbackBlocks(source, all, articleChars); // → { path: 'readability', blocks: [...] }
 * }
 */
import { Readability } from '@mozilla/readability';
import { collectBlocks } from './blocks.js';
import { scoreBlocks, visibleCharsOf, visibleLength, type ScoredBlock } from './extract.js';
import { parsePage } from './parse.js';

export type ExtractionPath = 'readability' | 'page';

/**
 * True when the article found is next to nothing against what the page shows: under 50
 * characters of a page of 200 or more, or under a twentieth of a page of 2,000 or more. (A short
 * article on a page of long comments is an article: a fifth misjudged such pages.)
 */
export function findsTooLittle(articleChars: number, pageChars: number): boolean {
  return (articleChars < 50 && pageChars >= 200) || (articleChars < 0.05 * pageChars && pageChars >= 2000);
}

/** Readable blocks of a DOM subtree: not link lists, not boilerplate containers. */
const readable = (blocks: ScoredBlock[]): ScoredBlock[] => blocks.filter((b) => !b.boilerplate && b.linkChars <= visibleLength(b.text) * 0.4);

/** The text by the first path that finds clearly more than `articleChars`, or undefined. */
export function fallbackBlocks(source: string, all: ScoredBlock[], articleChars: number): { path: ExtractionPath; blocks: ScoredBlock[] } | undefined {
  try {
    const { document } = parsePage(source);
    const article = new Readability(document as never, { charThreshold: 100 }).parse();
    if (article?.content) {
      const { document: content } = parsePage(article.content);
      const root = content.body ?? content.documentElement;
      const blocks = readable(scoreBlocks(collectBlocks(root), root));
      const chars = visibleCharsOf(blocks);
      if (chars >= 100 && chars > 1.5 * articleChars) return { path: 'readability', blocks };
    }
  } catch {
    // Readability gives up on some pages: the page's own blocks follow.
  }
  const blocks = readable(all);
  const chars = visibleCharsOf(blocks);
  return chars > articleChars ? { path: 'page', blocks } : undefined;
}
