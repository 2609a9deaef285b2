/**
 * ESLint rule `yandu/acyclic`: core's modules import each other without loops. A loop makes the
 * order modules start in matter (a value used before its module ran) and ties every file of the
 * loop to all the others. Type-only imports do not count: they are gone at run time.
 *
 * The rule reads the import graph of `electron/core` from disk once per lint run and reports an
 * import when the file it imports leads back to the importing file, naming the loop.
 *
 * @example
 * // electron/core/a.ts: import { b } from './b.js';   electron/core/b.ts: import { a } from './a.js';
 * // → "this import closes a loop: electron/core/a.ts → electron/core/b.ts → electron/core/a.ts"
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { importVisitors } from './imports.js';

const CORE = 'electron/core';
const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:([^'";]*?)\s+from\s+)?['"](\.[^'"]+)['"]/gm;

/** True when an import's names are all `type` ones (`import { type A, type B } from …`). */
const onlyTypes = (clause) => {
  const names = /^\{([^}]*)\}$/.exec(clause?.trim() ?? '')?.[1];
  return names !== undefined && names.split(',').filter((n) => n.trim()).every((n) => n.trim().startsWith('type '));
};

/** The file an import specifier names, relative to the root (`./x.js` → `…/x.ts`). */
export function targetOf(root, from, spec) {
  return relative(root, resolve(dirname(join(root, from)), spec.replace(/\.js$/, '.ts'))).split(sep).join('/');
}

/** Value imports of a module's source text, as specifiers. */
export function valueImports(text) {
  const out = [];
  for (const m of text.matchAll(IMPORT)) if (!m[1] && !onlyTypes(m[2])) out.push(m[3]);
  return out;
}

function listFiles(root, dir, out = []) {
  for (const name of readdirSync(join(root, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(join(root, rel)).isDirectory()) listFiles(root, rel, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(rel);
  }
  return out;
}

const graphs = new Map();

/** Core's import graph: file → files it imports (values only, within core). */
export function coreGraph(root) {
  if (!graphs.has(root)) {
    const graph = new Map();
    for (const file of listFiles(root, CORE)) {
      const deps = valueImports(readFileSync(join(root, file), 'utf8')).map((s) => targetOf(root, file, s)).filter((t) => t.startsWith(`${CORE}/`));
      graph.set(file, deps);
    }
    graphs.set(root, graph);
  }
  return graphs.get(root);
}

/** A path from `start` back to `goal` through the graph, or undefined. */
export function pathBack(graph, start, goal) {
  const seen = new Set([start]);
  const queue = [[start]];
  while (queue.length) {
    const path = queue.shift();
    for (const next of graph.get(path[path.length - 1]) ?? []) {
      if (next === goal) return [...path, next];
      if (!seen.has(next)) {
        seen.add(next);
        queue.push([...path, next]);
      }
    }
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export const acyclicRule = {
  meta: {
    type: 'problem',
    docs: { description: "Keep core's imports free of loops" },
    schema: [],
    messages: { loop: 'this import closes a loop: {{loop}}' },
  },
  create(context) {
    const root = context.cwd;
    const file = relative(root, context.filename).split(sep).join('/');
    if (!file.startsWith(`${CORE}/`) || /\.test\.tsx?$/.test(file)) return {};
    const check = (node, spec, typeOnly) => {
      if (typeof spec !== 'string' || !spec.startsWith('.') || typeOnly) return;
      const target = targetOf(root, file, spec);
      const back = pathBack(coreGraph(root), target, file);
      if (back) context.report({ node, messageId: 'loop', data: { loop: [file, ...back].join(' → ') } });
    };
    // A dynamic import() loads later, on purpose: it makes no loop at start.
    return importVisitors(check);
  },
};
