/**
 * Measures topic suggestions on the hand-labelled documents of test/data/topic-labels.json:
 * imports them into a fresh library (laws unpacked from the shared corpus, the article fixture)
 * and compares each document's suggestions with its labels. A suggestion counts as right when it
 * is a labelled topic or its parent or child. precision@3: right suggestions among the first
 * three; recall@5: labels found among the first five.
 *
 * @example
 * const q = await topicQuality(dir); // → { precisionAt3: 0.61, recallAt5: 0.83, documents: 76, rows }
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createCore } from '../../electron/core/index';
import { SHARED } from './shared';

interface Label {
  source: 'laws' | 'fixture';
  file: string;
  topics: string[];
}

export interface TopicQuality {
  precisionAt3: number;
  recallAt5: number;
  documents: number;
  rows: { file: string; labels: string[]; top5: string[]; right3: number; found5: number }[];
}

const related = (a: string, b: string): boolean => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

export function topicLabels(): Label[] {
  return (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'data', 'topic-labels.json'), 'utf8')) as { items: Label[] }).items;
}

export async function topicQuality(dir: string): Promise<TopicQuality> {
  const labels = topicLabels();
  const files = join(dir, 'files');
  mkdirSync(files, { recursive: true });
  const laws = labels.filter((l) => l.source === 'laws').map((l) => l.file);
  execFileSync('tar', ['-xJf', join(SHARED, 'corpus', 'text', 'laws.tar.xz'), '-C', dir, ...laws]);
  const byPath = new Map<string, Label>();
  labels.forEach((l, i) => {
    const from = l.source === 'laws' ? join(dir, l.file) : join(SHARED, l.file);
    const to = join(files, `${String(i).padStart(3, '0')}-${basename(l.file)}`);
    copyFileSync(from, to);
    byPath.set(to, l);
  });
  const core = await createCore({ libraryDir: join(dir, 'library') });
  try {
    const report = await core.api.addPaths({ paths: [files] });
    if (report.failed.length) throw new Error(`topic quality: ${report.failed.length} files failed: ${report.failed[0]!.error}`);
    const rows: TopicQuality['rows'] = [];
    for (const { id, path } of report.added) {
      const label = byPath.get(path)!;
      const doc = await core.api.getDocument({ id });
      const top5 = (doc.suggestedTopics ?? []).slice(0, 5).map((s) => s.path);
      const right3 = top5.slice(0, 3).filter((s) => label.topics.some((l) => related(s, l))).length;
      const found5 = label.topics.filter((l) => top5.some((s) => related(s, l))).length;
      rows.push({ file: label.file, labels: label.topics, top5, right3, found5 });
    }
    const precisionAt3 = rows.reduce((n, r) => n + r.right3 / Math.max(1, Math.min(3, r.top5.length)), 0) / rows.length;
    const recallAt5 = rows.reduce((n, r) => n + r.found5 / r.labels.length, 0) / rows.length;
    return { precisionAt3, recallAt5, documents: rows.length, rows };
  } finally {
    await core.close();
  }
}
