/**
 * Scanned PDFs made from real text PDFs, for OCR tests and the benchmark: each page is drawn by
 * poppler (`pdftoppm -gray`, a renderer independent of pdf.js) at a resolution, and the grey
 * pictures are put one per page into a new PDF with no text at all; the truth to compare with
 * is `pdftotext` of the original page.
 *
 * @example
 * const scan = scannedPdf('rmrb.pdf', { dpi: 150, first: 1, last: 2 });
 * pdfText('rmrb.pdf', 1); // the page's own text layer, read by poppler
 */
import { execFileSync } from 'node:child_process';
import { deflateSync } from 'node:zlib';

/** A PGM (binary, 8-bit) file's pixels. */
export function readPgm(bytes: Buffer): { width: number; height: number; data: Buffer } {
  const header = /^P5\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 200).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, data: bytes.subarray(header[0].length, header[0].length + width * height) };
}

/** A PDF whose pages are the given grey pictures, each sized for `dpi`. */
export function imagePdf(pages: { width: number; height: number; data: Uint8Array }[], dpi: number): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string): number => objects.push(Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'));
  const catalog = add('');
  const tree = add('');
  const kids: number[] = [];
  for (const page of pages) {
    const packed = deflateSync(page.data);
    const image = add(Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${page.width} /Height ${page.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`, 'latin1'), packed, Buffer.from('\nendstream', 'latin1')]));
    const w = (page.width * 72) / dpi;
    const h = (page.height * 72) / dpi;
    const draw = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`;
    const content = add(`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${tree} 0 R >>`, 'latin1');
  objects[tree - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');
  const chunks: Buffer[] = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(chunk);
    offset += chunk.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${offset}\n%%EOF\n`;
  return Buffer.concat([...chunks, Buffer.from(xref, 'latin1')]);
}

/** Pages `first`..`last` of a text PDF drawn by poppler at `dpi`, as an image-only PDF. */
export function scannedPdf(file: string, { dpi, first, last }: { dpi: number; first: number; last: number }): Buffer {
  const pages: ReturnType<typeof readPgm>[] = [];
  for (let n = first; n <= last; n++) {
    const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(n), '-l', String(n), file], { maxBuffer: 512 << 20 });
    pages.push(readPgm(pgm));
  }
  return imagePdf(pages, dpi);
}

/** Page `n`'s text as poppler reads it. */
export function pdfText(file: string, n: number): string {
  return execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 }).toString('utf8');
}

/** The Chinese characters of a text, compatibility forms (⼤ for 大) folded. */
export const hanzi = (text: string): string[] => [...text.normalize('NFKC')].filter((c) => /[\u4e00-\u9fff]/.test(c));

/** F1 of the Chinese characters read against the truth's, as multisets (order aside). */
export function charF1(truth: string, read: string): { f1: number; precision: number; recall: number } {
  const count = (chars: string[]) => chars.reduce((m, c) => m.set(c, (m.get(c) ?? 0) + 1), new Map<string, number>());
  const t = count(hanzi(truth));
  const r = hanzi(read);
  let hit = 0;
  for (const [c, n] of count(r)) hit += Math.min(n, t.get(c) ?? 0);
  const truthLength = [...t.values()].reduce((a, b) => a + b, 0);
  const precision = hit / Math.max(1, r.length);
  const recall = hit / Math.max(1, truthLength);
  return { f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, precision, recall };
}
