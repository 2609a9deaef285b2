/**
 * `npm run bench:ocr`: OCR measured on real pages. The 人民日报 commentaries printed to PDF
 * (`../shared/corpus/html/rmrb-commentary/pdf/`) are drawn by poppler at 300 and 150 dpi and
 * rebuilt as image-only PDFs; Yandu's OCR path (pdf.js draws the page, `ocr/engine.ts` reads it,
 * `ocr/layer.ts` joins it into the page's text) is scored by Chinese-character F1 against
 * `pdftotext` of the original page. The first ten articles are the part OCR's settings were
 * chosen on; the figures are for the other twenty (both their pages at each resolution).
 * Also: pages per second on this machine's cores, the process's peak memory, and the text read
 * from `../shared/corpus/pdf/scanned-image-only.pdf`.
 *
 * With `--tesseract`, tesseract.js with chi_sim (best_int) reads the same pages, for comparison:
 * `npm i --no-save tesseract.js @tesseract.js-data/chi_sim` first (not a dependency of Yandu).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { withPdf } from '../electron/core/import/pdf/extract';
import { createOcrEngine } from '../electron/core/ocr/engine';
import { itemsOf, pageTextOf } from '../electron/core/ocr/layer';
import { renderPage } from '../electron/core/ocr/render';
import { charF1, pdfText, scannedPdf } from '../test/support/scan-pdf';
import { SHARED } from '../test/support/shared';

const PDFS = join(SHARED, 'corpus', 'html', 'rmrb-commentary', 'pdf');
const files = readdirSync(PDFS).filter((f) => f.endsWith('.pdf')).sort();
const TUNING = 10;
const reported = files.slice(TUNING);
const limit = Number(process.argv.find((a) => a.startsWith('--articles='))?.split('=')[1] ?? reported.length);
const threads = Math.min(2, availableParallelism());

const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

async function yanduRead(engine: Awaited<ReturnType<typeof createOcrEngine>>, scan: Buffer, n: number): Promise<string> {
  return withPdf(scan, async (doc) => {
    const { image, viewport } = await renderPage(doc, n);
    return pageTextOf((await engine.read(image)).flatMap((line) => itemsOf(line, viewport))).text;
  });
}

const engine = await createOcrEngine({ threads });
const scores: Record<number, number[]> = { 300: [], 150: [] };
const times: number[] = [];
const started = performance.now();
for (const file of reported.slice(0, limit)) {
  for (const dpi of [300, 150]) {
    const scan = scannedPdf(join(PDFS, file), { dpi, first: 1, last: 2 });
    for (const n of [1, 2]) {
      const t = performance.now();
      const text = await yanduRead(engine, scan, n);
      times.push((performance.now() - t) / 1000);
      scores[dpi]!.push(charF1(pdfText(join(PDFS, file), n), text).f1);
    }
  }
}
const wall = (performance.now() - started) / 1000;
const scanned = readFileSync(join(SHARED, 'corpus', 'pdf', 'scanned-image-only.pdf'));
const sample = await yanduRead(engine, scanned, 1);
await engine.close();
const peakMB = process.resourceUsage().maxRSS / 1024;

console.log(`### OCR — measured ${new Date().toISOString().slice(0, 16)}Z on this machine (${availableParallelism()} cores, ONNX Runtime ${threads} threads)\n`);
console.log(`${reported.slice(0, limit).length} commentaries not used to choose settings, pages 1 and 2; Chinese-character F1 against pdftotext of the original page.\n`);
console.log('| what | result | target |');
console.log('|---|---|---|');
for (const dpi of [300, 150]) {
  const xs = scores[dpi]!;
  console.log(`| F1 at ${dpi} dpi: mean / worst page (${xs.length} pages) | ${mean(xs).toFixed(3)} / ${Math.min(...xs).toFixed(3)} | ≥ ${dpi === 300 ? '0.97' : '0.95'} |`);
}
console.log(`| time per page: median / p90 (draw + read) | ${quantile(times, 0.5).toFixed(2)} s / ${quantile(times, 0.9).toFixed(2)} s | — |`);
console.log(`| pages per second (${times.length} pages, ${wall.toFixed(0)} s) | ${(times.length / wall).toFixed(2)} | — |`);
console.log(`| peak memory of the process (RSS) | ${peakMB.toFixed(0)} MB | — |`);
console.log(`\nscanned-image-only.pdf, page 1, first lines read:\n\n> ${sample.split('\n').slice(0, 4).join('\n> ')}\n`);

if (process.argv.includes('--tesseract')) {
  const { createWorker } = (await import('tesseract.js' as string)) as { createWorker: (lang: string, oem: number, options: object) => Promise<{ recognize(image: Buffer): Promise<{ data: { text: string } }>; terminate(): Promise<void> }> };
  const { execFileSync } = await import('node:child_process');
  const langPath = join(process.cwd(), 'node_modules', '@tesseract.js-data', 'chi_sim', '4.0.0_best_int');
  const worker = await createWorker('chi_sim', 1, { langPath, cacheMethod: 'none', gzip: true });
  const tScores: Record<number, number[]> = { 300: [], 150: [] };
  const tTimes: number[] = [];
  for (const file of reported.slice(0, limit)) {
    for (const dpi of [300, 150]) {
      for (const n of [1, 2]) {
        const png = execFileSync('pdftoppm', ['-gray', '-png', '-r', String(dpi), '-f', String(n), '-l', String(n), join(PDFS, file)], { maxBuffer: 256 << 20 });
        const t = performance.now();
        const { data } = await worker.recognize(png);
        tTimes.push((performance.now() - t) / 1000);
        tScores[dpi]!.push(charF1(pdfText(join(PDFS, file), n), data.text).f1);
      }
    }
  }
  await worker.terminate();
  console.log('| tesseract.js chi_sim (best_int), same pages | result |');
  console.log('|---|---|');
  for (const dpi of [300, 150]) console.log(`| F1 at ${dpi} dpi: mean / worst page | ${mean(tScores[dpi]!).toFixed(3)} / ${Math.min(...tScores[dpi]!).toFixed(3)} |`);
  console.log(`| time per page: median | ${quantile(tTimes, 0.5).toFixed(2)} s |`);
}
