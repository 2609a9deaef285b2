/**
 * ESLint rule `yandu/layers`: the layering table of DESIGN.md, enforced. Each file belongs to a
 * layer by its folder; each import is checked against what that layer may use.
 *
 * | layer            | may import                                  |
 * |------------------|---------------------------------------------|
 * | electron/shared  | zod, other files of shared                  |
 * | electron/core    | shared, core, node:*, npm (never electron)  |
 * | electron/main    | core, shared, electron, node:*, npm         |
 * | electron/preload | shared, electron                            |
 * | electron/web     | core, shared, web, node:*, npm (no electron)|
 * | renderer         | browser libraries, shared (pure code)       |
 *
 * Hosts (main, web) reach core only through its entry, `electron/core/index.ts`.
 *
 * @example
 * // electron/core/x.ts
 * import { app } from 'electron'; // → "electron/core may not import 'electron' …"
 */
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { acyclicRule } from './acyclic.js';
import { importVisitors } from './imports.js';

const builtins = new Set(builtinModules);
const isNodeBuiltin = (src) => src.startsWith('node:') || builtins.has(src.split('/')[0]);
const isElectron = (src) => src === 'electron' || src.startsWith('electron/');

/** The layer of a path relative to the project root, or undefined when not layered. */
export function layerOf(rel) {
  const p = rel.split(sep).join('/');
  for (const layer of ['electron/shared', 'electron/core', 'electron/main', 'electron/preload', 'electron/web']) {
    if (p.startsWith(`${layer}/`)) return layer;
  }
  if (p.startsWith('renderer/')) return 'renderer';
  return undefined;
}

/** Core's entry: the one file of core a host may import. */
const isCoreEntry = (target) => /^electron\/core\/index(\.[jt]s)?$/.test(target ?? '');
const HOST_ENTRY = 'hosts import core only through its entry, electron/core/index';

/**
 * Returns why `src` (imported from `layer`, resolving to `targetLayer`, the file `targetPath`
 * relative to the root) is refused, or null.
 */
export function refusal(layer, src, targetLayer, _typeOnly, targetPath) {
  const relative_ = src.startsWith('.');
  switch (layer) {
    case 'electron/shared':
      if (relative_) return targetLayer === 'electron/shared' ? null : 'shared may only import other files of shared';
      return src === 'zod' ? null : 'shared may import nothing but zod';
    case 'electron/core':
      if (isElectron(src)) return "core never imports 'electron' (it runs in plain Node)";
      if (relative_ && !['electron/shared', 'electron/core'].includes(targetLayer)) return 'core may only import shared and core';
      return null;
    case 'electron/main':
      if (relative_ && !['electron/shared', 'electron/core', 'electron/main'].includes(targetLayer)) return 'main may only import core, shared and main';
      if (targetLayer === 'electron/core' && !isCoreEntry(targetPath)) return HOST_ENTRY;
      return null;
    case 'electron/preload':
      if (relative_) return ['electron/shared', 'electron/preload'].includes(targetLayer) ? null : 'preload may only import shared';
      return isElectron(src) ? null : 'preload is sandboxed: it may import only electron and shared';
    case 'electron/web':
      if (isElectron(src)) return "web never imports 'electron' (it runs in plain Node)";
      if (relative_ && !['electron/shared', 'electron/core', 'electron/web'].includes(targetLayer)) return 'web may only import core, shared and web';
      if (targetLayer === 'electron/core' && !isCoreEntry(targetPath)) return HOST_ENTRY;
      return null;
    case 'renderer':
      if (isElectron(src)) return "renderer never imports 'electron'";
      if (isNodeBuiltin(src)) return 'renderer never imports Node built-ins';
      // shared is pure code (no Node, no Electron): the renderer uses it as it is.
      if (relative_ && targetLayer && targetLayer !== 'renderer' && targetLayer !== 'electron/shared') return `renderer never imports ${targetLayer}`;
      return null;
    default:
      return null;
  }
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the runtime layers of DESIGN.md' },
    schema: [],
    messages: { refused: "{{layer}} may not import '{{src}}': {{why}}." },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const layer = layerOf(relative(root, file));
    if (!layer) return {};
    // Tests beside the code may also use vitest, fast-check and the helpers under test/.
    const isTest = /\.test\.tsx?$/.test(file);
    const check = (node, src, typeOnly) => {
      if (typeof src !== 'string') return;
      const targetPath = src.startsWith('.') ? relative(root, resolve(dirname(file), src)).split(sep).join('/') : undefined;
      const target = targetPath ? layerOf(targetPath) : undefined;
      if (isTest && ((src.startsWith('.') && !target) || src === 'vitest' || src === 'fast-check')) return;
      const refused = refusal(layer, src, target, typeOnly, targetPath);
      // A host's tests may reach into core (to build what they test against).
      const why = isTest && refused === HOST_ENTRY ? null : refused;
      if (why) context.report({ node, messageId: 'refused', data: { layer, src, why } });
    };
    return importVisitors(check, { dynamic: true });
  },
};

export default { rules: { layers: layersRule, acyclic: acyclicRule } };
