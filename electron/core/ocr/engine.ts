/**
 * Chinese OCR of one page image: PaddleOCR's PP-OCRv4 models on ONNX Runtime (CPU), with
 * pre- and post-processing written here (no image library): the page is scaled so its longer side
 * is at most {@link OCR_LIMITS.detSide} pixels, text lines are found (`detect.ts`), and each line
 * is cut from the full-resolution image, scaled to 48 pixels high and read (`decode.ts`). One
 * engine holds its two sessions for as long as it lives; `close()` releases them.
 *
 * @example
 * const engine = await createOcrEngine();
 * const lines = await engine.read(gray); // [{ text: '坚持以人民为中心', x: 212, y: 180, width: 804, height: 31, confidence: 0.97 }, …]
 * await engine.close();
 */
import { readFile } from 'node:fs/promises';
import { ctcDecode } from './decode.js';
import { textBoxes } from './detect.js';
import { cropGray, resizeGray, type GrayImage } from './gray.js';
import { ocrModelFiles } from './models.js';

export interface OcrLine {
  text: string;
  /** The line's box in the image's pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
  confidence: number;
  /**
   * Where each character of `text` (UTF-16 unit) sits along the line, as a fraction of the box's
   * width (its centre, from the step the model read it at).
   */
  centers: number[];
}

export interface OcrEngine {
  read(image: GrayImage): Promise<OcrLine[]>;
  close(): Promise<void>;
}

export const OCR_LIMITS = {
  /** The detection model's input: the page's longer side at most this many pixels. */
  detSide: 2048,
  /** Lines are read 48 pixels high (the model's height), at most this wide. */
  recHeight: 48,
  recMaxWidth: 2400,
  /** Lines read with less confidence are dropped (PaddleOCR's drop_score). */
  minConfidence: 0.5,
};

const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

type Ort = typeof import('onnxruntime-node');

export async function createOcrEngine(options: { threads?: number } = {}): Promise<OcrEngine> {
  const ort: Ort = await import('onnxruntime-node');
  const files = ocrModelFiles();
  const sessionOptions = { intraOpNumThreads: options.threads ?? 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' as const, enableCpuMemArena: false };
  const det = await ort.InferenceSession.create(files.detection, sessionOptions);
  const rec = await ort.InferenceSession.create(files.recognition, sessionOptions);
  const charset = [...(await readFile(files.charset, 'utf8')).replace(/\r/g, '').split('\n').filter((l, i, all) => i < all.length - 1 || l), ' '];

  async function detect(image: GrayImage) {
    const scale = Math.min(1, OCR_LIMITS.detSide / Math.max(image.width, image.height));
    const width = Math.max(32, Math.round((image.width * scale) / 32) * 32);
    const height = Math.max(32, Math.round((image.height * scale) / 32) * 32);
    const small = resizeGray(image, width, height);
    const n = width * height;
    const input = new Float32Array(3 * n);
    for (let c = 0; c < 3; c++) {
      const m = MEAN[c]!;
      const s = STD[c]!;
      const plane = input.subarray(c * n, (c + 1) * n);
      for (let i = 0; i < n; i++) plane[i] = (small.data[i]! / 255 - m) / s;
    }
    const tensor = new ort.Tensor('float32', input, [1, 3, height, width]);
    const out = await det.run({ [det.inputNames[0]!]: tensor });
    const map = out[det.outputNames[0]!]!;
    const boxes = textBoxes(map.data as Float32Array, width, height);
    tensor.dispose();
    map.dispose();
    const fx = image.width / width;
    const fy = image.height / height;
    return boxes.map((b) => ({ x: b.x * fx, y: b.y * fy, width: b.width * fx, height: b.height * fy }));
  }

  async function recognize(image: GrayImage, box: { x: number; y: number; width: number; height: number }): Promise<OcrLine | undefined> {
    const crop = cropGray(image, box.x, box.y, box.width, box.height);
    const h = OCR_LIMITS.recHeight;
    const w = Math.max(h / 4, Math.min(OCR_LIMITS.recMaxWidth, Math.round((crop.width * h) / crop.height)));
    const line = resizeGray(crop, Math.round(w), h);
    const n = line.width * h;
    const input = new Float32Array(3 * n);
    for (let i = 0; i < n; i++) input[i] = line.data[i]! / 127.5 - 1;
    input.copyWithin(n, 0, n);
    input.copyWithin(2 * n, 0, n);
    const tensor = new ort.Tensor('float32', input, [1, 3, h, line.width]);
    const out = await rec.run({ [rec.inputNames[0]!]: tensor });
    const probs = out[rec.outputNames[0]!]!;
    const [, steps, classes] = probs.dims as number[];
    const { text, confidence, steps: at } = ctcDecode(probs.data as Float32Array, steps!, classes!, charset);
    tensor.dispose();
    probs.dispose();
    if (!text.trim() || confidence < OCR_LIMITS.minConfidence) return undefined;
    // Steps spread evenly over the crop (the box within the image), placed as fractions of the box.
    const cropX = Math.max(0, Math.floor(box.x));
    const centers = at.map((t) => Math.round(((cropX + ((t + 0.5) / steps!) * crop.width - box.x) / box.width) * 1000) / 1000);
    return { text, x: box.x, y: box.y, width: box.width, height: box.height, confidence, centers };
  }

  return {
    async read(image) {
      const lines: OcrLine[] = [];
      for (const box of await detect(image)) {
        const line = await recognize(image, box);
        if (line) lines.push(line);
      }
      return lines;
    },
    async close() {
      await det.release();
      await rec.release();
    },
  };
}
