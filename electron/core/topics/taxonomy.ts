/**
 * The built-in taxonomy of exam topics (`resources/topics/zh-CN.json`), read once and flattened
 * to paths: `科目/申论·策论`, `党的建设/作风建设/形式主义官僚主义`. A library is seeded with it; from
 * then on the library's own list (which the user edits) is what counts.
 *
 * @example
 * const topics = builtinTopics(); // → [{ path: '科目', … }, { path: '科目/申论·策论', … }, …]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface TopicRecord {
  path: string;
  description?: string;
  phrases: string[];
}

interface Node {
  name: string;
  description?: string;
  phrases?: string[];
  children?: Node[];
}

/** Finds `resources/<rel>` above this file (source tree, `out/main`, or an unpacked app). */
export function resourcePath(rel: string, from = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from, i = 0; i < 6; i++, dir = dirname(dir)) {
    const candidate = join(dir, 'resources', rel);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function flatten(nodes: Node[], prefix = ''): TopicRecord[] {
  return nodes.flatMap((n) => {
    const path = prefix ? `${prefix}/${n.name}` : n.name;
    return [{ path, ...(n.description ? { description: n.description } : {}), phrases: n.phrases ?? [] }, ...flatten(n.children ?? [], path)];
  });
}

let cached: TopicRecord[] | undefined;

/** The built-in topics, flattened; empty when the resource cannot be found. */
export function builtinTopics(file: string | undefined = resourcePath(join('topics', 'zh-CN.json'))): TopicRecord[] {
  if (file === undefined) return [];
  if (!cached) cached = flatten((JSON.parse(readFileSync(file, 'utf8')) as { roots: Node[] }).roots);
  return cached.map((t) => ({ ...t, phrases: [...t.phrases] }));
}
