/**
 * `npm run icons`: the platform icons from the one drawing, build/icon.svg — icon.png (1024 px,
 * Linux and the window), icon.ico (Windows: 16–256 px) and icon.icns (macOS: 16–1024 px). ICO and
 * ICNS hold PNG images, which both formats allow. The output is deterministic (the test
 * regenerates it and compares).
 *
 * @example
 * npx tsx build/make-icons.ts            # writes build/icon.{png,ico,icns}
 * makeIcons(svg)                         // → { png, ico, icns } as Buffers
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const png = (svg: Buffer, size: number): Buffer => Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng());

/** ICO: a directory of PNG images (width/height 0 means 256). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, data } of images) {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

/** ICNS: typed chunks of PNG data. */
function icns(images: { type: string; data: Buffer }[]): Buffer {
  const chunks = images.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

export function makeIcons(svg: Buffer): { png: Buffer; ico: Buffer; icns: Buffer } {
  return {
    png: png(svg, 1024),
    ico: ico([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, data: png(svg, size) }))),
    icns: icns([
      ['icp4', 16],
      ['icp5', 32],
      ['icp6', 64],
      ['ic07', 128],
      ['ic08', 256],
      ['ic09', 512],
      ['ic10', 1024],
    ].map(([type, size]) => ({ type: type as string, data: png(svg, size as number) }))),
  };
}

if (process.argv[1]?.endsWith('make-icons.ts')) {
  const dir = import.meta.dirname;
  const icons = makeIcons(readFileSync(join(dir, 'icon.svg')));
  writeFileSync(join(dir, 'icon.png'), icons.png);
  writeFileSync(join(dir, 'icon.ico'), icons.ico);
  writeFileSync(join(dir, 'icon.icns'), icons.icns);
  console.log(`build/icon.png ${icons.png.length} B, icon.ico ${icons.ico.length} B, icon.icns ${icons.icns.length} B`);
}
