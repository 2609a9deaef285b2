import { describe, expect, it } from 'vitest';
import { itemsOf, pageTextOf, piecesOf } from './layer';

/** pdf.js's viewport for an upright A4 page at `scale`, and for one turned by /Rotate 90. */
const upright = (scale: number) => ({ width: 595 * scale, height: 842 * scale, convertToPdfPoint: (x: number, y: number) => [x / scale, 842 - y / scale] });
const turned = (scale: number) => ({ width: 842 * scale, height: 595 * scale, convertToPdfPoint: (x: number, y: number) => [y / scale, x / scale] });

describe('OCR lines on the page', () => {
  it('cuts a line where its writing changes, each mark alone, placed by where the model read it', () => {
    const pieces = piecesOf('有“资本”GDP 3.5%', [0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.6, 0.65, 0.72, 0.8, 0.85, 0.9, 0.95]);
    expect(pieces.map((p) => p.str)).toEqual(['有', '“', '资本', '”', 'GDP', '3.5%']);
    expect(pieces[0]!.from).toBeCloseTo(0);
    expect(pieces[2]!.from).toBeCloseTo(0.2);
    expect(pieces[2]!.to).toBeCloseTo(0.4);
    expect(pieces.at(-1)!.from).toBeCloseTo(0.76); // the space between GDP and 3 is left out
    expect(pieces.at(-1)!.to).toBeCloseTo(0.975);
  });

  it('places pieces in PDF user space and reads them back as the page’s text, upright or turned', () => {
    const line = { text: '坚持以人民为中心，"发展"', x: 100, y: 200, width: 480, height: 40, confidence: 0.99, centers: Array.from({ length: 13 }, (_, i) => (i + 0.5) / 13) };
    const items = itemsOf(line, upright(200 / 72));
    expect(items.map((i) => i.str)).toEqual(['坚持以人民为中心', '，', '“', '发展', '”']);
    const [first] = items;
    expect(first!.transform[4]).toBeCloseTo(100 / (200 / 72), 1);
    expect(first!.transform[5]).toBeCloseTo(842 - 240 / (200 / 72), 1);
    expect(first!.height).toBeCloseTo(40 / (200 / 72), 1);
    expect(pageTextOf(items).text).toBe('坚持以人民为中心，“发展”');
    // On a page turned by 90°, the baseline runs up the page's own y axis.
    const [side] = itemsOf(line, turned(2));
    expect(side!.transform[0]).toBeCloseTo(0);
    expect(side!.transform[1]).toBeGreaterThan(0);
  });
});
