/**
 * The order in which the importer reads a PDF page's text items (core/import/pdf/text.ts): lines
 * by baseline, top to bottom, each left to right. The reader lays its marks over pdf.js's text
 * layer in this order, so a phrase found by search (in the stored text) is found in the layer
 * too, tables and columns included. test/integration/pdf-reading-order.test.ts checks both agree.
 *
 * @example
 * readingOrder([{ str: '减负', x: 40, y: 700, height: 10 }, { str: '基层', x: 10, y: 700, height: 10 }]); // → [1, 0]
 */
export interface PositionedItem {
  str: string;
  x: number;
  y: number;
  height: number;
}

/** Indexes of the items with text, in reading order. */
export function readingOrder(items: readonly PositionedItem[]): number[] {
  const lines: { y: number; members: number[] }[] = [];
  items.forEach((item, i) => {
    if (!item.str.length) return;
    const tolerance = Math.max(2, (item.height || 10) * 0.5);
    const line = lines.find((l) => Math.abs(l.y - item.y) <= tolerance);
    if (line) line.members.push(i);
    else lines.push({ y: item.y, members: [i] });
  });
  lines.sort((a, b) => b.y - a.y);
  return lines.flatMap((line) => line.members.sort((a, b) => items[a]!.x - items[b]!.x));
}
