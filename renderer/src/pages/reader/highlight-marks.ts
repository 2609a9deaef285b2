/**
 * Draws highlights into the reader's DOM: each becomes `<mark class="hl hl-<colour>" data-hl=id>`
 * around its characters (a fuzzy one dashed, titled 位置可能已变化，请确认); one with a note ends in
 * a note marker (`note-end`, titled with the note). Used by the article
 * view (whole text) and by each PDF page's text layer (that page's text). Where highlights
 * overlap, the later one shows.
 *
 * @example
 * drawHighlights(textNodesOf(body), doc.text!, [{ h, start: h.at!.start, end: h.at!.end }], '位置可能已变化');
 */
import type { Highlight } from '../../../../electron/shared/types';
import { domIndex, visibleAt, visibleIndex, wrapRanges } from './text-map';

export interface Placed {
  h: Highlight;
  /** Offsets in `text`. */
  start: number;
  end: number;
}

function markFor(h: Highlight, fuzzyTitle: string): HTMLElement {
  const mark = document.createElement('mark');
  mark.className = `hl hl-${h.color}${h.status === 'fuzzy' ? ' fuzzy' : ''}`;
  mark.dataset.hl = h.id;
  mark.dataset.testid = 'highlight';
  if (h.status === 'fuzzy') mark.title = fuzzyTitle;
  else if (h.note) mark.title = h.note;
  return mark;
}

/**
 * Wraps each placed highlight. `text` is what the nodes show (the article's text, a page's text);
 * when the nodes hold fewer characters (a title left out at the top), the difference is skipped.
 */
export function drawHighlights(nodes: Text[], text: string, placed: Placed[], fuzzyTitle: string): void {
  if (!placed.length) return;
  const index = visibleIndex(text);
  const dom = domIndex(nodes);
  const skipped = Math.max(0, index.at.length - dom.item.length);
  const owner = new Int32Array(dom.item.length).fill(-1);
  [...placed]
    .map((p, i) => ({ ...p, i }))
    .sort((a, b) => a.h.createdAt - b.h.createdAt)
    .forEach(({ start, end, i }) => owner.fill(i, Math.max(0, visibleAt(index, start) - skipped), Math.max(0, visibleAt(index, end) - skipped)));
  const ranges: { from: number; to: number; make: () => HTMLElement }[] = [];
  /** Per highlight with a note, its last range: the note's marker goes after it. */
  const lastOf = new Map<number, number>();
  for (let v = 0; v < owner.length; ) {
    const who = owner[v]!;
    let end = v + 1;
    while (end < owner.length && owner[end] === who) end++;
    if (who >= 0) {
      if (placed[who]!.h.note) lastOf.set(who, ranges.length);
      const at = ranges.length;
      ranges.push({
        from: v,
        to: end,
        make: () => {
          const mark = markFor(placed[who]!.h, fuzzyTitle);
          if (lastOf.get(who) === at) mark.classList.add('note-end');
          return mark;
        },
      });
    }
    v = end;
  }
  wrapRanges(dom, ranges);
}
