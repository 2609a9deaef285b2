/**
 * Finds the article in a page: the densest run of prose among its text blocks. Each block gets a
 * value — positive for prose (its non-link characters plus a bonus for Chinese punctuation),
 * negative for link lists, boilerplate containers (comments, sidebars, footers, share bars) and
 * stray short lines — and the article is the contiguous run of blocks with the largest sum
 * (Kadane's maximum subarray). Short, link-free lines inside the run (subheadings) are kept; link
 * lists and boilerplate inside it are dropped.
 *
 * @example
 * const { blocks } = extractArticle(document.body);
 * blocks.map((b) => b.text).join('\n'); // → the article's paragraphs
 */
import { collectBlocks, type Block } from './blocks.js';

const BOILERPLATE =
  /comment|reply|share|footer|copyright|sidebar|side-bar|recommend|related|relate|hotnews|rank|breadcrumb|crumb|login|modal|advert|banner|toolbar|subscribe|qrcode|erweima|vipbox|pinglun|xgyd|xgwz|tuijian/i;
const NAV_TAGS = new Set(['nav', 'footer', 'aside', 'header']);
/** A short line that closes a post ("由…张贴 @ …  共 11 篇评论 发表评论"): pages listing several posts. */
const END_OF_POST = /发表评论|篇评论|条评论|张贴\s*@|posted by|阅读全文/i;

export interface ScoredBlock extends Block {
  value: number;
  prose: number;
  boilerplate: boolean;
}

function isBoilerplate(el: Element, stop: Element): boolean {
  for (let node: Element | null = el; node && node !== stop; node = node.parentElement) {
    if (NAV_TAGS.has(node.tagName.toLowerCase())) return true;
    const label = `${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`;
    if (label.trim() && BOILERPLATE.test(label)) return true;
  }
  return false;
}

/** Characters a reader sees: whitespace left out. */
export const visibleLength = (s: string): number => s.replace(/\s+/g, '').length;

/** Visible characters of a list of blocks. */
export const visibleCharsOf = (blocks: readonly { text: string }[]): number => blocks.reduce((n, b) => n + visibleLength(b.text), 0);

export function scoreBlocks(blocks: Block[], root: Element): ScoredBlock[] {
  return blocks.map((block) => {
    const length = visibleLength(block.text);
    const prose = Math.max(0, length - block.linkChars);
    const linkDensity = length ? block.linkChars / length : 1;
    const boilerplate = isBoilerplate(block.el, root);
    let value: number;
    if (boilerplate) value = -(length + 20);
    else if (linkDensity > 0.4) value = -(block.linkChars + 10);
    else if (prose >= 30 || (prose >= 8 && block.punct >= 1)) value = prose + 8 * block.punct;
    else value = -4;
    return { ...block, value, prose, boilerplate };
  });
}

/** The `[start, end]` (inclusive) of the run with the largest sum of values. */
export function bestRun(values: number[]): [number, number] {
  let best = -Infinity;
  let bestRange: [number, number] = [0, -1];
  let sum = 0;
  let start = 0;
  values.forEach((value, i) => {
    if (sum <= 0) {
      sum = value;
      start = i;
    } else sum += value;
    if (sum > best) {
      best = sum;
      bestRange = [start, i];
    }
  });
  return bestRange;
}

/**
 * The element to read a page from: its body, unless the parser put most of the text elsewhere
 * (pages with stray wrappers or broken nesting).
 */
export function contentRoot(document: Document): Element {
  const html = document.documentElement;
  const body = document.body;
  if (body && (body.textContent?.length ?? 0) >= 0.5 * (html?.textContent?.length ?? 0)) return body;
  return html ?? body;
}

/**
 * Splits the blocks at end-of-post lines and takes, from the segments' best runs, the first one
 * worth at least a quarter of the best: on a page of several posts, the first post is the page's own.
 */
function chooseRun(scored: ScoredBlock[]): ScoredBlock[] {
  const segments: ScoredBlock[][] = [[]];
  for (const block of scored) {
    if (END_OF_POST.test(block.text) && block.text.length < 200) segments.push([]);
    else segments[segments.length - 1]!.push(block);
  }
  const runs = segments.map((segment) => {
    const [start, end] = bestRun(segment.map((b) => b.value));
    const run = segment.slice(start, end + 1);
    return { run, sum: run.reduce((n, b) => n + b.value, 0) };
  });
  const best = Math.max(...runs.map((r) => r.sum));
  return runs.find((r) => r.sum >= best / 4)?.run ?? [];
}

export interface Extraction {
  /** The article's blocks, in order. */
  blocks: ScoredBlock[];
  /** Every block of the page, in order. */
  all: ScoredBlock[];
  /** Index in `all` of the run's first and last block. */
  start: number;
  end: number;
}

export function extractArticle(root: Element): Extraction {
  const all = scoreBlocks(collectBlocks(root), root);
  const run = chooseRun(all);
  const blocks = run.filter((b) => !b.boilerplate && b.linkChars <= visibleLength(b.text) * 0.4);
  const start = run.length ? all.indexOf(run[0]!) : 0;
  const end = run.length ? all.indexOf(run[run.length - 1]!) : -1;
  return { blocks, all, start, end };
}
