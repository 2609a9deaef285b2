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

/** A topic as the theme classifier learns it: with the genre's usual wording for it, when the taxonomy gives some. */
export interface TrainingTopic extends TopicRecord {
  /** How commentaries talk about the theme (words and turns of phrase): training only, neither shown nor a 提法. */
  wording?: string;
}

/** A built-in topic, with the taxonomy version that added it and the paths it had before. */
export interface BuiltinTopic extends TrainingTopic {
  since?: number;
  aliases?: string[];
}

interface Node {
  name: string;
  description?: string;
  phrases?: string[];
  wording?: string;
  since?: number;
  aliases?: string[];
  children?: Node[];
}

const found = new Map<string, string | undefined>();

/** Finds `resources/<rel>` above this file (source tree, `out/main`, or an unpacked app); looked up once. */
export function resourcePath(rel: string, from = dirname(fileURLToPath(import.meta.url))): string | undefined {
  const key = `${from}\0${rel}`;
  if (found.has(key)) return found.get(key);
  let hit: string | undefined;
  for (let dir = from, i = 0; i < 6 && !hit; i++, dir = dirname(dir)) {
    const candidate = join(dir, 'resources', rel);
    if (existsSync(candidate)) hit = candidate;
  }
  // Only a hit is kept: a resource may appear later (a build writing it), never vanish while open.
  if (hit) found.set(key, hit);
  return hit;
}

export function flatten(nodes: Node[], prefix = ''): BuiltinTopic[] {
  return nodes.flatMap((n) => {
    const path = prefix ? `${prefix}/${n.name}` : n.name;
    const own = { path, ...(n.description ? { description: n.description } : {}), phrases: n.phrases ?? [], ...(n.wording ? { wording: n.wording } : {}), ...(n.since ? { since: n.since } : {}), ...(n.aliases?.length ? { aliases: n.aliases } : {}) };
    return [own, ...flatten(n.children ?? [], path)];
  });
}

const cache = new Map<string, { version: number; topics: BuiltinTopic[] }>();

function read(file: string): { version: number; topics: BuiltinTopic[] } {
  let hit = cache.get(file);
  if (!hit) {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { version?: number; roots: Node[] };
    hit = { version: raw.version ?? 1, topics: flatten(raw.roots) };
    cache.set(file, hit);
  }
  return hit;
}

/** The built-in taxonomy file (its version and flattened topics, copies to change); empty when it cannot be found. */
export function builtinTaxonomy(file: string | undefined = resourcePath(join('topics', 'zh-CN.json'))): { version: number; topics: BuiltinTopic[] } {
  if (file === undefined) return { version: 0, topics: [] };
  const hit = read(file);
  return { version: hit.version, topics: hit.topics.map((t) => ({ ...t, phrases: [...t.phrases] })) };
}

/** The built-in taxonomy's version alone (0 when it cannot be found): cheap, asked on every use. */
export function builtinVersion(file: string | undefined = resourcePath(join('topics', 'zh-CN.json'))): number {
  return file === undefined ? 0 : read(file).version;
}

/** The built-in topics as a library stores them (no version marks, no training wording). */
export function builtinTopics(file?: string): TopicRecord[] {
  return trainingTopics(file).map(({ wording: _w, ...t }) => t);
}

/**
 * The built-in topics as the theme classifier learns them (`npm run train:topics`): with their wording.
 *
 * @example
 * trainingTopics().find((t) => t.path === '民生保障/就业')?.wording; // → '就业岗位，求职，招聘，…'
 */
export function trainingTopics(file?: string): TrainingTopic[] {
  return builtinTaxonomy(file).topics.map(({ since: _s, aliases: _a, ...t }) => t);
}
