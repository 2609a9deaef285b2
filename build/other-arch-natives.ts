/**
 * Before building the installers of both architectures on one machine (Windows: x64 and arm64;
 * macOS: arm64 and x64): the native canvas that pdf.js draws scanned pages on for OCR comes as
 * one npm package per platform and architecture, and npm installs only the machine's own. This
 * adds the other architecture's, at the same version, without saving it to package.json.
 * (ONNX Runtime's package already holds every architecture's binaries.)
 *
 * Usage: npx tsx build/other-arch-natives.ts
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../node_modules/@napi-rs/canvas/package.json', import.meta.url), 'utf8')) as { version: string };
const wanted = (
  {
  win32: ['@napi-rs/canvas-win32-x64-msvc', '@napi-rs/canvas-win32-arm64-msvc'],
  darwin: ['@napi-rs/canvas-darwin-x64', '@napi-rs/canvas-darwin-arm64'],
  } as Record<string, string[]>
)[process.platform];
if (!wanted) {
  console.log(`other-arch-natives: nothing to add on ${process.platform}`);
} else {
  const packages = wanted.map((name) => `${name}@${version}`);
  console.log(`other-arch-natives: ${packages.join(' ')}`);
  execFileSync('npm', ['install', '--no-save', '--force', '--ignore-scripts', ...packages], { stdio: 'inherit', shell: process.platform === 'win32' });
}
